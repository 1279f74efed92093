#include "distance.hpp"

#include <cmath>

#include "error.hpp"
#include "weighted.hpp"

namespace hukou::calibrate {

void validate(const Observations& obs) {
  if (obs.empty()) throw CalibrationError("calibration needs at least one observation");
  double total = 0.0;
  for (const auto& o : obs) {
    if (!std::isfinite(o.value)) throw CalibrationError("observation " + o.label + ": the value is not a number");
    if (o.has_sigma() && !(std::isfinite(o.sigma) && o.sigma > 0.0))
      throw CalibrationError("observation " + o.label + ": its uncertainty (sigma) must be positive");
    if (!(std::isfinite(o.weight) && o.weight >= 0.0))
      throw CalibrationError("observation " + o.label + ": its weight must be 0 or more");
    total += o.weight;
  }
  if (!(total > 0.0)) throw CalibrationError("every observation has weight 0: nothing to calibrate against");
}

double predictive_spread(const Eigen::VectorXd& x) {
  const Eigen::VectorXd ones = Eigen::VectorXd::Ones(x.size());
  const double median = weighted_quantile(x, ones, 0.5);
  const Eigen::VectorXd dev = (x.array() - median).abs();
  // 1.4826 = 1 / Phi^-1(3/4): the MAD of a normal sample estimates its sd.
  const double mad = 1.4826 * weighted_quantile(dev, ones, 0.5);
  if (mad > 0.0) return mad;
  const double sd = x.size() > 1 ? std::sqrt((x.array() - x.mean()).square().sum() / double(x.size() - 1)) : 0.0;
  return sd > 0.0 ? sd : 1.0;
}

Eigen::VectorXd distance_scales(const Observations& obs, const Eigen::MatrixXd& prior_predictive) {
  Eigen::VectorXd s(static_cast<Eigen::Index>(obs.size()));
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    const auto& o = obs[static_cast<std::size_t>(i)];
    s(i) = o.has_sigma() ? o.sigma : predictive_spread(prior_predictive.col(i));
  }
  return s;
}

bool all_finite(const Eigen::VectorXd& x) { return x.allFinite(); }

Distance::Distance(const Observations& obs, Eigen::VectorXd scales) : scales_(std::move(scales)) {
  const auto m = static_cast<Eigen::Index>(obs.size());
  if (scales_.size() != m) throw CalibrationError("distance: one scale per observation is needed");
  observed_.resize(m);
  weights_.resize(m);
  for (Eigen::Index i = 0; i < m; ++i) {
    observed_(i) = obs[static_cast<std::size_t>(i)].value;
    weights_(i) = obs[static_cast<std::size_t>(i)].weight;
  }
}

double Distance::operator()(const Eigen::VectorXd& x) const {
  if (x.size() != observed_.size())
    throw CalibrationError("the model returned " + std::to_string(x.size()) + " values for " +
                           std::to_string(observed_.size()) + " observations");
  double s = 0.0;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const double r = (x(i) - observed_(i)) / scales_(i);
    s += weights_(i) * r * r;
  }
  return std::sqrt(s);
}

}  // namespace hukou::calibrate
