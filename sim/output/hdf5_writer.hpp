// Run files: every replicate of one run in one netCDF-4 compatible HDF5 file that
// xarray (engines netcdf4 and h5netcdf), ncdump, h5py and R open with named dimensions.
//
// Layout (all names from outputs.def):
//   coordinates  replicate(int32 0..R-1), period(int32 calendar years), zone, channel,
//                group (variable-length UTF-8 strings), each an HDF5 dimension scale;
//                a posterior run (RunMetadata::draws > 0) also draw(int32 0..D-1) and
//                parameter (strings);
//   one float64 variable per series, dims ([draw, ]replicate, period[, zone[, channel|group]]),
//                attributes units, long_name, kind (rate, stock or flow) and dimensions
//                (the dimension names, space-separated; series_attrs.hpp);
//   scenario_text  0-d variable-length UTF-8 string variable (the resolved scenario);
//   root attributes tool_version, git_commit, seed (uint64), threads (int32),
//                scale (float64), scenario_name, created, Conventions, then `extra`;
//   posterior_draws  a posterior run's drawn parameter values, float64 (draw, parameter),
//                attribute `parameters` (the keys, space-separated), and posterior_particle
//                (draw): the particle of the posterior's last generation each draw took;
//   group `changes` (columns setting, parent_value, value, clause): every setting
//   that differs from the parent scenario (scenario/lineage.hpp), when there is one.
//
// The file is built in memory (h5_image.hpp) and written by fileio's AtomicFile:
// it appears under its final name only once complete, replaces only a regular file
// that is not one of the command's inputs, and on any error an existing file at
// `path` is left untouched (OutputError for the contents, fileio::FileError for the
// file). Not thread-safe (Debian's HDF5 is built without thread safety): call from
// one thread at a time.
#pragma once
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/results.hpp"
#include "fileio/atomic_file.hpp"
#include "output/table.hpp"

namespace hukou::output {

// A plan target as stored in the run file (dimension `target`), for `hukou
// evaluate` and `hukou compare`; zone is empty for a prefecture-wide target.
struct TargetInfo {
  std::string indicator, zone, clause;
  int year = 0;
  double value = 0.0;
};

struct ChangeRecord {
  std::string setting, parent_value, value, clause;  // "" where the setting is absent on that side
};

// The `changes` group's layout: one source for the writer and the reader.
Table changes_table(const std::vector<ChangeRecord>& changes);

struct RunMetadata {
  std::string tool_version, git_commit, scenario_name, scenario_text, created;  // created: ISO-8601 UTC
  std::uint64_t seed = 0;
  int threads = 1;
  double scale = 1.0;
  std::vector<std::pair<std::string, std::string>> extra;  // further root string attributes
  std::vector<std::uint64_t> replicate_seeds;  // seed of each replicate (empty: not written)
  std::vector<TargetInfo> targets;
  std::vector<ChangeRecord> changes;  // what the run changed from its parent scenario
  // A posterior run (docs/calibration.md): `draws` > 0 parameter draws, and the
  // replicates passed to the writer (and read back) are draw-major, draw d's
  // replicate r at d * R + r. 0: a run without a posterior, no draw dimension.
  std::size_t draws = 0;
  std::vector<std::string> posterior_parameters;
  std::vector<double> posterior_values;  // draws x parameters, row-major
  std::vector<int> posterior_particles;  // per draw
};

class OutputError : public std::runtime_error {
 public:
  using runtime_error::runtime_error;
};

// The current time as ISO-8601 UTC (RunMetadata::created).
std::string utc_now();

// Writes all replicates (same years/zones/channels, every value finite; throws
// OutputError otherwise) into one file, through fileio's AtomicFile (`options`).
void write_run_file(const std::filesystem::path& path, const std::vector<RunResult>& replicates,
                    const RunMetadata& meta, fileio::WriteOptions options = {});

// The bytes of the run file write_run_file writes (for the fuzz targets' seeds).
std::string run_file_image(const std::vector<RunResult>& replicates, const RunMetadata& meta);

}  // namespace hukou::output
