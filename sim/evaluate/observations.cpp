#include "observations.hpp"

#include <algorithm>
#include <limits>

#include "core/stats.hpp"
#include "evaluate/indicators.hpp"

namespace hukou::evaluate {

namespace {
std::string use_of(const Observation& o, int base_year) {
  if (o.calibrate) return "calibration";
  return o.year < base_year ? "history" : "validation";
}
}  // namespace

double simulated_value(const RunResult& r, const Observation& o) {
  const SeriesSpec& s = find_series(o.indicator);
  const auto py = std::find(r.years.begin(), r.years.end(), o.year);
  if (py == r.years.end()) throw EvaluationError("year " + std::to_string(o.year) + " is not simulated");
  const auto period = static_cast<std::size_t>(py - r.years.begin());
  if (!o.channel) return r.total(s.id, period, o.zone ? *o.zone : RunResult::all_zones);
  double sum = 0.0;  // one channel: of one zone, or summed over zones
  for (std::size_t z = 0; z < r.zones.size(); ++z)
    if (!o.zone || *o.zone == z) sum += r.at(s.id, period, z, *o.channel);
  return sum;
}

std::string channel_label(const Channel& c) { return c.title.empty() ? c.name : c.title + " (" + c.name + ")"; }

output::Table observations_table(const output::RunFile& f, const Scenario& sc, double level) {
  const int pct = static_cast<int>(level * 100 + 0.5);
  output::Table t;
  // Named as evaluate_targets names its columns (not `zone`: R's ncdf4 hides a
  // group's variable that shares a name with a dimension in scope).
  t.columns = {{"indicator", "", "output variable observed"},
               {"obs_zone", "", "zone observed (empty: whole prefecture)"},
               {"obs_channel", "", "settlement channel observed, as its document names it (empty: all channels)"},
               {"year", "", "year observed"},
               {"use", "", "calibration (read by `hukou calibrate`: up to the cutoff), validation (after it) or "
                           "history (before the base year: not simulated)"},
               {"simulated", "", "simulated median over replicates"},
               {"lo", "", std::to_string(pct) + "% of replicates lie between lo and hi: lower"},
               {"hi", "", std::to_string(pct) + "% of replicates lie between lo and hi: upper"},
               {"observed", "", "the observed value (rates as fractions)"},
               {"ratio", "1", "simulated median / observed", 3},
               {"units", "", "units of simulated, lo, hi and observed (1: a fraction)"},
               {"source", "", "where the observed value comes from (a statistics.csv row or a citation)"}};
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const int base_year = f.replicates.front().years.front();
  for (const auto& o : sc.observations) {
    const std::string zone = o.zone && *o.zone < sc.zones.size() ? sc.zones[*o.zone].name : "";
    const std::string channel = o.channel && *o.channel < sc.channels.size() ? channel_label(sc.channels[*o.channel]) : "";
    double median = nan, lo = nan, hi = nan;
    const auto& years = f.replicates.front().years;
    if (std::find(years.begin(), years.end(), o.year) != years.end()) {
      Eigen::VectorXd v(static_cast<Eigen::Index>(f.replicates.size()));
      for (std::size_t k = 0; k < f.replicates.size(); ++k)
        v(static_cast<Eigen::Index>(k)) = simulated_value(f.replicates[k], o);
      median = stats::quantile(v, 0.5);
      const auto s = stats::spread(v, level);
      lo = s.lo;
      hi = s.hi;
    }
    const double ratio = o.value != 0.0 ? median / o.value : nan;
    t.add({o.indicator, zone, channel, static_cast<long long>(o.year), use_of(o, base_year), median, lo, hi, o.value,
           ratio, units_of(o.indicator), o.source});
  }
  return t;
}

}  // namespace hukou::evaluate
