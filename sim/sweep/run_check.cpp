#include "run_check.hpp"

#include <sys/stat.h>

#include "fileio/errors.hpp"
#include "output/hdf5_reader.hpp"
#include "store.hpp"

namespace hukou::sweep {

namespace {
std::string attr(const output::RunFile& f, const std::string& key) {
  for (const auto& [k, v] : f.meta.extra)
    if (k == key) return v;
  return "";
}
}  // namespace

std::optional<std::string> run_file_problem(const std::filesystem::path& dir, std::size_t run,
                                            const std::string& hash) {
  const std::filesystem::path p = run_path(dir, run);
  struct stat st {};
  if (::lstat(p.c_str(), &st) != 0) return std::nullopt;
  try {
    const output::RunFile f = output::read_run_file(p);
    const std::string index = attr(f, "sweep_run"), file_hash = attr(f, "sweep_hash");
    if (index != std::to_string(run))
      return p.string() + " holds run " + (index.empty() ? "(none)" : index) + ", not run " + std::to_string(run);
    if (file_hash != hash)
      return p.string() + " belongs to another sweep (hash " + (file_hash.empty() ? "(none)" : file_hash) +
             ", this sweep: " + hash + ")";
    return "";
  } catch (const output::OutputError& e) {
    return e.what();
  } catch (const fileio::FileError& e) {
    return e.what();
  }
}

}  // namespace hukou::sweep
