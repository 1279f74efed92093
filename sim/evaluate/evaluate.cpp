#include "evaluate.hpp"

#include "core/stats.hpp"

namespace hukou::evaluate {

output::Table evaluate_targets(const output::RunFile& f, const std::vector<int>& midterm_years, double level) {
  const int pct = static_cast<int>(level * 100 + 0.5);
  output::Table t;
  t.columns = {{"indicator", "", "output variable the target is set on"},
               {"zone", "", "zone of the target (empty: whole prefecture)"},
               {"view", "", "final (the target's year) or mid-term (on the straight path to it)"},
               {"year", "", "year evaluated"},
               {"target", "", "target value, or its straight-path value in a mid-term year"},
               {"simulated", "", "simulated mean over replicates"},
               {"lo", "", std::to_string(pct) + "% of replicates lie between lo and hi: lower"},
               {"hi", "", std::to_string(pct) + "% of replicates lie between lo and hi: upper"},
               {"gap", "", "simulated mean - target"},
               {"share_met", "1", "share of replicates at or above the target"},
               {"clause", "", "clause of the document that sets the target"},
               {"units", "", "units of target, simulated, lo, hi and gap (1: a fraction)"}};
  const int base_year = f.replicates.front().years.front();
  for (const auto& tg : f.meta.targets) {
    const Indicator ind{tg.indicator, tg.zone};
    std::vector<std::pair<std::string, int>> views;
    // A level (rate or stock) has a straight path from the base year to its target;
    // a yearly flow does not (the base year has no flow), so it has no mid-term view.
    if (!is_flow(tg.indicator))
      for (int y : midterm_years)
        if (y > base_year && y < tg.year) views.emplace_back("mid-term", y);
    views.emplace_back("final", tg.year);
    const double start = stats::mean(values(f, ind, base_year));
    for (const auto& [view, year] : views) {
      const double goal = view == "final" ? tg.value
                                          : start + (tg.value - start) * (year - base_year) / double(tg.year - base_year);
      const Eigen::VectorXd v = values(f, ind, year);
      const auto spread = stats::spread(v, level);
      const double met = (v.array() >= goal).cast<double>().mean();
      t.add({tg.indicator, tg.zone, view, static_cast<long long>(year), goal, stats::mean(v), spread.lo, spread.hi,
             stats::mean(v) - goal, met, tg.clause, units_of(tg.indicator)});
    }
  }
  return t;
}

}  // namespace hukou::evaluate
