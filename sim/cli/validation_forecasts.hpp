// What `hukou validate` scores: a scenario's observations after its calibration
// cutoff, each beside the run's ensemble of that output in that year. Indicators
// are observed series (output, zone, channel); their observations at or before the
// cutoff (calibration years and earlier history) feed the naive forecasts. Values
// are in the series' units (rates as fractions), as stored tables keep them.
#pragma once
#include <string>
#include <vector>

#include "calibrate/validation.hpp"
#include "core/results.hpp"
#include "core/scenario.hpp"

namespace hukou::cli {

struct ValidationInput {
  int cutoff = 0;
  std::vector<calibrate::IndicatorForecast> forecasts;  // in file order of first observation
  std::vector<std::string> units;                       // per forecast: the series' units
  // Observations after the cutoff in years the run did not simulate ("name year").
  std::vector<std::string> not_simulated;
};

// `ensemble`: every simulated path of the run (replicates, or draws x replicates).
// An indicator with no validation year in the run is left out; the result has no
// forecasts when nothing after the cutoff was simulated (the caller says so).
ValidationInput validation_input(const Scenario& sc, const std::vector<RunResult>& ensemble);

}  // namespace hukou::cli
