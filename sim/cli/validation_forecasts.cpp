#include "validation_forecasts.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "cli/calibration_problem.hpp"

namespace hukou::cli {

namespace {
using Key = std::tuple<std::string, std::optional<std::size_t>, std::optional<std::size_t>>;

std::string label(const Scenario& sc, const Observation& o) {
  std::string s = o.indicator;
  if (o.zone) s += " " + sc.zones[*o.zone].name;
  if (o.channel) s += " " + sc.channels[*o.channel].name;
  return s;
}

std::string units_of(const std::string& series) {
  for (const auto& s : output_series())
    if (s.name == series) return std::string(s.units);
  return "";
}

bool simulated(const std::vector<RunResult>& ensemble, int year) {
  const auto& y = ensemble.front().years;
  return std::find(y.begin(), y.end(), year) != y.end();
}

void append(calibrate::Series& s, int year, double v) {
  // Keep years increasing whatever the file's order: score() requires it.
  const auto at = std::lower_bound(s.years.begin(), s.years.end(), year);
  const auto i = at - s.years.begin();
  s.years.insert(at, year);
  s.values.insert(s.values.begin() + i, v);
}
}  // namespace

ValidationInput validation_input(const Scenario& sc, const std::vector<RunResult>& ensemble) {
  ValidationInput in;
  in.cutoff = sc.calibration ? sc.calibration->cutoff : sc.base_year;
  std::vector<Key> order;
  std::map<Key, calibrate::IndicatorForecast> by;
  std::map<Key, std::string> unit;
  for (const auto& o : sc.observations) {
    const Key k{o.indicator, o.zone, o.channel};
    if (!by.count(k)) {
      order.push_back(k);
      by[k].name = label(sc, o);
      unit[k] = units_of(o.indicator);
    }
    auto& f = by[k];
    const double v = o.value;
    if (o.year <= in.cutoff) {
      append(f.calibration, o.year, v);
      continue;
    }
    if (ensemble.empty() || !simulated(ensemble, o.year)) {
      in.not_simulated.push_back(f.name + " " + std::to_string(o.year));
      continue;
    }
    Eigen::VectorXd e(static_cast<Eigen::Index>(ensemble.size()));
    for (std::size_t r = 0; r < ensemble.size(); ++r)
      e(static_cast<Eigen::Index>(r)) = simulated_value(ensemble[r], o);
    const auto at = std::lower_bound(f.observed.years.begin(), f.observed.years.end(), o.year);
    f.ensemble.insert(f.ensemble.begin() + (at - f.observed.years.begin()), std::move(e));
    append(f.observed, o.year, v);
  }
  for (const auto& k : order)
    if (!by[k].observed.years.empty()) {
      in.forecasts.push_back(std::move(by[k]));
      in.units.push_back(unit[k]);
    }
  return in;
}

}  // namespace hukou::cli
