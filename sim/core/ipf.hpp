// Iterative proportional fitting (Deming & Stephan 1940): scale a seed table until
// its row and column sums match the target marginals. The seed carries the
// association between the two variables that the marginals alone do not give.
#pragma once
#include <Eigen/Dense>

namespace hukou {

struct IpfResult {
  Eigen::MatrixXd table;  // sums to 1
  int iterations = 0;
  double max_error = 0.0;  // largest absolute marginal error at the end
};

// rows and cols must be non-negative with equal, positive sums; the seed must be
// positive wherever both marginals are positive.
IpfResult ipf(const Eigen::MatrixXd& seed, const Eigen::VectorXd& rows, const Eigen::VectorXd& cols,
              double tolerance = 1e-12, int max_iterations = 1000);

}  // namespace hukou
