// ABC-SMC against posteriors known in closed form. The data: the mean of n = 10
// draws from normal(mu, 1), observed 1.0 (0.2 in the uniform case); the summary is
// sufficient, so as epsilon shrinks the ABC posterior tends to the exact one.
// The distance counts the miss in standard errors (sigma = 1 / sqrt(10)) and the
// run stops at epsilon <= 0.1 of them, where the ABC posterior's variance exceeds
// the exact one by less than 0.4 %. With N = 2000, over eight seeds the posterior
// mean fell within 0.11 sd of the exact one, the sd within 6 % and the 5 % and 95 %
// quantiles within 0.33 sd (tails rest on few heavily weighted particles; and the
// spread between seeds is wider than 1 / sqrt(ESS) suggests, as SMC particles share
// ancestors); over 24 seeds the mean sd ratio was 0.994 +- 0.006, so no bias. The
// tolerances: 0.15 sd for the mean, 10 % for the sd, 0.4 sd for the quantiles.
#include <catch2/catch.hpp>

#include <cmath>

#include "calibrate/posterior.hpp"
#include "calibrate/smc.hpp"
#include "toy_models.hpp"

using namespace hukou::calibrate;

namespace {

constexpr int kDraws = 10;
const double kSe = 1.0 / std::sqrt(double(kDraws));

Problem mean_problem(Prior prior, double observed) {
  Problem p;
  p.parameters = {{"mu", "", prior}};
  p.observations = {{"sample mean", observed, kSe, 1.0}};
  p.model = [](const Eigen::VectorXd& theta, std::uint64_t seed) { return toy::sample_mean(theta, seed, kDraws, 1.0); };
  return p;
}

Settings tight() {
  Settings s;
  s.particles = 2000;
  s.max_generations = 20;
  s.min_epsilon = 0.1;
  s.seed = 2024;
  return s;
}

}  // namespace

TEST_CASE("calibrate ABC-SMC recovers the conjugate normal posterior", "[calibrate][smc][slow]") {
  // Prior normal(0, 0.5), informative enough to pull the posterior: precision
  // 1 / 0.25 + 10 = 14, mean 10 * 1.0 / 14 = 0.714 (the likelihood alone: 1.0).
  const double post_mean = 10.0 / 14.0, post_sd = std::sqrt(1.0 / 14.0);
  const Problem p = mean_problem(Prior::normal(0.0, 0.5), 1.0);
  const State st = run(p, tight());
  const auto sum = summarise(p.parameters, st.particles, st.weights);
  INFO("generations " << st.generation + 1 << ", epsilon " << st.epsilon << ", ESS " << st.ess << ", runs "
                      << st.simulations << "; mean " << sum[0].mean << " (exact " << post_mean << "), sd "
                      << sum[0].sd << " (exact " << post_sd << ")");
  REQUIRE(st.stop == Stop::epsilon);
  CHECK(st.epsilon <= 0.1);
  CHECK(sum[0].mean == Approx(post_mean).margin(0.15 * post_sd));
  CHECK(sum[0].sd == Approx(post_sd).epsilon(0.10));
  // The exact 90% interval is mean -+ 1.645 sd.
  CHECK(sum[0].q05 == Approx(post_mean - 1.6449 * post_sd).margin(0.4 * post_sd));
  CHECK(sum[0].q95 == Approx(post_mean + 1.6449 * post_sd).margin(0.4 * post_sd));
}

TEST_CASE("calibrate ABC-SMC recovers a posterior truncated by a uniform prior", "[calibrate][smc][slow]") {
  // Prior uniform(0, 4), observed 0.2: the posterior is normal(0.2, 1/10) cut at
  // 0, whose mean (0.3403) and sd (0.2286) differ clearly from the uncut ones.
  const Prior exact = Prior::normal(0.2, kSe, 0.0, 4.0);
  const Problem p = mean_problem(Prior::uniform(0.0, 4.0), 0.2);
  const State st = run(p, tight());
  const auto sum = summarise(p.parameters, st.particles, st.weights);
  INFO("generations " << st.generation + 1 << ", epsilon " << st.epsilon << ", ESS " << st.ess << "; mean "
                      << sum[0].mean << " (exact " << exact.mean() << "), sd " << sum[0].sd << " (exact "
                      << exact.sd() << ")");
  REQUIRE(st.stop == Stop::epsilon);
  CHECK(exact.mean() == Approx(0.34025).epsilon(1e-4));  // scipy.stats.truncnorm
  CHECK(sum[0].mean == Approx(exact.mean()).margin(0.15 * exact.sd()));
  CHECK(sum[0].sd == Approx(exact.sd()).epsilon(0.10));
  CHECK(st.particles.minCoeff() >= 0.0);
}
