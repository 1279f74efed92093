// Sweep files: a base scenario, fixed overrides, the parameters to vary and a
// design, as TOML, validated like a scenario (every problem at once, as one
// scenario::ScenarioError with file:line:column). Nothing here prints or runs.
//
//   scenario = "taiyuan"              # built-in name, or a path relative to this file
//   set = ["scale=200", "horizon=2020"]   # optional fixed overrides (as --set)
//   replicates = 2                    # optional, >= 1 (default 1)
//   seed = 42                         # optional master seed (default: the scenario's)
//   [design]
//   kind = "grid"                     # grid | lhs | sobol | morris
//   samples = 16                      # lhs: points; sobol: N base samples, N*(k+2) runs
//   trajectories = 10                 # morris: trajectories, (k+1) runs each
//   levels = 4                        # morris: grid levels (even, >= 2)
//   [[parameters]]
//   key = "decision.asc_settle"       # a registry key, or "zones.NAME.field"
//   range = [-4.0, -2.0]              # within the registry's bounds ...
//   scale = "linear"                  # ... "linear" (default) or "log" (lo > 0)
//   levels = 3                        # grid only: points along the range (default 3)
//   values = [0.1, 0.2]               # ... or explicit values instead of a range
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace hukou::sweep {

enum class DesignKind { grid, lhs, sobol, morris };

struct SweptParam {
  std::string key;                        // "decision.asc_settle", "zones.小店区.wage"
  bool integer = false, boolean = false;  // from the registry: values are rounded / 0 or 1
  double lo = 0.0, hi = 0.0;              // range (when values is empty)
  bool log = false;
  int levels = 3;              // grid levels along the range
  std::vector<double> values;  // explicit values (bool: 0/1)
};

struct SweepSpec {
  std::string source;            // the sweep file, as named in messages
  std::string scenario;          // resolved path or built-in name of the base scenario
  std::vector<std::string> set;  // fixed overrides
  std::size_t replicates = 1;
  std::uint64_t seed = 0;
  DesignKind kind = DesignKind::grid;
  std::size_t samples = 0, trajectories = 0;
  int morris_levels = 4;
  std::vector<SweptParam> params;
  std::string base_text;  // the resolved base scenario (part of the hash)
};

std::string to_string(DesignKind k);

// The most runs a design may have (why: one file per run, and the design is held
// in memory; a million runs is far beyond a useful sweep of this model).
inline constexpr double kMaxRuns = 1.0e6;

// Reads and validates a sweep file (also loads the base scenario with `set`, so
// that a broken base or override is reported before anything runs).
SweepSpec load_spec(const std::filesystem::path& path);
SweepSpec parse_spec(std::string_view text, const std::string& source, const std::filesystem::path& base_dir);

// A canonical text of everything that determines the runs' results, and its hash
// (FNV-1a 64, hex): a directory made by a different sweep is refused on resume.
std::string canonical_text(const SweepSpec& s);
std::string spec_hash(const SweepSpec& s);

}  // namespace hukou::sweep
