// Weighted statistics, the distance and the perturbation kernel on hand-made data.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "calibrate/distance.hpp"
#include "calibrate/error.hpp"
#include "calibrate/kernel.hpp"
#include "calibrate/weighted.hpp"

using namespace hukou::calibrate;

TEST_CASE("calibrate weighted quantiles, mean, covariance and ESS", "[calibrate][weighted]") {
  const Eigen::Vector4d v(3.0, 1.0, 4.0, 2.0), eq = Eigen::Vector4d::Ones();
  // Equal weights: Hazen's quantile, values at (i + 0.5) / 4.
  CHECK(weighted_quantile(v, eq, 0.5) == 2.5);
  CHECK(weighted_quantile(v, eq, 0.125) == 1.0);
  CHECK(weighted_quantile(v, eq, 0.25) == 1.5);
  CHECK(weighted_quantile(v, eq, 0.0) == 1.0);
  CHECK(weighted_quantile(v, eq, 1.0) == 4.0);
  // Weight 0.7 on 4: it sits at 0.3 + 0.35 = 0.65; 3 sits at 0.2 + 0.05 = 0.25.
  const Eigen::Vector4d w(0.1, 0.1, 0.7, 0.1);
  CHECK(weighted_quantile(v, w, 0.65) == 4.0);
  CHECK(weighted_quantile(v, w, 0.45) == Approx(3.5));
  CHECK(weighted_quantile(v, Eigen::Vector4d(0, 1, 0, 1), 0.5) == 1.5);  // zero weights ignored

  CHECK(effective_sample_size(eq) == 4.0);
  CHECK(effective_sample_size(Eigen::Vector4d(0, 0, 5, 0)) == 1.0);
  CHECK(effective_sample_size(w) == Approx(1.0 / (0.03 + 0.49)));
  CHECK_THROWS_AS(normalised(Eigen::Vector2d(1.0, -1.0)), CalibrationError);
  CHECK_THROWS_AS(normalised(Eigen::Vector2d(0.0, 0.0)), CalibrationError);

  Eigen::MatrixXd x(3, 2);
  x << 0, 0, 1, 2, 2, 1;
  const Eigen::Vector3d third = Eigen::Vector3d::Constant(1.0 / 3.0);
  CHECK(weighted_mean(x, third).isApprox(Eigen::Vector2d(1, 1)));
  Eigen::Matrix2d c;
  c << 1.0, 0.5, 0.5, 1.0;  // the sample covariance, n - 1
  CHECK(weighted_covariance(x, third).isApprox(c));
  // Integer weights as repeats: (1, 1, 2) is the sample {x0, x1, x2, x2} with the
  // reliability correction 1 / (1 - sum w^2) instead of n / (n - 1).
  const Eigen::Vector3d w112(0.25, 0.25, 0.5);
  Eigen::Vector2d m(1.25, 1.0);
  Eigen::Matrix2d s = Eigen::Matrix2d::Zero();
  for (int i = 0; i < 3; ++i) s += w112(i) * (x.row(i).transpose() - m) * (x.row(i).transpose() - m).transpose();
  CHECK(weighted_covariance(x, w112).isApprox(s / (1 - 0.375)));
}

TEST_CASE("calibrate pick follows cumulative weights", "[calibrate][weighted]") {
  const Eigen::Vector3d cum(0.2, 0.2, 1.0);  // weights 0.2, 0, 0.8
  CHECK(pick(cum, 0.0) == 0);
  CHECK(pick(cum, 0.19) == 0);
  CHECK(pick(cum, 0.2) == 2);  // never the zero-weight particle
  CHECK(pick(cum, 0.999) == 2);
}

