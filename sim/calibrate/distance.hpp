// How far a simulation is from the observations.
//
//   d(x) = sqrt( sum_i w_i * ((x_i - y_i) / s_i)^2 )
//
// x_i the simulated value aligned with observation i, y_i the observed value, w_i
// its weight (default 1), s_i its scale:
//   - the observation's own uncertainty sigma_i when it has one (a survey's
//     sampling error, half a statistic's rounding step): the miss is then counted
//     in standard errors, and observations of different units add up;
//   - otherwise the spread of the prior predictive: 1.4826 times the median
//     absolute deviation of the simulated x_i of generation 0 (the sd of a normal
//     sample, but not led by a few wild prior draws); their sd if that is 0 (more
//     than half the draws equal); 1 if they are all equal (the term is then the
//     same for every particle and the scale does not matter). Estimated once and
//     fixed for the run, so every generation targets the same distance.
// A simulation with a value that is not finite has no distance: the engine rejects
// it and counts it (never treats it as a match).
#pragma once
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace hukou::calibrate {

struct Observation {
  std::string label;  // names it in messages, e.g. "registered_rate 2015"
  double value = 0.0;
  double sigma = std::numeric_limits<double>::quiet_NaN();  // NaN: none, scale from the prior predictive
  double weight = 1.0;
  bool has_sigma() const { return !std::isnan(sigma); }
};
using Observations = std::vector<Observation>;

// Throws CalibrationError for no observations, a value that is not finite, a sigma
// that is given but not positive, a negative weight, or weights all 0.
void validate(const Observations& obs);

// The prior-predictive spread of one observation's simulated values (see above).
double predictive_spread(const Eigen::VectorXd& simulated);
// Scale of each observation: its sigma, or the spread of column i of `prior_predictive`
// (rows: generation 0's accepted simulations).
Eigen::VectorXd distance_scales(const Observations& obs, const Eigen::MatrixXd& prior_predictive);

bool all_finite(const Eigen::VectorXd& x);

class Distance {
 public:
  Distance(const Observations& obs, Eigen::VectorXd scales);
  double operator()(const Eigen::VectorXd& simulated) const;
  const Eigen::VectorXd& scales() const { return scales_; }

 private:
  Eigen::VectorXd observed_, weights_, scales_;
};

}  // namespace hukou::calibrate
