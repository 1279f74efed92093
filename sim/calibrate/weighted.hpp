// Statistics of a weighted sample (particles and their importance weights). All
// sums run in index order on one thread, so results do not depend on threads.
#pragma once
#include <Eigen/Dense>

namespace hukou::calibrate {

// Weights scaled to sum to 1 (throws CalibrationError if none is positive or one is
// negative or not finite).
Eigen::VectorXd normalised(const Eigen::VectorXd& w);
// Kish's effective sample size 1 / sum(w^2) of normalised weights: N for equal
// weights, 1 when one particle holds all the weight.
double effective_sample_size(const Eigen::VectorXd& w);

// Weighted mean and covariance of the rows of x under normalised weights w. The
// covariance is sum w_i (x_i - m)(x_i - m)' / (1 - sum w_i^2), the unbiased form
// for reliability weights (NumPy's cov with aweights): with equal weights it is the
// usual sample covariance with n - 1.
Eigen::VectorXd weighted_mean(const Eigen::MatrixXd& x, const Eigen::VectorXd& w);
Eigen::MatrixXd weighted_covariance(const Eigen::MatrixXd& x, const Eigen::VectorXd& w);

// The p-quantile of values under (not necessarily normalised) weights: sort the
// values, place each at the middle of its weight's share of [0, 1] (the point
// before it holds S_{i-1}, it sits at S_{i-1} + w_i / 2), interpolate linearly
// between those places, and clamp to the smallest or largest value outside them.
// Equal weights give Hazen's quantile, (i + 0.5) / n; zero weights are ignored.
double weighted_quantile(const Eigen::VectorXd& values, const Eigen::VectorXd& w, double p);

// The index whose share of the cumulative weights holds u in [0, 1): the first i
// with cumulative(i) > u * cumulative(last). `cumulative` is the running sum.
Eigen::Index pick(const Eigen::VectorXd& cumulative, double u);

}  // namespace hukou::calibrate
