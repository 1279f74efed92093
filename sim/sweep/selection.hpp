// One number per run of a sweep, for `hukou sensitivity`: any output series, for
// one zone or all, one channel (settlements) or group (settlements_by_group) or
// all, in one year, averaged over replicates. Counts add up over what is not
// selected; a rate per zone needs a zone (rates do not add up).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "store.hpp"

namespace hukou::sweep {

struct OutputSelection {
  std::string series = "registered_urbanization_rate";
  std::string zone;  // "" for the whole prefecture
  std::string part;  // a channel or group name; "" for all
  int year = 0;      // 0 for the last year
};

struct RunOutputs {
  std::vector<double> y;     // per run: the selection in `year`, mean over replicates
  int year = 0;              // the year used
  std::string units, label;  // the series' units; "settlements_小店区_four_groups_2020"
};

// Every run file must exist. Throws StoreError (with "did you mean") for an
// unknown series, zone, channel or group, a selection the series' dimensions do
// not have, or a year outside the runs' years.
RunOutputs run_outputs(const std::filesystem::path& dir, const Stored& st, const OutputSelection& sel);

}  // namespace hukou::sweep
