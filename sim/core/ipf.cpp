#include "ipf.hpp"

#include <stdexcept>

namespace hukou {

IpfResult ipf(const Eigen::MatrixXd& seed, const Eigen::VectorXd& rows, const Eigen::VectorXd& cols,
              double tolerance, int max_iterations) {
  if (seed.rows() != rows.size() || seed.cols() != cols.size())
    throw std::invalid_argument("ipf: seed shape does not match the marginals");
  const double total = rows.sum();
  if (total <= 0.0 || std::abs(total - cols.sum()) > 1e-9 * total)
    throw std::invalid_argument("ipf: marginals must have equal positive sums");

  IpfResult r;
  r.table = seed;
  for (r.iterations = 1; r.iterations <= max_iterations; ++r.iterations) {
    const Eigen::VectorXd rs = r.table.rowwise().sum();
    for (Eigen::Index i = 0; i < rs.size(); ++i)
      r.table.row(i) *= rs(i) > 0.0 ? rows(i) / rs(i) : 0.0;
    const Eigen::RowVectorXd cs = r.table.colwise().sum();
    for (Eigen::Index j = 0; j < cs.size(); ++j)
      r.table.col(j) *= cs(j) > 0.0 ? cols(j) / cs(j) : 0.0;
    // After the column step the columns fit exactly; the rows carry the error.
    r.max_error = (r.table.rowwise().sum() - rows).cwiseAbs().maxCoeff();
    if (r.max_error <= tolerance * total) break;
  }
  r.table /= total;
  return r;
}

}  // namespace hukou
