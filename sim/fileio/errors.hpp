// The one exception type of hukou_fileio, and errno in words.
#pragma once
#include <stdexcept>
#include <string>

namespace hukou::fileio {

class FileError : public std::runtime_error {
 public:
  // refused: the path names something hukou will not read or replace (a FIFO, a
  // device, a symlink, one of the run's inputs, a file too large): the user's
  // mistake, exit 2. Otherwise the system failed (disk full, permission, a lock
  // held by another process): exit 1.
  FileError(const std::string& what, bool refused = false) : std::runtime_error(what), refused_(refused) {}
  bool refused() const noexcept { return refused_; }

 private:
  bool refused_;
};

// strerror(err), with what it usually means for the user where that is not obvious
// ("No space left on device (the disk is full)", "File too large (over the file
// size limit, ulimit -f)").
std::string errno_text(int err);

}  // namespace hukou::fileio
