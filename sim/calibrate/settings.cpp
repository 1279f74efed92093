#include "settings.hpp"

#include <cmath>
#include <string>

#include "error.hpp"

namespace hukou::calibrate {

void validate(const Settings& s) {
  auto require = [](bool ok, const char* what) {
    if (!ok) throw CalibrationError(std::string("calibration setting ") + what);
  };
  require(s.particles >= 2, "particles: at least 2 are needed (a weighted covariance needs two points)");
  require(s.quantile > 0.0 && s.quantile < 1.0, "quantile: must lie strictly between 0 and 1");
  require(s.max_generations >= 1, "generations: at least 1");
  require(std::isfinite(s.min_epsilon) && s.min_epsilon >= 0.0, "min_epsilon: must be 0 or more");
  require(s.min_acceptance_rate >= 0.0 && s.min_acceptance_rate < 1.0,
          "min_acceptance_rate: must be at least 0 and below 1");
  require(std::isfinite(s.kernel_scale) && s.kernel_scale > 0.0, "kernel_scale: must be positive");
  require(s.replicates >= 1, "replicates: at least 1");
  require(s.batch >= 1, "batch: at least 1");
}

}  // namespace hukou::calibrate
