// One writer per output. The lock is flock(2) on ".NAME.lock" beside the target,
// created if needed and removed on release. A second process that wants the same
// output fails at once with a message naming it (or, with wait, waits its turn);
// the lock dies with its process, so a killed writer never blocks the next.
//
// Removing the lock file is safe because a locker checks, after flock, that the
// path still names the inode it locked (else it locks again): a process that
// opened the file just before the holder removed it cannot hold a lock that
// another process also holds on a newer file of the same name.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "cleanup.hpp"

namespace hukou::fileio {

class OutputLock {
 public:
  // Throws FileError if another process holds the lock (unless wait) or the lock
  // file cannot be made.
  explicit OutputLock(const std::filesystem::path& target, bool wait = false);
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  // Whether this process holds the lock of `target` (flock locks of one process
  // conflict with each other, so a writer must not take a lock it already holds).
  static bool held(const std::filesystem::path& target);

 private:
  std::string key_, lock_path_;
  int fd_ = -1;
  std::optional<CleanupOnSignal> cleanup_;  // only once the lock is ours
};

}  // namespace hukou::fileio
