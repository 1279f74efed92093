#include "indicators.hpp"

#include <algorithm>

namespace hukou::evaluate {

const SeriesSpec& find_series(const std::string& name) {
  for (const auto& s : output_series())
    if (s.name == name) return s;
  throw EvaluationError("unknown output variable '" + name + "' (see docs/outputs.md)");
}

namespace {
std::size_t index_of(const std::vector<std::string>& v, const std::string& x, const std::string& what) {
  const auto it = std::find(v.begin(), v.end(), x);
  if (it == v.end()) throw EvaluationError("unknown " + what + " '" + x + "'");
  return static_cast<std::size_t>(it - v.begin());
}
}  // namespace

bool is_rate(const std::string& variable) { return find_series(variable).kind == Kind::rate; }
bool is_flow(const std::string& variable) { return find_series(variable).kind == Kind::flow; }
std::string units_of(const std::string& variable) { return std::string(find_series(variable).units); }

Eigen::VectorXd values(const output::RunFile& f, const Indicator& ind, int year) {
  const SeriesSpec& s = find_series(ind.variable);
  const RunResult& r0 = f.replicates.front();
  const auto py = std::find(r0.years.begin(), r0.years.end(), year);
  if (py == r0.years.end()) throw EvaluationError("year " + std::to_string(year) + " is not in " + f.path.string());
  const auto p = static_cast<std::size_t>(py - r0.years.begin());
  if (s.dims == Dims::P && !ind.zone.empty())
    throw EvaluationError("'" + ind.variable + "' is prefecture-wide: it has no zone");
  if (s.dims != Dims::P && ind.zone.empty() && s.kind == Kind::rate)
    throw EvaluationError("'" + ind.variable + "' is a rate per zone: name a zone");
  const std::size_t z = ind.zone.empty() ? RunResult::all_zones : index_of(r0.zones, ind.zone, "zone");
  Eigen::VectorXd v(static_cast<Eigen::Index>(f.replicates.size()));
  for (std::size_t k = 0; k < f.replicates.size(); ++k)
    v(static_cast<Eigen::Index>(k)) = f.replicates[k].total(s.id, p, z);
  return v;
}

}  // namespace hukou::evaluate
