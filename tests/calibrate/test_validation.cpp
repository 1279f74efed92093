// Validation scores and the ensemble's uncertainties on hand-computed examples.
#include <catch2/catch.hpp>

#include <cmath>

#include "calibrate/ensemble.hpp"
#include "calibrate/error.hpp"
#include "calibrate/keys.hpp"
#include "calibrate/normal.hpp"
#include "calibrate/validation.hpp"

using namespace hukou::calibrate;

namespace {
Eigen::VectorXd vec(std::initializer_list<double> v) {
  Eigen::VectorXd x(static_cast<Eigen::Index>(v.size()));
  Eigen::Index i = 0;
  for (double e : v) x(i++) = e;
  return x;
}
}  // namespace

TEST_CASE("calibrate naive forecasts: last change carried forward and the least-squares trend",
          "[calibrate][validation]") {
  const Series c{{2014, 2015, 2016, 2017}, {50.0, 51.0, 52.5, 54.0}};
  CHECK(naive_last_change(c, 2018) == 55.5);
  CHECK(naive_last_change(c, 2020) == 58.5);
  // Centred years -1.5 .. 1.5, values minus 51.875: slope 6.75 / 5 = 1.35.
  CHECK(naive_linear_trend(c, 2018) == Approx(55.25));
  CHECK(naive_linear_trend(c, 2019) == Approx(56.6));
  // A gap in the years: the change is per year.
  CHECK(naive_last_change(Series{{2010, 2015}, {10.0, 20.0}}, 2017) == 24.0);
  CHECK(std::isnan(naive_last_change(Series{{2017}, {10.0}}, 2018)));
  CHECK(std::isnan(naive_linear_trend(Series{{2017}, {10.0}}, 2018)));
}

TEST_CASE("calibrate validation scorecard on a hand-computed example", "[calibrate][validation]") {
  IndicatorForecast a{"A", {{2014, 2015, 2016, 2017}, {50.0, 51.0, 52.5, 54.0}}, {{2018, 2019}, {55.6, 57.0}}, {}};
  a.ensemble = {vec({55, 55.5, 56, 56.5, 57}), vec({59.5, 57.5, 58, 58.5, 59})};
  IndicatorForecast b{"B", {{2017}, {10.0}}, {{2018}, {11.0}}, {vec({10, 11, 12})}};
  const Scorecard card = score({a, b});
  REQUIRE(card.indicators.size() == 2);
  const auto& pa = card.indicators[0].points;
  // 2018: median 56, type-7 5% and 95% at 55.1 and 56.9, holds 55.6; error 0.4.
  CHECK(pa[0].median == 56.0);
  CHECK(pa[0].lo == Approx(55.1));
  CHECK(pa[0].hi == Approx(56.9));
  CHECK(pa[0].covered);
  CHECK(pa[0].error == Approx(0.4));
  // 2019: median 58.5, interval [57.6, 59.4] misses 57.0; error 1.5.
  CHECK_FALSE(pa[1].covered);
  CHECK(pa[1].error == Approx(1.5));
  CHECK(pa[1].naive_change == 57.0);
  CHECK(pa[1].naive_trend == Approx(56.6));
  const Skill& sa = card.indicators[0].skill;
  CHECK(sa.mae == Approx(0.95));
  CHECK(sa.coverage == 0.5);
  CHECK(sa.mae_naive_change == Approx(0.05));   // |55.5 - 55.6|, |57 - 57|
  CHECK(sa.mae_naive_trend == Approx(0.375));   // |55.25 - 55.6|, |56.6 - 57|
  CHECK(sa.skill_change == Approx(19.0));
  CHECK(sa.skill_trend == Approx(0.95 / 0.375));
  // B has one calibration year: no naive forecast, no skill, but an error and coverage.
  const Skill& sb = card.indicators[1].skill;
  CHECK(sb.points == 1);
  CHECK(sb.naive_points == 0);
  CHECK(std::isnan(sb.skill_trend));
  CHECK(sb.mae == 0.0);
  // Overall: 3 points, 2 covered; skill over A's two points only.
  CHECK(card.overall.points == 3);
  CHECK(card.overall.mae == Approx(1.9 / 3));
  CHECK(card.overall.coverage == Approx(2.0 / 3));
  CHECK(card.overall.naive_points == 2);
  CHECK(card.overall.skill_change == Approx(19.0));

  IndicatorForecast bad = a;
  bad.ensemble.pop_back();
  CHECK_THROWS_WITH(score({bad}), Catch::Matchers::Contains("A: one ensemble per validation year"));
  bad = a;
  bad.calibration.years = {2014, 2016, 2015, 2017};
  CHECK_THROWS_WITH(score({bad}), Catch::Matchers::Contains("years must increase"));
}

TEST_CASE("calibrate probability that a target is met", "[calibrate][ensemble]") {
  const Eigen::VectorXd v = vec({1, 2, 3, 4, 5});
  CHECK(probability_met(v, 3.0, Direction::at_least) == 0.6);
  CHECK(probability_met(v, 3.0, Direction::at_most) == 0.6);
  CHECK(probability_met(v, 6.0, Direction::at_least) == 0.0);
  CHECK(probability_met(v, 0.5, Direction::at_least) == 1.0);
  CHECK(band(v).median == 3.0);
  CHECK(band(v, 0.5).lo == 2.0);
}

TEST_CASE("calibrate variance split into parameter and noise shares", "[calibrate][ensemble]") {
  SECTION("exact, by hand") {
    // Draw means 2, 5, 8 (variance 9); each draw's replicates differ by 2
    // (variance 2). Parameter 9 - 2 / 2 = 8, noise 2.
    Eigen::MatrixXd y(3, 2);
    y << 1, 3, 4, 6, 7, 9;
    const VarianceSplit v = split_variance(y);
    CHECK(v.noise == 2.0);
    CHECK(v.parameter == 8.0);
    CHECK(v.total == 10.0);
    CHECK(v.parameter_share() == 0.8);
    CHECK(v.noise_share() == 0.2);
  }
  SECTION("known components, sampled") {
    // y = a_k + e_kr, a ~ normal(0, 2), e ~ normal(0, 1): shares 0.8 and 0.2.
    const int k = 4000, r = 4;
    Eigen::MatrixXd y(k, r);
    for (int i = 0; i < k; ++i) {
      const std::uint64_t key = hukou::rng::key(3, 0, std::uint64_t(i), stream::resample);
      const double a = 2.0 * normal_quantile(open_uniform(key, 0));
      for (int j = 0; j < r; ++j) y(i, j) = a + normal_quantile(open_uniform(key, std::uint32_t(j + 1)));
    }
    const VarianceSplit v = split_variance(y);
    INFO("parameter " << v.parameter << ", noise " << v.noise);
    CHECK(v.parameter_share() == Approx(0.8).margin(0.02));
    CHECK(v.noise == Approx(1.0).margin(0.03));
    CHECK(v.parameter == Approx(4.0).margin(0.2));
  }
  SECTION("one replicate cannot be split") {
    const VarianceSplit v = split_variance(Eigen::MatrixXd(vec({1, 2, 3})));
    CHECK(v.total == 1.0);
    CHECK(std::isnan(v.noise));
    CHECK(std::isnan(v.parameter_share()));
  }
  SECTION("noise larger than the draws' spread floors the parameter share at 0") {
    Eigen::MatrixXd y(2, 2);
    y << 0, 10, 1, 9;
    CHECK(split_variance(y).parameter == 0.0);
  }
}
