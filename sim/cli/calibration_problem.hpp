// A scenario's calibration as a hukou_calibrate problem: its priors as parameters,
// its observations up to the cutoff as the data, and the model as "apply the
// parameter values to the scenario, simulate, read each observed output".
#pragma once
#include <cstdint>
#include <vector>

#include "calibrate/smc.hpp"
#include "core/results.hpp"
#include "core/scenario.hpp"

namespace hukou::cli {

// The observations calibration reads (Observation::calibrate), in file order.
std::vector<Observation> calibration_observations(const Scenario& sc);

// The simulated value of an observation in a run whose first year is sc.base_year.
double simulated_value(const RunResult& r, const Observation& o);

// Sets parameter `key` (a calibrated parameter's --set key) of `sc` to `v`.
void apply_parameter(Scenario& sc, const std::string& key, double v);

// The problem; throws calibrate::CalibrationError when the scenario has no
// [calibration] or no prior. Its observations are empty when none lies from
// base_year to the cutoff (calibrate::prior_generation).
calibrate::Problem calibration_problem(const Scenario& sc);

}  // namespace hukou::cli
