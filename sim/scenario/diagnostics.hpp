// Problems found in a scenario file, each with its place (file:line:column), the
// key it concerns and what was expected. The loader collects every problem of a
// file and throws them together as one ScenarioError.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace hukou::scenario {

struct Diagnostic {
  std::string file;     // a path, "builtin:NAME", "--set", or empty
  int line = 0, column = 0;  // 1-based; 0 when unknown (e.g. --set values)
  std::string key;      // e.g. "horizon", "demography.gompertz_level_male", "zones.小店区.wage"
  std::string message;  // what is wrong and what was expected

  // "file:line:col: key: message", leaving out the parts that are empty or 0.
  std::string str() const;
};

class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<Diagnostic> d);
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace hukou::scenario
