#include "inputs.hpp"

#include <filesystem>
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

std::vector<std::pair<std::string, std::string>> run_provenance(const output::RunFile& f,
                                                                 const std::string& prefix) {
  const auto& m = f.meta;
  return {{prefix + "run file", std::filesystem::absolute(f.path).string()},
          {prefix + "scenario", m.scenario_name},
          {prefix + "tool version", m.tool_version},
          {prefix + "git commit", m.git_commit},
          {prefix + "seed", std::to_string(m.seed)},
          {prefix + "replicates", std::to_string(f.replicates.size())},
          {prefix + "created", m.created},
          {prefix + "exported", output::utc_now()}};
}

}  // namespace hukou::cli
