#include "parameters.hpp"

#include <set>

#include "error.hpp"
#include "keys.hpp"

namespace hukou::calibrate {

void validate(const Parameters& ps) {
  if (ps.empty()) throw CalibrationError("calibration needs at least one parameter with a prior");
  std::set<std::string> seen;
  for (const auto& p : ps) {
    if (p.name.empty()) throw CalibrationError("a calibrated parameter has an empty name");
    if (!seen.insert(p.name).second) throw CalibrationError("parameter '" + p.name + "' has two priors");
  }
}

bool in_support(const Parameters& ps, const Eigen::VectorXd& theta) {
  for (std::size_t i = 0; i < ps.size(); ++i)
    if (!ps[i].prior.contains(theta(static_cast<Eigen::Index>(i)))) return false;
  return true;
}

double log_prior(const Parameters& ps, const Eigen::VectorXd& theta) {
  double s = 0.0;
  for (std::size_t i = 0; i < ps.size(); ++i) s += ps[i].prior.log_density(theta(static_cast<Eigen::Index>(i)));
  return s;
}

Eigen::VectorXd sample_prior(const Parameters& ps, std::uint64_t key) {
  Eigen::VectorXd theta(static_cast<Eigen::Index>(ps.size()));
  for (std::size_t i = 0; i < ps.size(); ++i)
    theta(static_cast<Eigen::Index>(i)) = ps[i].prior.sample(open_uniform(key, static_cast<std::uint32_t>(i)));
  return theta;
}

Eigen::VectorXd prior_sd(const Parameters& ps) {
  Eigen::VectorXd s(static_cast<Eigen::Index>(ps.size()));
  for (std::size_t i = 0; i < ps.size(); ++i) s(static_cast<Eigen::Index>(i)) = ps[i].prior.sd();
  return s;
}

}  // namespace hukou::calibrate
