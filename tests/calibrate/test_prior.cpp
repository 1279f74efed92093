// Priors: the normal distribution's functions, sampling against the density, and
// the specs refused.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "calibrate/error.hpp"
#include "calibrate/keys.hpp"
#include "calibrate/normal.hpp"
#include "calibrate/parameters.hpp"
#include "calibrate/prior.hpp"

using namespace hukou::calibrate;

TEST_CASE("calibrate normal quantiles invert the distribution function to full precision", "[calibrate][prior]") {
  // Reference values: scipy.stats.norm.ppf / isf.
  CHECK(normal_quantile(0.975) == Approx(1.959963984540054).epsilon(1e-14));
  CHECK(normal_quantile(0.5) == Approx(0.0).margin(1e-15));
  CHECK(normal_quantile(1e-10) == Approx(-6.361340902404056).epsilon(1e-13));
  CHECK(normal_upper_quantile(1e-20) == Approx(9.262340089798408).epsilon(1e-13));
  CHECK(normal_quantile(0.0) == -HUGE_VAL);
  CHECK(normal_quantile(1.0) == HUGE_VAL);
  // Round trips where the probability keeps its digits: the lower tail through
  // normal_quantile, the upper tail through normal_upper_quantile.
  for (double x = -8.0; x <= 8.0; x += 0.37) {
    INFO("x = " << x);
    if (x <= 1.0) CHECK(normal_quantile(normal_cdf(x)) == Approx(x).epsilon(1e-12).margin(1e-12));
    if (x >= -1.0) CHECK(normal_upper_quantile(normal_sf(x)) == Approx(x).epsilon(1e-12).margin(1e-12));
  }
  CHECK(normal_mass(6.0, 7.0) == Approx(9.865876450376981e-10 - 1.279812543885835e-12).epsilon(1e-12));
}

namespace {

// Simpson's rule on [lo, hi] with n (even) intervals.
template <class F>
double integrate(F f, double lo, double hi, int n = 4000) {
  const double h = (hi - lo) / n;
  double s = f(lo) + f(hi);
  for (int i = 1; i < n; ++i) s += (i % 2 ? 4.0 : 2.0) * f(lo + i * h);
  return s * h / 3.0;
}

struct Case {
  const char* name;
  Prior prior;
  double lo, hi;  // a finite range holding all but a negligible share of the mass
};

}  // namespace

TEST_CASE("calibrate prior sampling matches the density, moments and truncation", "[calibrate][prior]") {
  const std::vector<Case> cases = {
      {"uniform", Prior::uniform(-1.0, 3.0), -1.0, 3.0},
      {"normal", Prior::normal(2.0, 0.5), -3.0, 7.0},
      {"normal truncated at its mean", Prior::normal(0.0, 1.0, 0.0), 0.0, 10.0},
      {"normal truncated in its upper tail", Prior::normal(0.0, 1.0, 3.0, 5.0), 3.0, 5.0},
      {"normal truncated in its lower tail", Prior::normal(0.0, 1.0, -Prior::kInf, -4.0), -12.0, -4.0},
      {"log-normal", Prior::lognormal(-1.0, 0.4), 1e-9, 8.0},
      {"log-normal truncated", Prior::lognormal(0.0, 1.0, 0.5, 2.0), 0.5, 2.0},
      // core/priors.def's nest_lambda and away_share: symmetric, and skewed near 0.
      {"beta stretched", Prior::beta(2.0, 2.0, 0.02, 0.12), 0.02, 0.12},
      {"beta skewed", Prior::beta(4.76, 38.08, 0.0, 0.9), 0.0, 0.9},
  };
  const int n = 20000, bins = 20;
  for (const auto& c : cases) {
    INFO(c.name << ": " << c.prior.describe());
    const auto dens = [&](double x) { return std::exp(c.prior.log_density(x)); };
    // The density integrates to 1 over the support: the truncated mass is in it.
    CHECK(integrate(dens, c.lo, c.hi) == Approx(1.0).epsilon(1e-6));
    CHECK(integrate([&](double x) { return x * dens(x); }, c.lo, c.hi) == Approx(c.prior.mean()).epsilon(1e-6));
    const double var = integrate([&](double x) { return (x - c.prior.mean()) * (x - c.prior.mean()) * dens(x); },
                                 c.lo, c.hi);
    CHECK(std::sqrt(var) == Approx(c.prior.sd()).epsilon(1e-5));

    std::vector<int> count(bins, 0);
    double s = 0, s2 = 0;
    for (int i = 0; i < n; ++i) {
      const double x = c.prior.sample(open_uniform(hukou::rng::key(5, 0, std::uint64_t(i), stream::proposal), 0));
      REQUIRE(c.prior.contains(x));
      REQUIRE(x >= c.lo);
      REQUIRE(x <= c.hi);
      s += x;
      s2 += x * x;
      ++count[std::min(bins - 1, int((x - c.lo) / (c.hi - c.lo) * bins))];
    }
    const double mean = s / n, sd = std::sqrt(s2 / n - mean * mean);
    CHECK(mean == Approx(c.prior.mean()).margin(4 * c.prior.sd() / std::sqrt(n)));
    CHECK(sd == Approx(c.prior.sd()).epsilon(0.04));
    // Each bin's share against the density's integral over it (4 binomial sds).
    for (int b = 0; b < bins; ++b) {
      const double a = c.lo + (c.hi - c.lo) * b / bins, z = c.lo + (c.hi - c.lo) * (b + 1) / bins;
      const double expect = integrate(dens, a, z, 200);
      INFO("bin " << b);
      CHECK(double(count[b]) / n == Approx(expect).margin(4 * std::sqrt(expect * (1 - expect) / n) + 1e-4));
    }
    // The quantile function inverts the distribution function.
    for (double p : {0.05, 0.25, 0.5, 0.75, 0.95}) CHECK(c.prior.cdf(c.prior.quantile(p)) == Approx(p).epsilon(1e-9));
  }
}

