// Where a generation's proposals come from, and what they weigh.
//
// Generation 0 draws from the prior. Generation t >= 1 picks a particle of
// generation t-1 with probability equal to its weight and perturbs it with the
// kernel (kernel.hpp); outside the prior's support both are drawn again. The
// proposal density is then the kernel mixture sum_j w_j K(theta | theta_j)
// restricted to the support and renormalised by one constant, which normalising
// the weights removes. (Redrawing only the perturbation would renormalise each
// particle's kernel by its own share inside the support and bias the weights
// towards the particles near a bound.)
//
// Proposal k of generation t draws everything, redraws included, from the key
// (seed, t, k, proposal) alone: it is the same whichever thread makes it and
// whatever was proposed before.
#pragma once
#include <cstdint>

#include <Eigen/Dense>

#include "kernel.hpp"
#include "parameters.hpp"
#include "settings.hpp"
#include "state.hpp"

namespace hukou::calibrate {

// Proposal k of generation 0: a draw from the prior.
Eigen::VectorXd prior_proposal(const Parameters& ps, const Settings& s, std::uint64_t k);

// The proposals of generation prev.generation + 1.
class Proposer {
 public:
  // A perturbed particle outside the support this many times in a row is a bug or
  // a prior at odds with the data; a loop without end would hide either.
  static constexpr int kMaxRedraws = 10000;

  Proposer(const Parameters& ps, const Settings& s, const State& prev);
  std::uint32_t generation() const { return t_; }
  const Kernel& kernel() const { return kernel_; }
  // Proposal k; throws CalibrationError after kMaxRedraws draws outside the support.
  Eigen::VectorXd operator()(std::uint64_t k) const;

 private:
  const Parameters& ps_;
  const State& prev_;
  std::uint64_t seed_;
  std::uint32_t t_;
  Kernel kernel_;
  Eigen::VectorXd cumulative_;  // running sum of prev's weights
};

// Importance weights of accepted particles (rows) proposed by `kernel`'s mixture:
// w_i ∝ prior(theta_i) / sum_j w_j K(theta_i | theta_j), normalised. In log space
// (both densities can underflow), one particle per task, each sum in a fixed order.
Eigen::VectorXd importance_weights(const Parameters& ps, const Kernel& kernel, const Eigen::MatrixXd& particles);

}  // namespace hukou::calibrate
