#include "compare.hpp"

#include <algorithm>

#include "core/stats.hpp"

namespace hukou::evaluate {

namespace {
std::string posterior_digest(const output::RunFile& f) {
  for (const auto& [k, v] : f.meta.extra)
    if (k == "posterior_sha256") return v;
  return {};
}
}  // namespace

std::vector<output::Column> effect_columns(double level) {
  const int pct = static_cast<int>(level * 100 + 0.5);
  return {{"effect_median", "", "median of the paired differences over runs (draws x replicates)"},
          {"effect_lo", "", "the paired differences' " + std::to_string((100 - pct) / 2) + "% quantile over runs"},
          {"effect_hi", "", "the paired differences' " + std::to_string(100 - (100 - pct) / 2) +
                                "% quantile over runs (effect_lo..effect_hi: where " + std::to_string(pct) +
                                "% of paired effects lie, with a posterior run's parameter uncertainty)"}};
}

void check_pairable(const output::RunFile& a, const output::RunFile& b) {
  const auto refuse = [&](const std::string& why) {
    throw EvaluationError("cannot compare " + a.path.string() + " with " + b.path.string() + ": " + why);
  };
  const RunResult &ra = a.replicates.front(), &rb = b.replicates.front();
  if (ra.years != rb.years) refuse("their periods differ (horizons or base years)");
  if (ra.zones != rb.zones) refuse("their zones differ");
  if (a.meta.draws != b.meta.draws)
    refuse(a.meta.draws == 0 || b.meta.draws == 0
               ? "one ran with --posterior and the other without: run both with the same posterior, or neither"
               : "their numbers of posterior draws differ (run both with the same --draws)");
  if (a.replicates.size() != b.replicates.size()) refuse("their numbers of replicates differ");
  if (a.meta.replicate_seeds != b.meta.replicate_seeds || a.meta.seed != b.meta.seed)
    refuse("their seeds differ, so they share no random numbers (run both with the same --seed)");
  if (a.meta.draws > 0 && posterior_digest(a) != posterior_digest(b))
    refuse("they drew their parameters from different posteriors (sha256 " + posterior_digest(a) + " and " +
           posterior_digest(b) + ")");
  if (a.meta.posterior_values != b.meta.posterior_values || a.meta.posterior_parameters != b.meta.posterior_parameters)
    refuse("their posterior draws differ");
  for (std::size_t r = 0; r < a.replicates.size(); ++r)
    for (Series s : {Series::population_registered, Series::population_resident})
      for (std::size_t z = 0; z < ra.zones.size(); ++z)
        if (a.replicates[r].at(s, 0, z) != b.replicates[r].at(s, 0, z))
          refuse("their base populations differ (" + std::string(spec(s).name) + " of " + ra.zones[z] + " in " +
                 std::to_string(ra.years[0]) + ")");
}

std::vector<Indicator> default_indicators(const output::RunFile& base) {
  std::vector<Indicator> v{{"registered_urbanization_rate", ""}, {"resident_urbanization_rate", ""}, {"settlements", ""}};
  for (const auto& t : base.meta.targets) {
    const Indicator ind{t.indicator, t.zone};
    if (std::find(v.begin(), v.end(), ind) == v.end()) v.push_back(ind);
  }
  return v;
}

output::Table compare(const output::RunFile& base, const output::RunFile& whatif, const std::vector<Indicator>& inds,
                      double level) {
  check_pairable(base, whatif);
  output::Table t;
  const int pct = static_cast<int>(level * 100 + 0.5);
  t.columns = {{"indicator", "", "output variable (and zone)"},
               {"year", "", "calendar year"},
               {"baseline", "", "baseline mean over replicates"},
               {"what_if", "", "what-if mean over replicates"},
               {"difference", "", "mean paired difference (what-if - baseline)"},
               {"diff_lo", "", std::to_string(pct) + "% confidence interval of the mean difference, lower"},
               {"diff_hi", "", std::to_string(pct) + "% confidence interval of the mean difference, upper"}};
  for (auto& c : effect_columns(level)) t.columns.push_back(std::move(c));
  t.columns.push_back({"units", "", "units of the values (1: a fraction)"});
  for (const Indicator& ind : inds) {
    for (int year : base.replicates.front().years) {
      const Eigen::VectorXd b = values(base, ind, year), w = values(whatif, ind, year);
      const Eigen::VectorXd d = w - b;
      const auto ci = stats::mean_interval(d, level);
      const auto spread = stats::spread(d, level);
      t.add({ind.label(), static_cast<long long>(year), stats::mean(b), stats::mean(w), stats::mean(d), ci.lo, ci.hi,
             stats::quantile(d, 0.5), spread.lo, spread.hi, units_of(ind.variable)});
    }
  }
  return t;
}

}  // namespace hukou::evaluate
