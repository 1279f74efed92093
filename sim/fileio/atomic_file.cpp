#include "atomic_file.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <fstream>

#include "errors.hpp"
#include "target_check.hpp"

namespace hukou::fileio {

namespace fs = std::filesystem;

namespace {
// 0666 less the process's umask, read without changing it (umask(2) can only
// be read by setting it, which would race with other threads creating files).
mode_t default_mode() {
  static const mode_t mode = [] {
    std::ifstream in("/proc/self/status");
    std::string key;
    for (std::string line; std::getline(in, line);)
      if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(0666 & ~std::stoul(line.substr(6), nullptr, 8));
    return static_cast<mode_t>(0644);
  }();
  return mode;
}

std::string random_hex() {
  unsigned char bytes[8];
  std::size_t got = 0;
  while (got < sizeof bytes) {
    const ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw FileError(std::string("cannot make a temporary file name: getrandom: ") + errno_text(errno));
    got += static_cast<std::size_t>(n);
  }
  char hex[17];
  for (std::size_t i = 0; i < sizeof bytes; ++i) std::snprintf(hex + 2 * i, 3, "%02x", bytes[i]);
  return hex;
}
}  // namespace

AtomicFile::AtomicFile(const fs::path& target, WriteOptions options)
    : target_(target), name_(target.filename().string()), options_(options) {
  check_target(target_, options_.replaces_input);
  if (!OutputLock::held(target_)) lock_.emplace(target_, options_.wait_for_lock);
  const fs::path dir = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  dirfd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dirfd_ < 0) throw FileError("cannot write " + target_.string() + ": cannot open its directory: " + errno_text(errno));
  // NAME_MAX is 255: a long target name is shortened in the temporary name.
  const std::string stem = name_.size() > 200 ? name_.substr(0, 200) : name_;
  for (int attempt = 0; attempt < 16 && fd_ < 0; ++attempt) {
    tmp_name_ = "." + stem + "." + random_hex() + ".tmp";
    fd_ = ::openat(dirfd_, tmp_name_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd_ < 0 && errno != EEXIST) {
      const int err = errno;
      ::close(dirfd_);
      throw FileError("cannot write " + target_.string() + ": cannot create a temporary file in " + dir.string() +
                      ": " + errno_text(err));
    }
  }
  if (fd_ < 0) {
    ::close(dirfd_);
    throw FileError("cannot write " + target_.string() + ": cannot create a temporary file of a new name");
  }
  cleanup_.emplace(fs::absolute(dir / tmp_name_).string());
}

AtomicFile::~AtomicFile() {
  discard();
  if (dirfd_ >= 0) ::close(dirfd_);
}

void AtomicFile::discard() noexcept {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!tmp_name_.empty()) ::unlinkat(dirfd_, tmp_name_.c_str(), 0);
  tmp_name_.clear();
  cleanup_.reset();
}

void AtomicFile::write(std::string_view bytes) {
  if (fd_ < 0) throw FileError("cannot write " + target_.string() + ": the file is already closed");
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : ENOSPC;
      discard();
      throw FileError("cannot write " + target_.string() + ": " + errno_text(err));
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void AtomicFile::commit() {
  if (fd_ < 0) throw FileError("cannot write " + target_.string() + ": the file is already closed");
  const auto fail = [&](const std::string& step, int err) {
    discard();
    throw FileError("cannot write " + target_.string() + ": " + step + ": " + errno_text(err));
  };
  struct stat old {};
  const mode_t mode = ::fstatat(dirfd_, name_.c_str(), &old, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(old.st_mode)
                          ? (old.st_mode & 07777)
                          : default_mode();
  if (::fsync(fd_) != 0) fail("fsync", errno);
  if (::fchmod(fd_, mode) != 0) fail("chmod", errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail("close", errno);  // NFS reports write errors here
  try {
    check_target_at(dirfd_, name_, target_.string(), options_.replaces_input);
  } catch (...) {
    discard();
    throw;
  }
  if (::renameat(dirfd_, tmp_name_.c_str(), dirfd_, name_.c_str()) != 0) fail("rename", errno);
  tmp_name_.clear();
  cleanup_.reset();
  // Makes the rename durable; some file systems cannot fsync a directory (EINVAL).
  if (::fsync(dirfd_) != 0 && errno != EINVAL)
    throw FileError("wrote " + target_.string() + " but the rename may not survive a crash: fsync of its directory: " +
                    errno_text(errno));
}

void write_file_atomically(const fs::path& target, std::string_view bytes, WriteOptions options) {
  AtomicFile f(target, options);
  f.write(bytes);
  f.commit();
}

}  // namespace hukou::fileio
