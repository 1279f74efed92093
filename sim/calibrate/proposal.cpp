#include "proposal.hpp"

#include <string>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "error.hpp"
#include "keys.hpp"
#include "normal.hpp"
#include "weighted.hpp"

namespace hukou::calibrate {

Eigen::VectorXd prior_proposal(const Parameters& ps, const Settings& s, std::uint64_t k) {
  return sample_prior(ps, rng::key(s.seed, 0, k, stream::proposal));
}

Proposer::Proposer(const Parameters& ps, const Settings& s, const State& prev)
    : ps_(ps),
      prev_(prev),
      seed_(s.seed),
      t_(prev.generation + 1),
      kernel_(prev.particles, prev.weights, s.kernel_scale, prior_sd(ps)),
      cumulative_(prev.weights.size()) {
  double run = 0.0;
  for (Eigen::Index j = 0; j < cumulative_.size(); ++j) cumulative_(j) = run += prev.weights(j);
}

Eigen::VectorXd Proposer::operator()(std::uint64_t k) const {
  const std::uint64_t key = rng::key(seed_, t_, k, stream::proposal);
  const auto d = static_cast<Eigen::Index>(ps_.size());
  std::uint32_t n = 0;
  Eigen::VectorXd z(d);
  for (int attempt = 0; attempt < kMaxRedraws; ++attempt) {
    const Eigen::Index j = pick(cumulative_, open_uniform(key, n++));
    for (Eigen::Index i = 0; i < d; ++i) z(i) = normal_quantile(open_uniform(key, n++));
    Eigen::VectorXd theta = kernel_.perturb(prev_.particles.row(j).transpose(), z);
    if (in_support(ps_, theta)) return theta;
  }
  throw CalibrationError("generation " + std::to_string(t_) + ": " + std::to_string(kMaxRedraws) +
                         " perturbed particles in a row fell outside the prior's support");
}

Eigen::VectorXd importance_weights(const Parameters& ps, const Kernel& kernel, const Eigen::MatrixXd& particles) {
  const Eigen::Index n = particles.rows();
  Eigen::VectorXd logw(n);
  tbb::parallel_for(tbb::blocked_range<Eigen::Index>(0, n), [&](const tbb::blocked_range<Eigen::Index>& r) {
    for (Eigen::Index i = r.begin(); i != r.end(); ++i) {
      const Eigen::VectorXd theta = particles.row(i).transpose();
      logw(i) = log_prior(ps, theta) - kernel.log_mixture_density(theta);
    }
  });
  return normalised((logw.array() - logw.maxCoeff()).exp().matrix());
}

}  // namespace hukou::calibrate
