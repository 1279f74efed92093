// Public: a run's metadata (RunMetadata of hdf5_writer.hpp) built from its
// scenario, the one way every writer of a run file fills it: the scenario's name,
// text, scale, targets and county evaluation, the seeds, and the program's
// version. `hukou evaluate` and `hukou compare` read all of it back, so a file
// written without part of it could not be evaluated.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/scenario.hpp"
#include "output/hdf5_writer.hpp"

namespace hukou::output {

struct RunSettings {
  std::string tool_version, git_commit;
  std::uint64_t seed = 0;      // the run's seed; replicate r uses replicate_seed(seed, r)
  std::size_t replicates = 1;
  int threads = 1;
};

// created is now (UTC); extra holds the county evaluation's attributes, to which a
// caller may add its own (a sweep's run index and parameters).
RunMetadata run_metadata(const Scenario& sc, const RunSettings& s);

}  // namespace hukou::output
