#include "indicators.hpp"

#include <algorithm>

namespace hukou::evaluate {

namespace {
const SeriesSpec& find_series(const std::string& name) {
  for (const auto& s : output_series())
    if (s.name == name) return s;
  throw EvaluationError("unknown output variable '" + name + "' (see docs/outputs.md)");
}

std::size_t index_of(const std::vector<std::string>& v, const std::string& x, const std::string& what) {
  const auto it = std::find(v.begin(), v.end(), x);
  if (it == v.end()) throw EvaluationError("unknown " + what + " '" + x + "'");
  return static_cast<std::size_t>(it - v.begin());
}
}  // namespace

bool is_rate(const std::string& variable) { return find_series(variable).kind == Kind::rate; }
bool is_flow(const std::string& variable) { return find_series(variable).kind == Kind::flow; }

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
  const std::size_t nz = r0.zones.size();
  const std::size_t z = ind.zone.empty() ? 0 : index_of(r0.zones, ind.zone, "zone");
  const std::size_t third = s.dims == Dims::PZC ? r0.channels.size() : s.dims == Dims::PZG ? group_names().size() : 1;
  Eigen::VectorXd v(static_cast<Eigen::Index>(f.replicates.size()));
  for (std::size_t k = 0; k < f.replicates.size(); ++k) {
    const RunResult& r = f.replicates[k];
    double x = 0.0;
    if (s.dims == Dims::P) {
      x = r.at(s.id, p);
    } else {
      for (std::size_t zz = ind.zone.empty() ? 0 : z; zz < (ind.zone.empty() ? nz : z + 1); ++zz)
        for (std::size_t c = 0; c < third; ++c) x += r.at(s.id, p, zz, c);
    }
    v(static_cast<Eigen::Index>(k)) = x;
  }
  return v;
}

}  // namespace hukou::evaluate
