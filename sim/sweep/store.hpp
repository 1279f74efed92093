// A sweep directory's own record of what it holds, written before any run:
//   DIR/design.csv   run,<key 1>,<key 2>,...  one row per run (shortest round-trip numbers)
//   DIR/sweep.info   key=value lines: hash (of the sweep's canonical text), design,
//                    samples, trajectories, levels, replicates, seed, runs
//   DIR/runs/run_000123.h5   one file per finished run
// Both files are written crash-safely (temp + fsync + rename). `hukou sweep merge`
// and `hukou sensitivity` need only the directory.
#pragma once
#include <filesystem>
#include <map>
#include <string>

#include "design.hpp"

namespace hukou::sweep {

struct Stored {
  std::map<std::string, std::string> info;  // sweep.info
  std::vector<std::string> keys;            // swept parameters, in order
  Matrix design;                            // row = run
  std::size_t runs() const { return design.size(); }
  std::size_t number(const std::string& k) const;  // info[k] as a count (0 if absent)
};

// Thrown for a directory that is not (or not this) sweep.
class StoreError : public std::runtime_error {
 public:
  using runtime_error::runtime_error;
};

std::filesystem::path run_path(const std::filesystem::path& dir, std::size_t run);
// Writes design.csv and sweep.info unless they exist with the same hash; a
// directory made by another sweep is refused (StoreError).
void prepare_dir(const std::filesystem::path& dir, const SweepSpec& s, const Matrix& design);
Stored read_dir(const std::filesystem::path& dir);
// Writes `text` to `path` crash-safely (fileio's AtomicFile; shards take turns).
void write_atomic(const std::filesystem::path& path, const std::string& text);

}  // namespace hukou::sweep
