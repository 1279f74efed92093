// Reading the input files a command is given. A file that is missing, unreadable or
// not what the command expects is bad input (exit 2), whichever command reads it.
#pragma once
#include <string>

#include "output/hdf5_reader.hpp"

namespace hukou::cli {

// A run file for `command` (e.g. "hukou compare"); on failure prints
// "COMMAND: cannot read FILE ..." and throws CLI::RuntimeError(bad_input).
output::RunFile read_run_input(const std::string& command, const std::string& path);

}  // namespace hukou::cli
