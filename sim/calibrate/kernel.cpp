#include "kernel.hpp"

#include <cmath>
#include <limits>
#include <numbers>

#include "error.hpp"
#include "weighted.hpp"

namespace hukou::calibrate {

Kernel::Kernel(const Eigen::MatrixXd& particles, const Eigen::VectorXd& weights, double scale,
               const Eigen::VectorXd& prior_sd) {
  const Eigen::Index d = particles.cols();
  Eigen::VectorXd ridge = (kRidgeShare * prior_sd).array().square();
  const Eigen::MatrixXd base = scale * weighted_covariance(particles, weights);
  // A covariance that is positive semi-definite on paper can fail Cholesky by
  // rounding; a wider ridge then settles it, the same way on every machine.
  for (int attempt = 0;; ++attempt) {
    cov_ = base;
    cov_.diagonal() += ridge;
    Eigen::LLT<Eigen::MatrixXd> llt(cov_);
    if (llt.info() == Eigen::Success) {
      chol_ = llt.matrixL();
      break;
    }
    if (attempt == 8) throw CalibrationError("the perturbation kernel's covariance is not positive definite");
    ridge *= 100.0;
  }
  log_norm_ = -0.5 * static_cast<double>(d) * std::log(2.0 * std::numbers::pi) -
              chol_.diagonal().array().log().sum();
  whitened_ = chol_.triangularView<Eigen::Lower>().solve(particles.transpose());
  log_w_ = weights.array().log();
}

Eigen::VectorXd Kernel::perturb(const Eigen::VectorXd& centre, const Eigen::VectorXd& z) const {
  return centre + chol_.triangularView<Eigen::Lower>() * z;
}

double Kernel::log_density(const Eigen::VectorXd& x, const Eigen::VectorXd& centre) const {
  const Eigen::VectorXd u = chol_.triangularView<Eigen::Lower>().solve(x - centre);
  return log_norm_ - 0.5 * u.squaredNorm();
}

double Kernel::log_mixture_density(const Eigen::VectorXd& x) const {
  const Eigen::VectorXd u = chol_.triangularView<Eigen::Lower>().solve(x);
  // Log-sum-exp: the terms can all underflow when x is far out.
  Eigen::VectorXd terms(whitened_.cols());
  double top = -std::numeric_limits<double>::infinity();
  for (Eigen::Index j = 0; j < whitened_.cols(); ++j) {
    terms(j) = log_w_(j) - 0.5 * (u - whitened_.col(j)).squaredNorm();
    top = std::max(top, terms(j));
  }
  if (!std::isfinite(top)) return top;
  double s = 0.0;
  for (Eigen::Index j = 0; j < terms.size(); ++j) s += std::exp(terms(j) - top);
  return log_norm_ + top + std::log(s);
}

}  // namespace hukou::calibrate
