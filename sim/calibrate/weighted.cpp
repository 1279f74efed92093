#include "weighted.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "error.hpp"

namespace hukou::calibrate {

Eigen::VectorXd normalised(const Eigen::VectorXd& w) {
  double s = 0.0;
  for (Eigen::Index i = 0; i < w.size(); ++i) {
    if (!std::isfinite(w(i)) || w(i) < 0.0) throw CalibrationError("weights must be finite and not negative");
    s += w(i);
  }
  if (!(s > 0.0)) throw CalibrationError("weights: none is positive");
  return w / s;
}

double effective_sample_size(const Eigen::VectorXd& w) {
  const Eigen::VectorXd v = normalised(w);
  return 1.0 / v.squaredNorm();
}

Eigen::VectorXd weighted_mean(const Eigen::MatrixXd& x, const Eigen::VectorXd& w) {
  Eigen::VectorXd m = Eigen::VectorXd::Zero(x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) m += w(i) * x.row(i).transpose();
  return m;
}

Eigen::MatrixXd weighted_covariance(const Eigen::MatrixXd& x, const Eigen::VectorXd& w) {
  const Eigen::VectorXd m = weighted_mean(x, w);
  Eigen::MatrixXd c = Eigen::MatrixXd::Zero(x.cols(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const Eigen::VectorXd d = x.row(i).transpose() - m;
    c += w(i) * d * d.transpose();
  }
  const double denom = 1.0 - w.squaredNorm();
  // One particle holding all the weight has no spread to estimate.
  return denom > 0.0 ? Eigen::MatrixXd(c / denom) : Eigen::MatrixXd(Eigen::MatrixXd::Zero(x.cols(), x.cols()));
}

double weighted_quantile(const Eigen::VectorXd& values, const Eigen::VectorXd& w, double p) {
  std::vector<Eigen::Index> order;
  for (Eigen::Index i = 0; i < values.size(); ++i)
    if (w(i) > 0.0) order.push_back(i);
  if (order.empty()) throw CalibrationError("weighted quantile of no positively weighted values");
  // Stable: equal values keep index order, so the result never depends on sort internals.
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return values(a) < values(b); });
  double total = 0.0;
  for (Eigen::Index i : order) total += w(i);
  p = std::clamp(p, 0.0, 1.0);
  double before = 0.0, prev_pos = 0.0, prev_val = 0.0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const double share = w(order[k]) / total;
    const double pos = before + 0.5 * share, val = values(order[k]);
    if (p <= pos) {
      if (k == 0) return val;
      return prev_val + (p - prev_pos) / (pos - prev_pos) * (val - prev_val);
    }
    before += share;
    prev_pos = pos;
    prev_val = val;
  }
  return prev_val;
}

Eigen::Index pick(const Eigen::VectorXd& cumulative, double u) {
  const double target = u * cumulative(cumulative.size() - 1);
  const double* begin = cumulative.data();
  const double* it = std::upper_bound(begin, begin + cumulative.size(), target);
  return std::min<Eigen::Index>(it - begin, cumulative.size() - 1);
}

}  // namespace hukou::calibrate
