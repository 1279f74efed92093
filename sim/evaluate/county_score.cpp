#include "county_score.hpp"

#include <algorithm>

#include "core/stats.hpp"

namespace hukou::evaluate {

namespace {
double capped(double x, double cap) { return std::clamp(x, 0.0, cap); }

std::string extra(const output::RunFile& f, const std::string& key) {
  for (const auto& [k, v] : f.meta.extra)
    if (k == key) return v;
  throw EvaluationError(f.path.string() + " has no county evaluation (its scenario has no [county_score] table)");
}

std::size_t index_of(const std::vector<std::string>& v, const std::string& x) {
  return static_cast<std::size_t>(std::find(v.begin(), v.end(), x) - v.begin());
}
}  // namespace

ScoreParts score(double rise, double required, double settlers, double urban_increase, double relocated, double listed) {
  ScoreParts s;
  s.rate = required > 0 ? capped(40.0 * rise / required, 40.0) : (rise >= 0 ? 40.0 : 0.0);
  s.settlement = urban_increase > 0 ? capped(30.0 * settlers / urban_increase, 30.0) : (settlers > 0 ? 30.0 : 0.0);
  s.relocation = listed > 0 ? capped(30.0 * relocated / listed, 30.0) : 30.0;
  return s;
}

output::Table county_scores(const output::RunFile& f) {
  const int year = std::stoi(extra(f, "county_score_year"));
  const std::string reloc = extra(f, "county_score_relocation_channel");
  const RunResult& r0 = f.replicates.front();
  const auto p = static_cast<std::size_t>(std::find(r0.years.begin(), r0.years.end(), year) - r0.years.begin());
  const std::size_t rc = index_of(r0.channels, reloc);
  if (p == 0 || p >= r0.years.size() || rc >= r0.channels.size())
    throw EvaluationError("the county evaluation's year or relocation channel is not in " + f.path.string());

  output::Table t;
  t.columns = {{"county", "", "county (zone) the appendix scores"},
               {"required_rise", "1", "required rise of the registered urbanization rate"},
               {"rise", "1", "simulated rise (mean over replicates)"},
               {"score_rate", "points", "registered-rate score (of 40)", 1},
               {"score_settlement", "points", "settlement score (of 30)", 1},
               {"score_relocation", "points", "relocation-settlement score (of 30)", 1},
               {"total", "points", "total score (of 100), mean over replicates", 1},
               {"total_lo", "points", "90% of replicates score at least this", 1},
               {"total_hi", "points", "90% of replicates score at most this", 1}};
  for (const auto& tg : f.meta.targets) {
    if (tg.indicator != "registered_urbanization_rate_zone" || tg.year != year) continue;
    const std::size_t z = index_of(r0.zones, tg.zone);
    if (z >= r0.zones.size()) continue;
    const std::size_t n = f.replicates.size();
    Eigen::VectorXd base(static_cast<Eigen::Index>(n)), rise(base.size()), sr(base.size()), ss(base.size()),
        sl(base.size()), total(base.size());
    for (std::size_t k = 0; k < n; ++k) base(static_cast<Eigen::Index>(k)) = f.replicates[k].at(Series::registered_urbanization_rate_zone, p - 1, z);
    const double required = tg.value - stats::mean(base);
    for (std::size_t k = 0; k < n; ++k) {
      const RunResult& r = f.replicates[k];
      const auto e = static_cast<Eigen::Index>(k);
      rise(e) = r.at(Series::registered_urbanization_rate_zone, p, z) - base(e);
      double settlers = 0, relocated = 0;
      for (std::size_t c = 0; c < r.channels.size(); ++c) settlers += r.at(Series::settlements, p, z, c);
      for (std::size_t q = 1; q <= p; ++q) relocated += r.at(Series::settlements, q, z, rc);
      const double urban_increase =
          r.at(Series::population_urban_registered, p, z) - r.at(Series::population_urban_registered, p - 1, z);
      const ScoreParts s = score(rise(e), required, settlers, urban_increase, relocated, r.at(Series::relocation_listed, p, z));
      sr(e) = s.rate; ss(e) = s.settlement; sl(e) = s.relocation; total(e) = s.total();
    }
    const auto iv = stats::spread(total, 0.90);
    t.add({tg.zone, required, stats::mean(rise), stats::mean(sr), stats::mean(ss), stats::mean(sl), stats::mean(total),
           iv.lo, iv.hi});
  }
  return t;
}

}  // namespace hukou::evaluate
