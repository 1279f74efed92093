// A master file: one netCDF-4 compatible HDF5 file of virtual datasets
// (H5Pset_virtual) that stitch run files together, so that
// xarray.open_dataset(master) gives every series as SERIES(run, replicate,
// period[, zone[, channel|group]]), with further variables along `run` (a sweep's
// parameters) and optional groups (a sweep's sensitivity indices). A run file
// that does not exist (yet) reads as the fill value NaN. Sources are named as
// given (relative to the master file's directory, so it can be moved whole).
//
// Built in memory (h5_image.hpp) and written with fileio's AtomicFile: it appears
// under its name only once complete, and on any error an existing file at `path`
// is left untouched. Not thread-safe (HDF5 is built without it).
#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "fileio/atomic_file.hpp"

namespace hukou::output {

// A float64 variable along a group's coordinate; `units` written when not empty.
struct LabelledColumn {
  std::string name, units, long_name;
  std::vector<double> values;
};

// Float64 variables along one string coordinate `dimension` in group `name`, and
// string attributes of the group.
struct LabelledGroup {
  std::string name, dimension;
  std::vector<std::string> labels;
  std::vector<LabelledColumn> columns;
  std::vector<std::pair<std::string, std::string>> attrs;
};

// A float64 variable along `run`; `units` written when not empty.
struct RunVariable {
  std::string name, long_name, units;
  std::vector<double> values;  // one per run
};

struct MasterFile {
  std::filesystem::path template_run;      // a finished run file: the shapes and coordinates
  std::vector<std::string> run_sources;    // run r's file, relative to the master's directory
  std::vector<RunVariable> run_variables;
  std::vector<std::pair<std::string, std::string>> attrs;  // root string attributes
  std::vector<LabelledGroup> groups;
};

// Throws OutputError (a damaged template run, a bad description) or
// fileio::FileError (the file cannot be written).
void write_master_file(const std::filesystem::path& path, const MasterFile& m, fileio::WriteOptions options = {});

// The groups of an existing master file whose names start with `prefix`, as
// written (so a rewrite can keep them); none if the file does not exist.
std::vector<LabelledGroup> read_labelled_groups(const std::filesystem::path& path, const std::string& prefix);

}  // namespace hukou::output
