// Reading a run file back (for `hukou compare`, `hukou evaluate`): every series of
// every replicate, the metadata and the targets. Refuses files that are not run
// files of this version's layout, with a message naming what is missing.
#pragma once
#include <filesystem>
#include <vector>

#include "output/hdf5_writer.hpp"

namespace hukou::output {

struct RunFile {
  std::filesystem::path path;
  RunMetadata meta;
  std::vector<RunResult> replicates;
};

RunFile read_run_file(const std::filesystem::path& path);

}  // namespace hukou::output
