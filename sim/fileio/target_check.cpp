#include "target_check.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <mutex>
#include <utility>
#include <vector>

#include "errors.hpp"

namespace hukou::fileio {

namespace fs = std::filesystem;

namespace {
std::mutex g_mutex;
std::vector<std::pair<dev_t, ino_t>> g_inputs;

const char* kind_of(mode_t m) {
  if (S_ISLNK(m)) return "a symbolic link";
  if (S_ISDIR(m)) return "a directory";
  if (S_ISFIFO(m)) return "a FIFO (named pipe)";
  if (S_ISCHR(m) || S_ISBLK(m)) return "a device";
  if (S_ISSOCK(m)) return "a socket";
  return "not a regular file";
}

void judge(int rc, int err, const struct stat& st, const std::string& shown, bool replaces_input) {
  if (rc != 0) {
    if (err == ENOENT) return;  // absent: nothing to harm
    throw FileError("cannot write " + shown + ": " + errno_text(err));
  }
  if (!S_ISREG(st.st_mode))
    throw FileError("refusing to write " + shown + ": it is " + kind_of(st.st_mode) +
                        "; an output replaces only a regular file",
                    true);
  if (!replaces_input && is_recorded_input(st.st_dev, st.st_ino))
    throw FileError("refusing to write " + shown + ": it is one of this command's input files", true);
}
}  // namespace

void record_input(dev_t dev, ino_t ino) {
  std::lock_guard lock(g_mutex);
  g_inputs.emplace_back(dev, ino);
}

bool is_recorded_input(dev_t dev, ino_t ino) {
  std::lock_guard lock(g_mutex);
  for (const auto& [d, i] : g_inputs)
    if (d == dev && i == ino) return true;
  return false;
}

void check_target(const fs::path& target, bool replaces_input) {
  const std::string shown = target.string();
  if (!target.has_filename() || target.filename() == "." || target.filename() == "..")
    throw FileError("cannot write '" + shown + "': not a file name", true);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  struct stat ds {};
  if (::stat(dir.c_str(), &ds) != 0 || !S_ISDIR(ds.st_mode))
    throw FileError("cannot write " + shown + ": directory " + dir.string() + " does not exist", true);
  struct stat st {};
  const int rc = ::lstat(target.c_str(), &st);
  judge(rc, errno, st, shown, replaces_input);
}

void check_target_at(int dirfd, const std::string& name, const std::string& shown, bool replaces_input) {
  struct stat st {};
  const int rc = ::fstatat(dirfd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW);
  judge(rc, errno, st, shown, replaces_input);
}

}  // namespace hukou::fileio
