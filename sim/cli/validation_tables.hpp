// A run's scorecard against its scenario's observations after the calibration
// cutoff, as `hukou validate` prints and stores it and `hukou report` shows it: the
// one place that turns a scenario and an ensemble into the `validation` (one row per
// point) and `validation_skill` (per indicator, then `overall`) tables.
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "calibrate/validation.hpp"
#include "cli/validation_forecasts.hpp"
#include "core/results.hpp"
#include "core/scenario.hpp"
#include "output/table.hpp"

namespace hukou::cli {

constexpr double kValidationLevel = 0.90;  // issue 23 item 7: the 90% interval

// Why a run has nothing to score (no [calibration], nothing after its cutoff in the
// simulated years, inconsistent observations): the message names the scenario.
struct NothingToValidate : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct RunValidation {
  ValidationInput input;
  calibrate::Scorecard card;
  output::Table points, skill;
};

// `label` names the run file(s) in messages; `ensemble` is every simulated path.
// Throws NothingToValidate.
RunValidation validate_ensemble(const Scenario& sc, const std::vector<RunResult>& ensemble, const std::string& label);

}  // namespace hukou::cli
