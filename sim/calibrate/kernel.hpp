// The perturbation kernel of ABC-SMC: a multivariate normal centred on a particle
// of the previous generation, with covariance `scale` (default 2, Beaumont et al.
// 2009) times the weighted sample covariance of that generation. Twice the
// covariance is the choice that minimises the Kullback-Leibler divergence between
// the proposal and the next target when both are roughly normal (Filippi et al. 2013).
//
// A population can have a singular covariance (particles on a line, a parameter
// the data pin down exactly, a single distinct particle): a ridge of
// (1e-4 x the parameter's prior sd)^2 on the diagonal keeps the kernel a proper
// density. It only narrows or widens the proposal, which the importance weights
// account for, so it costs efficiency, never correctness.
#pragma once
#include <Eigen/Dense>

namespace hukou::calibrate {

class Kernel {
 public:
  static constexpr double kRidgeShare = 1e-4;

  // particles: N x d rows; weights normalised; prior_sd: d.
  Kernel(const Eigen::MatrixXd& particles, const Eigen::VectorXd& weights, double scale,
         const Eigen::VectorXd& prior_sd);

  // centre + L z for z standard normal (L the Cholesky factor of the covariance).
  Eigen::VectorXd perturb(const Eigen::VectorXd& centre, const Eigen::VectorXd& z) const;
  // log N(x; centre, covariance).
  double log_density(const Eigen::VectorXd& x, const Eigen::VectorXd& centre) const;
  // log sum_j w_j N(x; particle_j, covariance) over the particles and weights the
  // kernel was built from: the denominator of the importance weights.
  double log_mixture_density(const Eigen::VectorXd& x) const;

  const Eigen::MatrixXd& covariance() const { return cov_; }

 private:
  Eigen::MatrixXd cov_, chol_;
  Eigen::MatrixXd whitened_;  // L^-1 particle_j, one column per particle
  Eigen::VectorXd log_w_;
  double log_norm_ = 0.0;     // -(d log(2 pi) + log det covariance) / 2
};

}  // namespace hukou::calibrate
