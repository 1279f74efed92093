#include "evaluate.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include "core/stats.hpp"
#include "calibrate/ensemble.hpp"

namespace hukou::evaluate {

namespace {
// The plan's own target for the same indicator and zone in `year`, if it sets one.
std::optional<double> plan_target(const output::RunFile& f, const output::TargetInfo& tg, int year) {
  for (const auto& o : f.meta.targets)
    if (o.indicator == tg.indicator && o.zone == tg.zone && o.year == year) return o.value;
  return std::nullopt;
}

// Where a mid-term straight path to `tg` starts: the plan's latest own target for the
// same indicator and zone before `year`, else the base year's simulated mean.
struct PathStart {
  int year;
  double value;
  std::string label;
};
PathStart path_start(const output::RunFile& f, const output::TargetInfo& tg, int year, int base_year) {
  const output::TargetInfo* best = nullptr;
  for (const auto& o : f.meta.targets)
    if (o.indicator == tg.indicator && o.zone == tg.zone && o.year < year && o.year > base_year &&
        (!best || o.year > best->year))
      best = &o;
  if (best) return {best->year, best->value, "target " + std::to_string(best->year)};
  const Indicator ind{tg.indicator, tg.zone};
  return {base_year, stats::mean(values(f, ind, base_year)), "simulated " + std::to_string(base_year)};
}
}  // namespace

output::Table evaluate_targets(const output::RunFile& f, const std::vector<int>& midterm_years, double level) {
  const int pct = static_cast<int>(level * 100 + 0.5);
  output::Table t;
  // Column names differ from the run file's dimension names (zone, target): R's
  // ncdf4 hides a group's variable that shares a name with a dimension in scope.
  t.columns = {{"indicator", "", "output variable the target is set on"},
               {"target_zone", "", "zone of the target (empty: whole prefecture)"},
               {"view", "", "final (the target's year) or mid-term (on the straight path to it)"},
               {"year", "", "year evaluated"},
               {"target_value", "", "target value, or in a mid-term year its value on the straight path to it"},
               {"path_from", "", "mid-term: where the straight path starts (the plan's own earlier target, else the "
                                 "base year's simulated value)"},
               {"simulated", "", "simulated mean over replicates"},
               {"lo", "", std::to_string(pct) + "% of replicates lie between lo and hi: lower"},
               {"hi", "", std::to_string(pct) + "% of replicates lie between lo and hi: upper"},
               {"gap", "", "simulated mean - target"},
               {"share_met", "1", "probability the target is met: share of runs (draws x replicates) at or above it"},
               {"parameter_share", "1", "share of the variance due to the parameters (posterior draws), by the law "
                                        "of total variance (docs/evaluation.md); nan without 2 draws x 2 replicates", 2},
               {"noise_share", "1", "share of the variance due to simulation noise (replicates)", 2},
               {"uncertainty", "", "what lo, hi and share_met include: seeds only, or parameters and seeds"},
               {"clause", "", "clause of the document that sets the target"},
               {"units", "", "units of target_value, simulated, lo, hi and gap (1: a fraction)"}};
  const int base_year = f.replicates.front().years.front();
  const std::size_t draws = std::max<std::size_t>(f.meta.draws, 1), reps = f.replicates.size() / draws;
  const std::string uncertainty = f.meta.draws > 0 ? "parameters and seeds" : "seeds only";
  for (const auto& tg : f.meta.targets) {
    const Indicator ind{tg.indicator, tg.zone};
    std::vector<std::pair<std::string, int>> views;
    // A level (rate or stock) has a straight path to its target; a yearly flow does
    // not (the base year has no flow), so it has no mid-term view. Where the plan
    // sets its own target in a mid-term year, that target is the mid-term goal and is
    // evaluated as itself (Qiannan 一 gives one per year): no interpolated second one.
    if (!is_flow(tg.indicator))
      for (int y : midterm_years)
        if (y > base_year && y < tg.year && !plan_target(f, tg, y)) views.emplace_back("mid-term", y);
    views.emplace_back("final", tg.year);
    for (const auto& [view, year] : views) {
      std::string from;
      double goal = tg.value;
      if (view != "final") {
        const PathStart s = path_start(f, tg, year, base_year);
        goal = s.value + (tg.value - s.value) * (year - s.year) / double(tg.year - s.year);
        from = s.label;
      }
      const Eigen::VectorXd v = values(f, ind, year);
      const auto spread = stats::spread(v, level);
      const double met = (v.array() >= goal).cast<double>().mean();
      // Rows: draws, columns: replicates on the streams every draw shares. Without
      // draws the parameters' share is not assessed: nan, as with one draw.
      const Eigen::MatrixXd y = Eigen::Map<const Eigen::MatrixXd>(v.data(), static_cast<Eigen::Index>(reps),
                                                                  static_cast<Eigen::Index>(draws)).transpose();
      const auto split = calibrate::split_variance(y, calibrate::Streams::shared);
      const double nan = std::numeric_limits<double>::quiet_NaN();
      const bool split_known = draws > 1 && reps > 1 && split.total > 0;
      t.add({tg.indicator, tg.zone, view, static_cast<long long>(year), goal, from, stats::mean(v), spread.lo,
             spread.hi, stats::mean(v) - goal, met, split_known ? split.parameter_share() : nan,
             split_known ? split.noise_share() : nan, uncertainty, tg.clause, units_of(tg.indicator)});
    }
  }
  return t;
}

}  // namespace hukou::evaluate
