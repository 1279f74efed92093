// Writing an output so that it never harms what it replaces.
//
// The bytes go to a temporary file ".NAME.<random>.tmp" in the target's directory,
// created exclusively (O_CREAT | O_EXCL | O_NOFOLLOW, mode 0600: nobody can have
// planted it, nor a symlink under its name, nor read it half written). commit()
// fsyncs it, gives it its final mode (the replaced file's, else 0666 less the
// umask), checks the target once more (target_check.hpp) and renames it over the
// target, then fsyncs the directory. Every step works on the directory opened once
// (openat, renameat), so the temporary file and the target stay in one directory
// even if its path is changed meanwhile. Until commit() succeeds the target is
// untouched; on any error, on destruction without commit, or on a signal
// (cleanup.hpp), the temporary file is removed. The output's lock
// (output_lock.hpp) is taken unless this process already holds it.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "cleanup.hpp"
#include "output_lock.hpp"

namespace hukou::fileio {

struct WriteOptions {
  bool replaces_input = false;  // the target may be a file this process read (target_check.hpp)
  bool wait_for_lock = false;   // wait for another writer instead of failing
};

class AtomicFile {
 public:
  // Checks the target, locks it and creates the temporary file; throws FileError.
  explicit AtomicFile(const std::filesystem::path& target, WriteOptions options = {});
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);
  // Makes the written bytes the target (see above); throws FileError.
  void commit();

 private:
  void discard() noexcept;

  std::filesystem::path target_;
  std::string name_, tmp_name_;
  WriteOptions options_;
  std::optional<OutputLock> lock_;
  int dirfd_ = -1, fd_ = -1;
  std::optional<CleanupOnSignal> cleanup_;
};

// The whole file at once.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes, WriteOptions options = {});

}  // namespace hukou::fileio
