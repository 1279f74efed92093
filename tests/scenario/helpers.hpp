// Shared by the scenario tests: fixture paths and "the diagnostics of loading X".
#pragma once
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/loader.hpp"

namespace scenario_test {

namespace fs = std::filesystem;
using hukou::scenario::Diagnostic;
using hukou::scenario::ScenarioError;

inline fs::path test_dir() { return fs::path(HUKOU_TEST_DIR); }
inline fs::path scenarios_dir() { return fs::path(HUKOU_SOURCE_DIR) / "scenarios"; }

// The .toml files directly in `dir`, sorted.
inline std::vector<fs::path> scenario_files(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".toml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Every shipped scenario and what-if file.
inline std::vector<fs::path> shipped_scenario_files() {
  std::vector<fs::path> files = scenario_files(scenarios_dir());
  const auto whatifs = scenario_files(scenarios_dir() / "whatif");
  files.insert(files.end(), whatifs.begin(), whatifs.end());
  return files;
}

// sc resized to about `agents` agents (never more than its own scale makes).
inline hukou::Scenario resized(hukou::Scenario sc, double agents) {
  double rural = 0;
  for (const auto& z : sc.zones) rural += z.f.rural_hukou_village + z.f.rural_hukou_town + z.f.migrants_outside;
  sc.scale = std::max(sc.scale, rural / agents);
  return sc;
}

inline std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string minimal_text() { return read_file(test_dir() / "good" / "minimal.toml"); }
inline std::string full_text() { return read_file(test_dir() / "good" / "full.toml"); }

// The diagnostics of parsing `text` (empty if it loads).
inline std::vector<Diagnostic> diagnostics_of(std::string_view text,
                                              const std::string& source = "test.toml",
                                              const std::vector<std::string>& overrides = {}) {
  try {
    hukou::scenario::parse(text, source, overrides);
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  return {};
}

// All diagnostics, one per line, for failure messages.
inline std::string dump(const std::vector<Diagnostic>& d) {
  std::string out;
  for (const auto& x : d) out += x.str() + "\n";
  return out;
}

// A fresh directory under the system temp dir, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("hukou_scenario_test_" + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

}  // namespace scenario_test