TEST_CASE("calibrate distance is the weighted Euclidean norm of scaled misses", "[calibrate][distance]") {
  const Observations obs{{"a", 10.0, 2.0, 1.0}, {"b", 0.5, NAN, 4.0}};
  const Distance d(obs, Eigen::Vector2d(2.0, 0.1));
  // sqrt(1 * ((13 - 10) / 2)^2 + 4 * ((0.4 - 0.5) / 0.1)^2) = sqrt(2.25 + 4)
  CHECK(d(Eigen::Vector2d(13.0, 0.4)) == Approx(2.5));
  CHECK(d(Eigen::Vector2d(10.0, 0.5)) == 0.0);
  CHECK_THROWS_WITH(d(Eigen::Vector3d::Zero()), Catch::Matchers::Contains("3 values for 2"));

  Eigen::MatrixXd sims(5, 2);
  sims << 1, 7, 2, 7, 3, 7, 4, 7, 100, 8;
  const Eigen::VectorXd s = distance_scales(obs, sims);
  CHECK(s(0) == 2.0);  // the observation's sigma, not the simulations' spread
  // Column b: more than half the values equal, MAD 0: the sd of (7, 7, 7, 7, 8).
  CHECK(s(1) == Approx(std::sqrt(0.2)));
  // MAD of (1, 2, 3, 4, 100): median 3, deviations (2, 1, 0, 1, 97), median 1.
  CHECK(predictive_spread(sims.col(0)) == Approx(1.4826));
  CHECK(predictive_spread(Eigen::Vector3d::Constant(5.0)) == 1.0);
}

TEST_CASE("calibrate observations with bad values are refused", "[calibrate][distance]") {
  using Catch::Matchers::Contains;
  CHECK_THROWS_WITH(validate(Observations{}), Contains("at least one observation"));
  CHECK_THROWS_WITH(validate(Observations{{"x", 1.0, -1.0}}), Contains("observation x: its uncertainty"));
  CHECK_THROWS_WITH(validate(Observations{{"x", 1.0, NAN, -1.0}}), Contains("observation x: its weight"));
  CHECK_THROWS_WITH(validate(Observations{{"x", 1.0, NAN, 0.0}}), Contains("every observation has weight 0"));
  CHECK_NOTHROW(validate(Observations{{"x", 1.0}, {"y", 2.0, 0.5, 0.0}}));
}

TEST_CASE("calibrate kernel density matches the multivariate normal and survives singular populations",
          "[calibrate][kernel]") {
  Eigen::MatrixXd x(4, 2);
  x << 0, 0, 1, 0, 0, 1, 1, 1;
  const Eigen::Vector4d w = Eigen::Vector4d::Constant(0.25);
  const Eigen::Vector2d sd(1.0, 1.0);
  const Kernel k(x, w, 2.0, sd);
  // Sample covariance diag(1/3, 1/3), doubled, plus the ridge (1e-4)^2.
  const double v = 2.0 / 3.0 + 1e-8;
  CHECK(k.covariance().isApprox(Eigen::Matrix2d(Eigen::Vector2d(v, v).asDiagonal())));
  const Eigen::Vector2d at(0.3, -0.2), centre(1.0, 0.0);
  const double expect = -std::log(2 * std::numbers::pi * v) - 0.5 * (at - centre).squaredNorm() / v;
  CHECK(k.log_density(at, centre) == Approx(expect));
  double mix = 0;
  for (int j = 0; j < 4; ++j) mix += 0.25 * std::exp(k.log_density(at, x.row(j).transpose()));
  CHECK(k.log_mixture_density(at) == Approx(std::log(mix)));
  CHECK(k.perturb(centre, Eigen::Vector2d(1.0, 0.0)).isApprox(Eigen::Vector2d(1.0 + std::sqrt(v), 0.0)));

  // Particles on a line (the second parameter twice the first): rank 1.
  Eigen::MatrixXd line(4, 2);
  line << 0, 0, 1, 2, 2, 4, 3, 6;
  const Kernel kl(line, w, 2.0, sd);
  CHECK(std::isfinite(kl.log_density(Eigen::Vector2d(1.0, 2.0), Eigen::Vector2d(1.0, 2.0))));
  CHECK(kl.perturb(Eigen::Vector2d::Zero(), Eigen::Vector2d(0.5, -0.5)).allFinite());
  // One particle holding all the weight, or all particles equal: the ridge alone.
  const Kernel kone(line, Eigen::Vector4d(0, 1, 0, 0), 2.0, sd);
  CHECK(kone.covariance().isApprox(Eigen::Matrix2d::Identity() * 1e-8));
  CHECK(std::isfinite(kone.log_mixture_density(Eigen::Vector2d(1.0, 2.0))));
  // Far from every particle, the mixture density underflows gracefully in log space.
  CHECK(kone.log_mixture_density(Eigen::Vector2d(50.0, 50.0)) < -1e10);
}
