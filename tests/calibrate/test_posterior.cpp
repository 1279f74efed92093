// Posterior summaries and weighted resampling.
#include <catch2/catch.hpp>

#include <cmath>

#include "calibrate/normal.hpp"
#include "calibrate/posterior.hpp"

using namespace hukou::calibrate;

TEST_CASE("calibrate posterior summary of equally weighted particles", "[calibrate][posterior]") {
  const Parameters ps{{"a", "share", Prior::uniform(0.0, 5.0)}};
  const Eigen::MatrixXd x = Eigen::Vector4d(4.0, 1.0, 3.0, 2.0);
  const auto s = summarise(ps, x, Eigen::Vector4d::Ones());
  REQUIRE(s.size() == 1);
  CHECK(s[0].name == "a");
  CHECK(s[0].unit == "share");
  CHECK(s[0].mean == 2.5);
  CHECK(s[0].sd == Approx(std::sqrt(5.0 / 3.0)));  // the sample sd, n - 1
  CHECK(s[0].q50 == 2.5);
  CHECK(s[0].q25 == 1.5);
  CHECK(s[0].ci90_lo() == 1.0);
  CHECK(s[0].ci90_hi() == 4.0);
  CHECK(s[0].prior_mean == 2.5);
  CHECK(s[0].prior_sd == Approx(5.0 / std::sqrt(12.0)));
}

TEST_CASE("calibrate posterior summary follows the weights", "[calibrate][posterior]") {
  // A fine grid on [-6, 6] weighted by the standard normal density: the summary is
  // the normal's (mean 0, sd 1, quantiles at -+1.645 and -+0.674).
  const int n = 4001;
  Eigen::MatrixXd x(n, 1);
  Eigen::VectorXd w(n);
  for (int i = 0; i < n; ++i) {
    x(i, 0) = -6.0 + 12.0 * i / (n - 1);
    w(i) = normal_pdf(x(i, 0));
  }
  const auto s = summarise({{"z", "", Prior::uniform(-6.0, 6.0)}}, x, w);
  CHECK(s[0].mean == Approx(0.0).margin(1e-12));
  CHECK(s[0].sd == Approx(1.0).epsilon(1e-3));
  CHECK(s[0].q05 == Approx(-1.6449).margin(2e-3));
  CHECK(s[0].q25 == Approx(-0.6745).margin(2e-3));
  CHECK(s[0].q95 == Approx(1.6449).margin(2e-3));
}

TEST_CASE("calibrate resampling draws particles in proportion to their weights", "[calibrate][posterior]") {
  Eigen::MatrixXd x(3, 2);
  x << 0, 10, 1, 11, 2, 12;
  const Eigen::Vector3d w(0.2, 0.0, 0.8);
  const std::size_t n = 20000;
  const Eigen::MatrixXd d = resample(x, w, n, 5);
  REQUIRE(d.rows() == Eigen::Index(n));
  int zero = 0, one = 0;
  for (Eigen::Index i = 0; i < d.rows(); ++i) {
    CHECK(d(i, 1) == d(i, 0) + 10);  // whole rows
    zero += d(i, 0) == 0;
    one += d(i, 0) == 1;
  }
  CHECK(one == 0);
  CHECK(zero / double(n) == Approx(0.2).margin(4 * std::sqrt(0.16 / n)));
  CHECK(resample(x, w, 50, 5) == d.topRows(50));  // more draws extend fewer
  CHECK(resample(x, w, 50, 6) != d.topRows(50));
}
