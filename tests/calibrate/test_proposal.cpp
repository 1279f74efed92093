// Proposals follow the kernel mixture restricted to the prior's support.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "calibrate/keys.hpp"
#include "calibrate/normal.hpp"
#include "calibrate/proposal.hpp"

using namespace hukou::calibrate;

TEST_CASE("calibrate proposals follow the kernel mixture cut to the support", "[calibrate][proposal]") {
  // Most weight sits on particles near the support's lower bound 0, whose kernels
  // lose about half their mass below it; one particle sits well inside. Cut to the
  // support, the mixture draws from the inner particle more often than its weight
  // (0.1) says: its share is 0.1 Z_in / sum_j w_j Z_j, Z the kernel mass inside.
  const Parameters ps{{"x", "", Prior::uniform(0.0, 20.0)}};
  State prev;
  prev.generation = 3;
  prev.particles = Eigen::Vector4d(0.1, 0.2, 0.3, 3.9);
  prev.weights = Eigen::Vector4d(0.3, 0.3, 0.3, 0.1);
  Settings s;
  s.seed = 77;
  const Proposer propose(ps, s, prev);
  CHECK(propose.generation() == 4);
  const double sd = std::sqrt(propose.kernel().covariance()(0, 0));
  // The cut mixture's mass over [a, b], relative to its mass over the support.
  const auto raw = [&](double a, double b) {
    double m = 0;
    for (int j = 0; j < 4; ++j)
      m += prev.weights(j) * normal_mass((a - prev.particles(j, 0)) / sd, (b - prev.particles(j, 0)) / sd);
    return m;
  };
  const auto mass = [&](double a, double b) { return raw(a, b) / raw(0.0, 20.0); };
  const int n = 20000, bins = 16;
  const double width = 0.5;  // bins of [0, 8), the rest in the last
  std::vector<int> count(bins, 0);
  for (int k = 0; k < n; ++k) {
    const double x = propose(std::uint64_t(k))(0);
    REQUIRE(x >= 0.0);
    REQUIRE(x <= 20.0);
    ++count[std::min(bins - 1, int(x / width))];
  }
  for (int b = 0; b < bins; ++b) {
    const double expect = mass(b * width, b == bins - 1 ? 20.0 : (b + 1) * width);
    INFO("bin " << b << ": " << count[b] << " of " << n << ", expected share " << expect);
    CHECK(double(count[b]) / n == Approx(expect).margin(4 * std::sqrt(expect * (1 - expect) / n)));
  }
  // Pure function of (seed, generation, k).
  CHECK(propose(5) == propose(5));
  CHECK(propose(5) != propose(6));
  CHECK(prior_proposal(ps, s, 5) == sample_prior(ps, hukou::rng::key(77, 0, 5, stream::proposal)));
}
