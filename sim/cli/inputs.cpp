#include "inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "scenario/loader.hpp"

namespace hukou::cli {

// A missing input is bad input (2); a file that exists but cannot be read as a run
// file is a failure (1, fileio's and output's errors, as main() reports them), as
// docs/reliability.md has it for damaged files.
output::RunFile read_run_input(const std::string& command, const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    std::cerr << command << ": " << path << ": no such file\n";
    throw CLI::RuntimeError(bad_input);
  }
  return output::read_run_file(path);
}

Scenario run_scenario(const output::RunFile& f, const std::vector<std::string>& extra_set) {
  std::vector<std::string> all = scenario::recorded_overrides(f.meta.scenario_text);
  all.insert(all.end(), extra_set.begin(), extra_set.end());
  return scenario::parse(f.meta.scenario_text, f.path.string(), all);
}

std::vector<std::pair<std::string, std::string>> run_provenance(const output::RunFile& f,
                                                                 const std::string& prefix) {
  const auto& m = f.meta;
  const std::size_t draws = std::max<std::size_t>(m.draws, 1);
  std::vector<std::pair<std::string, std::string>> p{{prefix + "run file", std::filesystem::absolute(f.path).string()},
                                                     {prefix + "scenario", m.scenario_name},
                                                     {prefix + "tool version", m.tool_version},
                                                     {prefix + "git commit", m.git_commit},
                                                     {prefix + "seed", std::to_string(m.seed)},
                                                     {prefix + "replicates", std::to_string(f.replicates.size() / draws)}};
  if (m.draws > 0) {
    p.emplace_back(prefix + "posterior draws", std::to_string(m.draws));
    for (const auto& [k, v] : m.extra)
      if (k == "posterior_path" || k == "posterior_sha256") p.emplace_back(prefix + k.substr(0, 9) + " " + k.substr(10), v);
  }
  p.emplace_back(prefix + "uncertainty", m.draws > 0 ? "parameters and seeds" : "seeds only");
  p.emplace_back(prefix + "created", m.created);
  p.emplace_back(prefix + "exported", output::utc_now());
  return p;
}

}  // namespace hukou::cli
