#include "variance.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace hukou::evaluate {

VarianceShares variance_shares(const Eigen::VectorXd& y, std::size_t draws, std::size_t replicates) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  if (static_cast<std::size_t>(y.size()) != draws * replicates)
    throw std::invalid_argument("variance_shares: values are not draws x replicates");
  if (draws < 2 || replicates < 2) return {nan, nan, nan, nan};
  const auto D = static_cast<Eigen::Index>(draws), R = static_cast<Eigen::Index>(replicates);
  // Column d holds draw d's replicates (draw-major storage is column-major D x R transposed).
  const Eigen::Map<const Eigen::MatrixXd> m(y.data(), R, D);
  const Eigen::VectorXd draw_mean = m.colwise().mean().transpose();  // D
  const Eigen::VectorXd rep_mean = m.rowwise().mean();               // R
  const double grand = y.mean();
  const double dn = static_cast<double>(D), rn = static_cast<double>(R);
  const double between = (draw_mean.array() - grand).square().sum() / (dn - 1);
  const double within = (m.rowwise() - draw_mean.transpose()).array().square().sum() / (dn * (rn - 1));
  const Eigen::MatrixXd resid =
      (m.rowwise() - draw_mean.transpose()).colwise() - (rep_mean.array() - grand).matrix();
  const double residual = resid.array().square().sum() / ((dn - 1) * (rn - 1));
  VarianceShares v;
  v.parameters = std::max(0.0, between - residual / rn);
  v.noise = within;
  const double total = v.parameters + v.noise;
  if (!(total > 0)) return {v.parameters, v.noise, nan, nan};
  v.parameter_share = v.parameters / total;
  v.noise_share = v.noise / total;
  return v;
}

}  // namespace hukou::evaluate
