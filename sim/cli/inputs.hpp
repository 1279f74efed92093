// Reading the input files a command is given. A file that is missing, unreadable or
// not what the command expects is bad input (exit 2), whichever command reads it.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/scenario.hpp"
#include "output/hdf5_reader.hpp"

namespace hukou::cli {

// A run file for `command` (e.g. "hukou compare"); on failure prints
// "COMMAND: cannot read FILE ..." and throws CLI::RuntimeError(bad_input).
output::RunFile read_run_input(const std::string& command, const std::string& path);

// The scenario a run used: the resolved text its file stores, read again with the
// --set overrides it records (a relative `extends` from beside the run file, else
// the built-in of that name), then `extra_set`. Throws scenario::ScenarioError.
Scenario run_scenario(const output::RunFile& f, const std::vector<std::string>& extra_set = {});

// Where a run file's numbers come from, for exports: file, scenario, tool version,
// commit, seed, replicates, created; each key after `prefix` ("baseline ").
std::vector<std::pair<std::string, std::string>> run_provenance(const output::RunFile& f,
                                                                 const std::string& prefix = "");

}  // namespace hukou::cli
