// Summaries of a weighted posterior sample, and draws from it for
// posterior-predictive runs.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "parameters.hpp"

namespace hukou::calibrate {

struct ParameterSummary {
  std::string name, unit;
  double mean = 0, sd = 0;
  double q05 = 0, q25 = 0, q50 = 0, q75 = 0, q95 = 0;  // weighted_quantile (weighted.hpp)
  // The equal-tailed 90% credible interval is [q05, q95].
  double ci90_lo() const { return q05; }
  double ci90_hi() const { return q95; }
  double prior_mean = 0, prior_sd = 0;  // to set the posterior against
};

// One summary per parameter: weighted mean, sd (reliability-weighted, n - 1 under
// equal weights) and quantiles of the particles (N x d) under their weights.
std::vector<ParameterSummary> summarise(const Parameters& ps, const Eigen::MatrixXd& particles,
                                        const Eigen::VectorXd& weights);

// `draws` rows drawn with replacement from the particles with probability equal to
// their weights. Draw i depends only on (seed, i): asking for more draws keeps the
// first ones, so a run with D + 1 draws extends one with D.
Eigen::MatrixXd resample(const Eigen::MatrixXd& particles, const Eigen::VectorXd& weights, std::size_t draws,
                         std::uint64_t seed);
// The rows `resample` draws (so a run can record which particle each draw took).
std::vector<Eigen::Index> resample_rows(const Eigen::VectorXd& weights, std::size_t draws, std::uint64_t seed);

}  // namespace hukou::calibrate
