// What `hukou sensitivity` reads from a sweep directory.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "store.hpp"

namespace hukou::sweep {

struct RunOutputs {
  std::vector<double> y;  // per run: the series in `year`, mean over replicates
  int year = 0;           // the year used (the last one when asked for 0)
};
// A prefecture-wide (dims P) series of every run; every run file must exist.
RunOutputs run_outputs(const std::filesystem::path& dir, const Stored& st, const std::string& series, int year);

}  // namespace hukou::sweep
