#include "diagnostics.hpp"

namespace hukou::scenario {

// Appends each part with its separator (built with append, which also keeps GCC
// 12's -Wrestrict false positive on `"literal" + std::string` away).
std::string Diagnostic::str() const {
  std::string out = file;
  auto part = [&out](std::string_view sep, std::string_view text) {
    if (!out.empty()) out.append(sep);
    out.append(text);
  };
  if (line > 0) {
    part(":", std::to_string(line));
    if (column > 0) part(":", std::to_string(column));
  }
  if (!key.empty()) part(": ", key);
  part(": ", message);
  return out;
}

namespace {
std::string join(const std::vector<Diagnostic>& d) {
  std::string out;
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (i) out.push_back('\n');
    out.append(d[i].str());
  }
  return out;
}
}  // namespace

ScenarioError::ScenarioError(std::vector<Diagnostic> d)
    : std::runtime_error(join(d)), diagnostics_(std::move(d)) {}

}  // namespace hukou::scenario
