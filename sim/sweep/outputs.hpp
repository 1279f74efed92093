// What `hukou sensitivity` reads from and adds to a sweep directory.
#pragma once
#include <hdf5.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "store.hpp"

namespace hukou::sweep {

struct RunOutputs {
  std::vector<double> y;  // per run: the series in `year`, mean over replicates
  int year = 0;           // the year used (the last one when asked for 0)
};
// A prefecture-wide (dims P) series of every run; every run file must exist.
RunOutputs run_outputs(const std::filesystem::path& dir, const Stored& st, const std::string& series, int year);

// Group `sensitivity`: coordinate `parameter` (the swept keys) and one float64
// variable per column along it; `attrs` as string attributes of the group.
void write_sensitivity_group(hid_t file, const std::vector<std::string>& keys,
                             const std::vector<std::pair<std::string, std::vector<double>>>& columns,
                             const std::vector<std::pair<std::string, std::string>>& attrs);

}  // namespace hukou::sweep
