// A new directory only this user can enter, for files handed from one process to
// another (the report's evaluation tables, an export's CSV bundle): mkdtemp (mode
// 0700, a name of its own) under $TMPDIR or /tmp, removed with what is in it when
// this goes out of scope, and by the signal handler (cleanup.hpp) if the process is
// stopped (files in it: register them too, the handler removes only empty
// directories).
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "cleanup.hpp"

namespace hukou::fileio {

class PrivateDir {
 public:
  // Throws FileError if the directory cannot be made. `prefix` starts its name.
  explicit PrivateDir(const std::string& prefix);
  ~PrivateDir();
  PrivateDir(const PrivateDir&) = delete;
  PrivateDir& operator=(const PrivateDir&) = delete;
  // Absolute.
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::optional<CleanupOnSignal> cleanup_;
};

}  // namespace hukou::fileio
