// Loading a sweep file from disk, and the canonical text and hash that identify
// a sweep's results (for refusing to resume into another sweep's directory).
#include <cstdio>
#include <sstream>

#include "fileio/errors.hpp"
#include "fileio/input_file.hpp"
#include "scenario/diagnostics.hpp"
#include "scenario/toml_reads.hpp"
#include "spec.hpp"

namespace hukou::sweep {

namespace fs = std::filesystem;
using scenario::fmt;

std::string to_string(DesignKind k) {
  switch (k) {
    case DesignKind::grid:
      return "grid";
    case DesignKind::lhs:
      return "lhs";
    case DesignKind::sobol:
      return "sobol";
    case DesignKind::morris:
      return "morris";
  }
  return "?";
}

SweepSpec load_spec(const fs::path& path) {
  std::string text;
  try {
    text = fileio::read_input_file(path, fileio::kMaxScenarioBytes, "sweep file");
  } catch (const fileio::FileError& e) {
    throw scenario::ScenarioError({scenario::Diagnostic{path.string(), 0, 0, "", e.what()}});
  }
  return parse_spec(text, path.string(), path.has_parent_path() ? path.parent_path() : fs::path("."));
}

std::string canonical_text(const SweepSpec& s) {
  std::ostringstream o;
  o << "design " << to_string(s.kind) << " samples " << s.samples << " trajectories " << s.trajectories << " levels "
    << s.morris_levels << "\nreplicates " << s.replicates << "\nseed " << s.seed << "\n";
  for (const auto& x : s.set) o << "set " << x << "\n";
  for (const auto& p : s.params) {
    o << "param " << p.key << " lo " << fmt(p.lo) << " hi " << fmt(p.hi) << " log " << p.log << " levels " << p.levels
      << " values";
    for (double v : p.values) o << " " << fmt(v);
    o << "\n";
  }
  o << "scenario\n" << s.base_text;
  return o.str();
}

std::string spec_hash(const SweepSpec& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : canonical_text(s)) h = (h ^ c) * 1099511628211ull;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace hukou::sweep
