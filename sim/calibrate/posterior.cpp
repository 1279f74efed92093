#include "posterior.hpp"

#include <cmath>

#include "error.hpp"
#include "keys.hpp"
#include "weighted.hpp"

namespace hukou::calibrate {

std::vector<ParameterSummary> summarise(const Parameters& ps, const Eigen::MatrixXd& particles,
                                        const Eigen::VectorXd& weights) {
  if (static_cast<std::size_t>(particles.cols()) != ps.size() || particles.rows() != weights.size())
    throw CalibrationError("posterior summary: particles, weights and parameters do not match");
  const Eigen::VectorXd w = normalised(weights);
  const Eigen::VectorXd mean = weighted_mean(particles, w);
  const Eigen::MatrixXd cov = weighted_covariance(particles, w);
  std::vector<ParameterSummary> out;
  for (Eigen::Index i = 0; i < particles.cols(); ++i) {
    const auto& par = ps[static_cast<std::size_t>(i)];
    const Eigen::VectorXd col = particles.col(i);
    out.push_back({par.name, par.unit, mean(i), std::sqrt(cov(i, i)), weighted_quantile(col, w, 0.05),
                   weighted_quantile(col, w, 0.25), weighted_quantile(col, w, 0.50), weighted_quantile(col, w, 0.75),
                   weighted_quantile(col, w, 0.95), par.prior.mean(), par.prior.sd()});
  }
  return out;
}

std::vector<Eigen::Index> resample_rows(const Eigen::VectorXd& weights, std::size_t draws, std::uint64_t seed) {
  const Eigen::VectorXd w = normalised(weights);
  Eigen::VectorXd cumulative(w.size());
  double run = 0.0;
  for (Eigen::Index j = 0; j < w.size(); ++j) cumulative(j) = run += w(j);
  std::vector<Eigen::Index> rows;
  for (std::size_t i = 0; i < draws; ++i)
    rows.push_back(pick(cumulative, open_uniform(rng::key(seed, 0, i, stream::resample), 0)));
  return rows;
}

Eigen::MatrixXd resample(const Eigen::MatrixXd& particles, const Eigen::VectorXd& weights, std::size_t draws,
                         std::uint64_t seed) {
  const auto rows = resample_rows(weights, draws, seed);
  Eigen::MatrixXd out(static_cast<Eigen::Index>(draws), particles.cols());
  for (std::size_t i = 0; i < draws; ++i) out.row(static_cast<Eigen::Index>(i)) = particles.row(rows[i]);
  return out;
}

}  // namespace hukou::calibrate
