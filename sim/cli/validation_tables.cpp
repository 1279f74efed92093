#include "cli/validation_tables.hpp"

#include <sstream>

#include "calibrate/error.hpp"

namespace hukou::cli {

namespace {
output::Table points_table(const ValidationInput& in, const calibrate::Scorecard& card) {
  output::Table t;
  t.columns = {{"indicator", "", "observed output (zone, channel)"},
               {"year", "", "year after the calibration cutoff"},
               {"units", "", "units of the values"},
               {"observed", "", "observed value"},
               {"median", "", "median of the run's ensemble"},
               {"lo", "", "5% quantile of the ensemble"},
               {"hi", "", "95% quantile of the ensemble"},
               {"error", "", "median - observed"},
               {"covered", "", "1 if lo <= observed <= hi"},
               {"naive_change", "", "last observed yearly change carried forward"},
               {"naive_trend", "", "least-squares line through the calibration years"}};
  for (std::size_t i = 0; i < card.indicators.size(); ++i)
    for (const auto& p : card.indicators[i].points)
      t.add({card.indicators[i].name, static_cast<long long>(p.year), in.units[i], p.observed, p.median, p.lo, p.hi,
             p.error, static_cast<long long>(p.covered), p.naive_change, p.naive_trend});
  return t;
}

void add_skill(output::Table& t, const std::string& name, const std::string& units, const calibrate::Skill& s) {
  t.add({name, units, static_cast<long long>(s.points), s.mae, s.coverage, static_cast<long long>(s.naive_points),
         s.mae_naive_change, s.mae_naive_trend, s.skill_change, s.skill_trend});
}

output::Table skill_table(const ValidationInput& in, const calibrate::Scorecard& card) {
  output::Table t;
  t.columns = {{"indicator", "", "observed output, or all of them"},
               {"units", "", "units of the errors"},
               {"points", "", "observations after the cutoff"},
               {"mae", "", "mean absolute error of the median"},
               {"coverage", "1", "share of observations inside the 90% interval"},
               {"naive_points", "", "points with both naive forecasts"},
               {"mae_naive_change", "", "MAE of the last change carried forward"},
               {"mae_naive_trend", "", "MAE of the linear trend"},
               {"skill_change", "1", "MAE model / MAE last change (below 1: the model is better)"},
               {"skill_trend", "1", "MAE model / MAE linear trend (below 1: the model is better)"}};
  bool one_unit = true;
  for (std::size_t i = 0; i < card.indicators.size(); ++i) {
    add_skill(t, card.indicators[i].name, in.units[i], card.indicators[i].skill);
    one_unit = one_unit && in.units[i] == in.units.front();
  }
  add_skill(t, "overall", one_unit ? in.units.front() : "mixed", card.overall);
  return t;
}
}  // namespace

RunValidation validate_ensemble(const Scenario& sc, const std::vector<RunResult>& ensemble, const std::string& label) {
  if (!sc.calibration)
    throw NothingToValidate(label + " (scenario " + sc.name +
                            ") has no [calibration] table, so no cutoff separates calibration from validation");
  RunValidation v;
  v.input = validation_input(sc, ensemble);
  if (v.input.forecasts.empty()) {
    std::ostringstream m;
    m << label << " (scenario " << sc.name << ") has no observation after its cutoff " << v.input.cutoff
      << (v.input.not_simulated.empty() ? "" : " in the years the run simulated") << ": nothing to validate";
    for (const auto& s : v.input.not_simulated)
      m << (&s == &v.input.not_simulated.front() ? " (not simulated: " : ", ") << s;
    if (!v.input.not_simulated.empty()) m << ")";
    throw NothingToValidate(m.str());
  }
  try {
    v.card = calibrate::score(v.input.forecasts, kValidationLevel);
  } catch (const calibrate::CalibrationError& e) {
    throw NothingToValidate(sc.name + "'s observations: " + e.what());
  }
  v.points = points_table(v.input, v.card);
  v.skill = skill_table(v.input, v.card);
  return v;
}

}  // namespace hukou::cli