TEST_CASE("calibrate beta priors have the known moments and distribution function", "[calibrate][prior]") {
  // Beta(2, 5): mean 2/7, variance 2*5 / (7^2 * 8); I_t(2, 5) = 1 - (1-t)^5 (1 + 5t)
  // (the binomial sum for integer shapes), on [0, 0.12] stretched by 0.12.
  const Prior p = Prior::beta(2.0, 5.0, 0.0, 0.12);
  CHECK(p.mean() == Approx(0.12 * 2.0 / 7.0).epsilon(1e-14));
  CHECK(p.sd() == Approx(0.12 * std::sqrt(10.0 / (49.0 * 8.0))).epsilon(1e-14));
  for (double t : {0.01, 0.1, 0.3, 0.5, 0.9, 0.999}) {
    INFO("t = " << t);
    const double exact = 1.0 - std::pow(1.0 - t, 5) * (1.0 + 5.0 * t);
    CHECK(p.cdf(0.12 * t) == Approx(exact).epsilon(1e-13));
    // Inverting needs p to keep its digits: 1 - I near t = 1 has only a few left.
    if (t < 0.99) CHECK(p.quantile(exact) == Approx(0.12 * t).epsilon(1e-12));
  }
  // Beta(1, 1) is the uniform, Beta(0.5, 0.5) the arcsine law: I_t = (2/pi) asin(sqrt t).
  const Prior flat = Prior::beta(1.0, 1.0, 2.0, 6.0);
  CHECK(flat.cdf(3.0) == Approx(0.25).epsilon(1e-14));
  CHECK(flat.log_density(5.0) == Approx(-std::log(4.0)).epsilon(1e-14));
  const Prior arc = Prior::beta(0.5, 0.5);
  CHECK(arc.cdf(0.2) == Approx(2.0 / M_PI * std::asin(std::sqrt(0.2))).epsilon(1e-12));
  CHECK(arc.log_density(-0.1) == -HUGE_VAL);
  CHECK(p.describe() == "beta(a=2, b=5) on [0, 0.12]");
  CHECK_FALSE(p.truncated());
}

