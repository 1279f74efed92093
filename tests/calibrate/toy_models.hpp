// Small stochastic models with known answers, for the calibration tests. Each is a
// pure function of (theta, seed), as the engine requires.
#pragma once
#include <cmath>
#include <cstdint>

#include <Eigen/Dense>

#include "calibrate/keys.hpp"
#include "calibrate/normal.hpp"
#include "core/rng.hpp"

namespace toy {

// The mean of n draws from normal(theta_0, sigma), drawn as what it is,
// normal(theta_0, sigma^2 / n): the sufficient statistic of a normal sample with
// known variance, so the exact posterior is conjugate.
inline Eigen::VectorXd sample_mean(const Eigen::VectorXd& theta, std::uint64_t seed, int n, double sigma) {
  const double z = hukou::calibrate::normal_quantile(hukou::calibrate::open_uniform(seed, 0));
  return Eigen::VectorXd::Constant(1, theta(0) + sigma / std::sqrt(double(n)) * z);
}

// Binomial(n, p) by inversion: walk the distribution function up from 0 (p <= 1/2;
// the other half by symmetry, so (1 - p)^n stays above the smallest double for
// n <= 1000). About n p steps.
inline int binomial(int n, double p, double u) {
  if (p > 0.5) return n - binomial(n, 1.0 - p, u);
  double pmf = std::pow(1.0 - p, n), cdf = pmf;
  const double ratio = p / (1.0 - p);
  int k = 0;
  while (u > cdf && k < n) {
    pmf *= ratio * double(n - k) / double(k + 1);
    cdf += pmf;
    ++k;
  }
  return k;
}

// Shares of n sampled people with some status over `years` years, the true share
// on a logistic curve: logit p_t = theta_0 + theta_1 x_t + theta_2 (x_t^2 - 1/3),
// x_t running from -1 to 1 over the years.
// The quadratic term is centred so the three parameters are nearly uncorrelated.
inline Eigen::VectorXd logistic_shares(const Eigen::VectorXd& theta, std::uint64_t seed, int years, int n) {
  Eigen::VectorXd out(years);
  for (int t = 0; t < years; ++t) {
    const double x = -1.0 + 2.0 * t / (years - 1);
    const double eta = theta(0) + theta(1) * x + (theta.size() > 2 ? theta(2) * (x * x - 1.0 / 3.0) : 0.0);
    const double p = 1.0 / (1.0 + std::exp(-eta));
    out(t) = binomial(n, p, hukou::calibrate::open_uniform(seed, std::uint32_t(t))) / double(n);
  }
  return out;
}

}  // namespace toy
