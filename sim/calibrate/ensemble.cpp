#include "ensemble.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "error.hpp"

namespace hukou::calibrate {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double sample_variance(const Eigen::VectorXd& x) {
  const double m = x.mean();
  return (x.array() - m).square().sum() / static_cast<double>(x.size() - 1);
}
}  // namespace

double quantile(Eigen::VectorXd x, double p) {
  if (x.size() == 0) throw CalibrationError("quantile of an empty ensemble");
  if (!x.allFinite()) throw CalibrationError("an ensemble holds a value that is not a number");
  std::sort(x.data(), x.data() + x.size());
  const double h = static_cast<double>(x.size() - 1) * std::clamp(p, 0.0, 1.0);
  const auto lo = static_cast<Eigen::Index>(std::floor(h));
  const auto hi = std::min<Eigen::Index>(lo + 1, x.size() - 1);
  return x(lo) + (h - static_cast<double>(lo)) * (x(hi) - x(lo));
}

Band band(const Eigen::VectorXd& values, double level) {
  const double tail = 0.5 * (1.0 - level);
  return {quantile(values, 0.5), quantile(values, tail), quantile(values, 1.0 - tail)};
}

double probability_met(const Eigen::VectorXd& values, double target, Direction dir) {
  if (values.size() == 0) throw CalibrationError("probability of meeting a target: empty ensemble");
  const auto met = dir == Direction::at_least ? (values.array() >= target).count() : (values.array() <= target).count();
  return static_cast<double>(met) / static_cast<double>(values.size());
}

VarianceSplit split_variance(const Eigen::MatrixXd& y, Streams streams) {
  const Eigen::Index k = y.rows(), r = y.cols();
  if (k == 0 || r == 0) throw CalibrationError("variance split: empty ensemble");
  if (!y.allFinite()) throw CalibrationError("variance split: an ensemble value is not a number");
  if (r == 1) {
    const Eigen::VectorXd col = y.col(0);
    return {k > 1 ? sample_variance(col) : 0.0, kNaN, kNaN};
  }
  double within = 0.0;
  for (Eigen::Index i = 0; i < k; ++i) within += sample_variance(y.row(i).transpose());
  within /= static_cast<double>(k);
  if (k == 1) return {within, kNaN, within};
  const Eigen::VectorXd means = y.rowwise().mean();
  double left = within;  // the noise still in a draw's mean of R replicates, times R
  if (streams == Streams::shared) {
    const Eigen::RowVectorXd replicate_means = y.colwise().mean();
    const Eigen::MatrixXd resid = (y.colwise() - means).rowwise() - (replicate_means.array() - y.mean()).matrix();
    left = resid.array().square().sum() / static_cast<double>((k - 1) * (r - 1));
  }
  const double param = std::max(0.0, sample_variance(means) - left / static_cast<double>(r));
  return {param + within, param, within};
}

}  // namespace hukou::calibrate
