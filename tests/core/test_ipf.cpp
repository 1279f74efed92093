#include <catch2/catch.hpp>

#include "core/ipf.hpp"

using namespace hukou;

TEST_CASE("core ipf: the fitted table has the target marginals", "[core][ipf]") {
  Eigen::MatrixXd seed(3, 2);
  seed << 1, 2, 3, 4, 5, 6;
  Eigen::VectorXd rows(3), cols(2);
  rows << 0.2, 0.3, 0.5;
  cols << 0.6, 0.4;
  const IpfResult r = ipf(seed, rows, cols);
  CHECK(r.table.sum() == Approx(1.0));
  for (int i = 0; i < 3; ++i) CHECK(r.table.row(i).sum() == Approx(rows(i)).margin(1e-10));
  for (int j = 0; j < 2; ++j) CHECK(r.table.col(j).sum() == Approx(cols(j)).margin(1e-10));
}

TEST_CASE("core ipf: a uniform seed gives the independence table; the seed's odds ratios survive", "[core][ipf]") {
  Eigen::VectorXd rows(2), cols(2);
  rows << 0.3, 0.7;
  cols << 0.4, 0.6;
  const IpfResult flat = ipf(Eigen::MatrixXd::Ones(2, 2), rows, cols);
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j) CHECK(flat.table(i, j) == Approx(rows(i) * cols(j)));
  Eigen::MatrixXd seed(2, 2);
  seed << 4, 1, 1, 1;  // odds ratio 4
  const IpfResult fit = ipf(seed, rows, cols);
  const auto& t = fit.table;
  CHECK(t(0, 0) * t(1, 1) / (t(0, 1) * t(1, 0)) == Approx(4.0).epsilon(1e-8));
}

TEST_CASE("core ipf: inconsistent marginals are refused", "[core][ipf]") {
  Eigen::VectorXd rows(2), cols(2);
  rows << 0.3, 0.7;
  cols << 0.5, 0.6;
  CHECK_THROWS_AS(ipf(Eigen::MatrixXd::Ones(2, 2), rows, cols), std::invalid_argument);
}
