#include <catch2/catch.hpp>

#include "core/stats.hpp"

using namespace hukou;

TEST_CASE("evaluate stats: Student t critical values match tables", "[evaluate][stats]") {
  // Two-sided 90%: t_{0.95, df} (any statistics table).
  CHECK(stats::t_critical(0.90, 1) == Approx(6.3138).epsilon(1e-4));
  CHECK(stats::t_critical(0.90, 4) == Approx(2.1318).epsilon(1e-4));
  CHECK(stats::t_critical(0.90, 10) == Approx(1.8125).epsilon(1e-4));
  CHECK(stats::t_critical(0.95, 30) == Approx(2.0423).epsilon(1e-4));
  CHECK(stats::t_critical(0.90, 100000) == Approx(1.6449).epsilon(1e-3));
}

TEST_CASE("evaluate stats: quantiles interpolate between order statistics", "[evaluate][stats]") {
  Eigen::VectorXd x(5);
  x << 5, 1, 4, 2, 3;
  CHECK(stats::quantile(x, 0.0) == 1.0);
  CHECK(stats::quantile(x, 1.0) == 5.0);
  CHECK(stats::quantile(x, 0.5) == 3.0);
  CHECK(stats::quantile(x, 0.1) == Approx(1.4));
  CHECK(stats::mean(x) == 3.0);
  CHECK(stats::sd(x) == Approx(std::sqrt(2.5)));
  const auto iv = stats::mean_interval(x, 0.90);
  CHECK(iv.hi - 3.0 == Approx(2.1318 * std::sqrt(2.5) / std::sqrt(5.0)).epsilon(1e-4));
  CHECK(iv.lo == Approx(6.0 - iv.hi));
}
