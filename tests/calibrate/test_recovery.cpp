// Recovery on synthetic data, the standard correctness test of a calibration: draw
// a true theta from the prior, simulate observations from it, calibrate, and check
// that the 90% credible intervals hold the truth at (at least) their nominal rate
// and that the data narrowed the prior. Three parameters of a logistic curve seen
// through binomial shares of 300 people over 10 years.
#include <catch2/catch.hpp>

#include <string>

#include "calibrate/posterior.hpp"
#include "calibrate/smc.hpp"
#include "toy_models.hpp"

using namespace hukou::calibrate;

TEST_CASE("calibrate recovery: 90% intervals hold the truth in 9 of 10 synthetic cases", "[calibrate][smc][slow]") {
  constexpr int kYears = 10, kPeople = 300, kCases = 10;
  const Parameters ps{{"level", "logit", Prior::normal(0.0, 1.0)},
                      {"trend", "logit", Prior::uniform(-2.0, 2.0)},
                      {"curvature", "logit", Prior::normal(0.0, 1.0, -3.0, 3.0)}};
  Settings s;
  s.particles = 200;
  s.max_generations = 8;
  s.min_acceptance_rate = 0.02;
  std::vector<int> covered(ps.size(), 0), narrower(ps.size(), 0);
  for (int c = 0; c < kCases; ++c) {
    const Eigen::VectorXd truth = sample_prior(ps, hukou::rng::key(1000 + c, 0, 0, stream::resample));
    const Eigen::VectorXd y = toy::logistic_shares(truth, hukou::rng::key(2000 + c, 0, 0, stream::resample), kYears,
                                                   kPeople);
    Problem p;
    p.parameters = ps;
    for (int t = 0; t < kYears; ++t) p.observations.push_back({"year " + std::to_string(t), y(t)});
    p.model = [](const Eigen::VectorXd& th, std::uint64_t seed) {
      return toy::logistic_shares(th, seed, kYears, kPeople);
    };
    s.seed = 3000 + std::uint64_t(c);
    const State st = run(p, s);
    const auto sum = summarise(ps, st.particles, st.weights);
    for (std::size_t i = 0; i < ps.size(); ++i) {
      const double v = truth(Eigen::Index(i));
      covered[i] += sum[i].ci90_lo() <= v && v <= sum[i].ci90_hi();
      narrower[i] += sum[i].sd < ps[i].prior.sd();
      INFO("case " << c << " " << ps[i].name << ": truth " << v << ", 90% [" << sum[i].ci90_lo() << ", "
                   << sum[i].ci90_hi() << "], sd " << sum[i].sd << " (prior " << ps[i].prior.sd() << "), generations "
                   << st.generation + 1 << ", epsilon " << st.epsilon << ", stop " << to_string(st.stop));
      CHECK(true);
    }
  }
  for (std::size_t i = 0; i < ps.size(); ++i) {
    INFO(ps[i].name << ": covered in " << covered[i] << " of " << kCases << ", narrower in " << narrower[i]);
    CHECK(covered[i] >= 9);
    CHECK(narrower[i] == kCases);
  }
}
