// Sensitivity estimators on functions with known indices.
#include <catch2/catch.hpp>

#include <cmath>

#include "sweep/design.hpp"
#include "sweep/sensitivity.hpp"

using namespace hukou::sweep;

namespace {
double ishigami(const std::vector<double>& u) {
  const double pi = std::acos(-1.0);
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  return std::sin(x1) + 7.0 * std::sin(x2) * std::sin(x2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
}
}  // namespace

TEST_CASE("sweep Sobol indices of the Ishigami function") {
  const Matrix m = saltelli_unit(4096, 3);
  std::vector<double> y;
  for (const auto& p : m) y.push_back(ishigami(p));
  const auto idx = sobol_indices(y, 3, 200);
  const double s1[] = {0.314, 0.442, 0.0}, st[] = {0.558, 0.442, 0.244};
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("parameter " << i);
    CHECK(idx[i].s1 == Approx(s1[i]).margin(0.03));
    CHECK(idx[i].st == Approx(st[i]).margin(0.03));
    CHECK(idx[i].s1_lo <= idx[i].s1);
    CHECK(idx[i].s1 <= idx[i].s1_hi);
    CHECK(idx[i].st_lo <= idx[i].st);
    CHECK(idx[i].st <= idx[i].st_hi);
  }
  CHECK_THROWS(sobol_indices({1.0, 2.0}, 3));
}

TEST_CASE("sweep Morris effects of a linear function are its slopes") {
  const std::size_t k = 3;
  const Matrix m = morris_unit(10, k, 4, 9);
  std::vector<double> y;
  for (const auto& p : m) y.push_back(2.0 * p[0] - 5.0 * p[1] + 0.0 * p[2]);
  const auto idx = morris_indices(y, m, k);
  CHECK(idx[0].mu_star == Approx(2.0));
  CHECK(idx[0].mu == Approx(2.0));
  CHECK(idx[1].mu_star == Approx(5.0));
  CHECK(idx[1].mu == Approx(-5.0));
  CHECK(idx[1].sigma == Approx(0.0).margin(1e-9));
  CHECK(idx[2].mu_star == Approx(0.0).margin(1e-12));
}
