#include "output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>
#include <set>

#include "errors.hpp"

namespace hukou::fileio {

namespace fs = std::filesystem;

namespace {
std::mutex g_mutex;
std::set<std::string> g_held;

// The target as an absolute, normalised path: the same output named two ways
// ("out.h5", "./out.h5") is one key.
std::string key_of(const fs::path& target) { return fs::absolute(target).lexically_normal().string(); }

std::string lock_path_of(const fs::path& target) {
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  return (dir / ("." + target.filename().string() + ".lock")).string();
}
}  // namespace

bool OutputLock::held(const fs::path& target) {
  std::lock_guard lock(g_mutex);
  return g_held.count(key_of(target)) > 0;
}

OutputLock::OutputLock(const fs::path& target, bool wait)
    : key_(key_of(target)), lock_path_(lock_path_of(target)) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    fd_ = ::open(lock_path_.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd_ < 0)
      throw FileError("cannot write " + target.string() + ": cannot create its lock file " + lock_path_ + ": " +
                          errno_text(errno),
                      errno == ELOOP);
    int rc;
    while ((rc = ::flock(fd_, LOCK_EX | (wait ? 0 : LOCK_NB))) != 0 && errno == EINTR) {
    }
    if (rc != 0) {
      const int err = errno;
      ::close(fd_);
      fd_ = -1;
      if (err == EWOULDBLOCK)
        throw FileError("cannot write " + target.string() + ": another hukou process is writing it (lock " +
                        lock_path_ + "); wait for it to finish or choose another output");
      throw FileError("cannot lock " + lock_path_ + ": " + errno_text(err));
    }
    struct stat held {}, now {};
    if (::fstat(fd_, &held) == 0 && ::lstat(lock_path_.c_str(), &now) == 0 && held.st_dev == now.st_dev &&
        held.st_ino == now.st_ino) {
      cleanup_.emplace(fs::absolute(lock_path_).string());
      std::lock_guard lock(g_mutex);
      g_held.insert(key_);
      return;
    }
    ::close(fd_);  // the holder before us removed it: lock the new one
    fd_ = -1;
  }
  throw FileError("cannot lock " + lock_path_ + ": it keeps being replaced");
}

OutputLock::~OutputLock() {
  {
    std::lock_guard lock(g_mutex);
    g_held.erase(key_);
  }
  cleanup_.reset();  // first: a signal after this must not remove another process's lock file
  ::unlink(lock_path_.c_str());  // while still locked: see the header
  ::close(fd_);
}

}  // namespace hukou::fileio
