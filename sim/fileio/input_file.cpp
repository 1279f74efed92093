#include "input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "errors.hpp"
#include "target_check.hpp"

namespace hukou::fileio {

namespace {
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string kind_of(mode_t m) {
  if (S_ISDIR(m)) return "a directory";
  if (S_ISFIFO(m)) return "a FIFO (named pipe)";
  if (S_ISCHR(m) || S_ISBLK(m)) return "a device";
  if (S_ISSOCK(m)) return "a socket";
  return "not a regular file";
}

std::string size_text(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 30)) return std::to_string(bytes >> 30) + " GiB";
  if (bytes >= (std::size_t{1} << 20)) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}
}  // namespace

std::string read_input_file(const std::filesystem::path& path, std::size_t max_bytes, std::string_view what) {
  const std::string shown = path.string() + ": ";
  if (path.empty()) throw FileError(std::string(what) + " '': no such file", true);
  Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    const int err = errno;
    if (err == ENOENT) throw FileError(shown + "no such file");
    throw FileError(shown + "cannot open the " + std::string(what) + ": " + errno_text(err));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) throw FileError(shown + "cannot examine the file: " + errno_text(errno));
  if (!S_ISREG(st.st_mode))
    throw FileError(shown + "is " + kind_of(st.st_mode) + ", not a regular file; a " + std::string(what) +
                        " must be a regular file",
                    true);
  const auto too_large = [&] {
    return FileError(shown + "the " + std::string(what) + " is larger than the limit of " + size_text(max_bytes), true);
  };
  if (static_cast<std::size_t>(st.st_size) > max_bytes) throw too_large();
  std::string text;
  text.resize(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  for (;;) {
    if (got == text.size()) {
      if (text.size() > max_bytes) throw too_large();
      text.resize(std::min(max_bytes + 1, text.size() + 65536));  // the file may have grown
    }
    const ssize_t n = ::read(fd.get(), text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw FileError(shown + "cannot read the " + std::string(what) + ": " + errno_text(errno));
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  text.resize(got);
  if (got > max_bytes) throw too_large();
  record_input(st.st_dev, st.st_ino);
  return text;
}

}  // namespace hukou::fileio
