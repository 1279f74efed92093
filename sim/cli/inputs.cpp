#include "inputs.hpp"

#include <iostream>

#include "cli/commands.hpp"

namespace hukou::cli {

output::RunFile read_run_input(const std::string& command, const std::string& path) {
  try {
    return output::read_run_file(path);
  } catch (const output::OutputError& e) {
    std::cerr << command << ": " << e.what() << "\n";
    throw CLI::RuntimeError(bad_input);
  }
}

}  // namespace hukou::cli
