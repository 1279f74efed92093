// Which paths an output may replace. An output replaces its target only if the
// target is absent or a regular file: never a symlink (whose target would be
// clobbered through it), a device (as root, `-o /dev/null` would replace the
// system's /dev/null), a FIFO or a directory; and never a file this process has
// read as an input (`hukou run my.toml -o my.toml`), compared by device and inode
// so that another name for the same file is caught too.
#pragma once
#include <sys/types.h>

#include <filesystem>

namespace hukou::fileio {

// Remembers an input this process has read (input_file.cpp calls it for every
// file it reads). Thread-safe.
void record_input(dev_t dev, ino_t ino);
bool is_recorded_input(dev_t dev, ino_t ino);

// Throws FileError(refused) unless `target`'s directory exists and `target` may be
// replaced as above; `replaces_input` allows a recorded input (a command that
// rewrites the file it read, like `evaluate`'s store).
void check_target(const std::filesystem::path& target, bool replaces_input = false);

// The same for the entry `name` of the open directory `dirfd` (just before the
// rename, so that a change since the first check is caught).
void check_target_at(int dirfd, const std::string& name, const std::string& shown, bool replaces_input);

}  // namespace hukou::fileio