TEST_CASE("calibrate prior density is -inf outside the support", "[calibrate][prior]") {
  const Prior p = Prior::normal(0.0, 1.0, -1.0, 2.0);
  CHECK(p.log_density(-1.0001) == -HUGE_VAL);
  CHECK(p.log_density(2.0001) == -HUGE_VAL);
  CHECK(std::isfinite(p.log_density(2.0)));
  CHECK(Prior::lognormal(0.0, 1.0).log_density(0.0) == -HUGE_VAL);
  CHECK(Prior::lognormal(0.0, 1.0).log_density(-1.0) == -HUGE_VAL);
  CHECK(Prior::uniform(0.0, 4.0).log_density(1.0) == Approx(-std::log(4.0)));
  CHECK_FALSE(Prior::normal(0.0, 1.0).truncated());
  CHECK(p.truncated());
  CHECK(p.describe() == "normal(mu=0, sd=1) on [-1, 2]");
}

namespace {
std::string message_of(void (*f)()) {
  try {
    f();
  } catch (const CalibrationError& e) {
    return e.what();
  }
  return "(no error)";
}
}  // namespace

TEST_CASE("calibrate bad prior specs are refused with the rule they break", "[calibrate][prior]") {
  using Catch::Matchers::Contains;
  CHECK_THAT(message_of([] { Prior::normal(0.0, 0.0); }), Contains("sd must be positive"));
  CHECK_THAT(message_of([] { Prior::normal(0.0, -1.0); }), Contains("sd must be positive"));
  CHECK_THAT(message_of([] { Prior::lognormal(0.0, 0.0); }), Contains("sd_log must be positive"));
  CHECK_THAT(message_of([] { Prior::uniform(2.0, 1.0); }), Contains("lo must be below hi"));
  CHECK_THAT(message_of([] { Prior::uniform(1.0, 1.0); }), Contains("lo must be below hi"));
  CHECK_THAT(message_of([] { Prior::uniform(0.0, HUGE_VAL); }), Contains("finite"));
  CHECK_THAT(message_of([] { Prior::normal(0.0, 1.0, 3.0, 2.0); }), Contains("lower bound must be below"));
  CHECK_THAT(message_of([] { Prior::normal(0.0, 1.0, 10.0, 11.0); }), Contains("hold almost none"));
  CHECK_THAT(message_of([] { Prior::lognormal(0.0, 1.0, -5.0, -1.0); }), Contains("upper bound must be positive"));
  CHECK_THAT(message_of([] { Prior::lognormal(0.0, 0.1, 100.0, 200.0); }), Contains("hold almost none"));
  CHECK_THAT(message_of([] { Prior::normal(NAN, 1.0); }), Contains("mu must be a finite number"));
  CHECK_THAT(message_of([] { Prior::beta(0.0, 1.0); }), Contains("shapes must be positive"));
  CHECK_THAT(message_of([] { Prior::beta(2.0, 2.0, 1.0, 1.0); }), Contains("lo below hi"));
  CHECK_THAT(message_of([] { Prior::beta(2.0, 2.0, 0.0, HUGE_VAL); }), Contains("must be finite"));
  CHECK_NOTHROW(Prior::normal(0.0, 1.0, 5.0, 6.0));  // mass 2.9e-7: far out but there
}

TEST_CASE("calibrate parameter sets need distinct names", "[calibrate][prior]") {
  using Catch::Matchers::Contains;
  const Prior u = Prior::uniform(0.0, 1.0);
  CHECK_THROWS_WITH(validate(Parameters{}), Contains("at least one parameter"));
  CHECK_THROWS_WITH(validate(Parameters{{"a", "", u}, {"a", "", u}}), Contains("'a' has two priors"));
  CHECK_THROWS_WITH(validate(Parameters{{"", "", u}}), Contains("empty name"));
  const Parameters ps{{"a", "share", u}, {"b", "", Prior::normal(0.0, 2.0)}};
  CHECK_NOTHROW(validate(ps));
  Eigen::Vector2d theta(0.5, -1.0);
  CHECK(log_prior(ps, theta) == Approx(Prior::normal(0.0, 2.0).log_density(-1.0)));
  theta(0) = 1.5;
  CHECK_FALSE(in_support(ps, theta));
  CHECK(log_prior(ps, theta) == -HUGE_VAL);
  CHECK(sample_prior(ps, 7) == sample_prior(ps, 7));
  CHECK(sample_prior(ps, 7) != sample_prior(ps, 8));
}
