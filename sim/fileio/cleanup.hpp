// What a signal leaves behind: nothing. Temporary files, lock files and temporary
// directories register their paths here while they exist; on SIGINT, SIGTERM or
// SIGHUP the handler unlinks every registered file, then removes every registered
// directory (empty by then), prints one line and exits with status 1.
//
// The handler may only call async-signal-safe functions, so the registry is a
// fixed array of fixed-size slots claimed with atomics: no allocation, no lock.
// SIGXFSZ is ignored, so that a file over the size limit (ulimit -f) fails its
// write() with EFBIG, which the writer reports, instead of killing the process.
#pragma once
#include <string>

namespace hukou::fileio {

// Installs the handlers above; call once, early in main().
void install_signal_handlers();

// A path the signal handler removes while this object lives (slot released on
// destruction or release()). Paths longer than the slot, or more registrations
// than slots, are not tracked: the owner still removes them on every normal path.
class CleanupOnSignal {
 public:
  explicit CleanupOnSignal(const std::string& path) noexcept;
  ~CleanupOnSignal() { release(); }
  CleanupOnSignal(const CleanupOnSignal&) = delete;
  CleanupOnSignal& operator=(const CleanupOnSignal&) = delete;
  // Stops tracking (the file was renamed into place or removed).
  void release() noexcept;

 private:
  int slot_ = -1;
};

}  // namespace hukou::fileio
