// The calibrated parameters: each a name, a unit and a prior. The joint prior is
// the product of the parameters' priors (independent a priori), and a parameter
// vector theta lists values in the order of the parameters.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "prior.hpp"

namespace hukou::calibrate {

struct Parameter {
  std::string name;
  std::string unit;  // e.g. "1/year", "share"; empty for a pure number
  Prior prior;
};

using Parameters = std::vector<Parameter>;

// Throws CalibrationError for no parameters, an empty name or a name used twice.
void validate(const Parameters& ps);

bool in_support(const Parameters& ps, const Eigen::VectorXd& theta);
double log_prior(const Parameters& ps, const Eigen::VectorXd& theta);  // -inf outside the support
// One draw from the joint prior: parameter i from the i-th 64 bits under `key`.
Eigen::VectorXd sample_prior(const Parameters& ps, std::uint64_t key);
Eigen::VectorXd prior_sd(const Parameters& ps);

}  // namespace hukou::calibrate
