#include <algorithm>
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "core/rng.hpp"

using namespace hukou;

TEST_CASE("core rng: uniforms lie in the unit interval with the right mean and variance", "[core][rng]") {
  rng::Draws d(7, 3, 12345, rng::Stream::choice);
  double s = 0, s2 = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double u = d.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    s += u;
    s2 += u * u;
  }
  CHECK(s / n == Approx(0.5).margin(4 * std::sqrt(1.0 / 12 / n)));
  CHECK(s2 / n - (s / n) * (s / n) == Approx(1.0 / 12).margin(0.002));
  CHECK(rng::uniform(0) == 0.0);
  CHECK(rng::uniform(~0ULL) < 1.0);
}

TEST_CASE("core rng: draws are a pure function of (seed, period, entity, stream)", "[core][rng]") {
  rng::Draws a(1, 2, 3, rng::Stream::death), b(1, 2, 3, rng::Stream::death);
  for (int i = 0; i < 10; ++i) CHECK(a.next_bits() == b.next_bits());
  // Changing any one field changes the numbers.
  const auto first = [](std::uint64_t s, std::uint32_t p, std::uint64_t e, rng::Stream st) {
    return rng::Draws(s, p, e, st).next_bits();
  };
  const auto base = first(1, 2, 3, rng::Stream::death);
  CHECK(first(2, 2, 3, rng::Stream::death) != base);
  CHECK(first(1, 3, 3, rng::Stream::death) != base);
  CHECK(first(1, 2, 4, rng::Stream::death) != base);
  CHECK(first(1, 2, 3, rng::Stream::birth) != base);
}

TEST_CASE("core rng: neighbouring entities give uncorrelated draws", "[core][rng]") {
  const int n = 100000;
  double sxy = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
  for (int e = 0; e < n; ++e) {
    const double x = rng::Draws(5, 1, e, rng::Stream::choice).uniform();
    const double y = rng::Draws(5, 1, e + 1, rng::Stream::choice).uniform();
    sx += x; sy += y; sxy += x * y; sxx += x * x; syy += y * y;
  }
  const double cov = sxy / n - sx / n * sy / n;
  const double r = cov / std::sqrt((sxx / n - sx / n * sx / n) * (syy / n - sy / n * sy / n));
  CHECK(std::abs(r) < 4.0 / std::sqrt(n));
}

TEST_CASE("core rng: a StreamKey gives exactly key()'s keys and Draws' numbers", "[core][rng]") {
  // Inputs from a fixed generator, independent of the code under test.
  std::uint64_t state = 0x243f6a8885a308d3ULL;
  const auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state ^ (state >> 29);
  };
  for (int i = 0; i < 2000; ++i) {
    const std::uint64_t seed = next();
    const auto period = static_cast<std::uint32_t>(next());
    const auto stream = static_cast<rng::Stream>(1 + next() % 15);
    const rng::StreamKey sk(seed, period, stream);
    for (int j = 0; j < 50; ++j) {
      const std::uint64_t entity = j == 0 ? 0 : j == 1 ? ~0ULL : next();
      REQUIRE(sk.key(entity) == rng::key(seed, period, entity, stream));
      rng::Draws a(seed, period, entity, stream), b(sk, entity);
      REQUIRE(a.next_bits() == b.next_bits());
      REQUIRE(a.uniform() == b.uniform());
    }
  }
  static_assert(rng::StreamKey(1, 2, rng::Stream::job).key(3) == rng::key(1, 2, 3, rng::Stream::job));
}

TEST_CASE("core rng: below(b, threshold(p)) is exactly uniform(b) < p", "[core][rng]") {
  // Draws near a probability's own value are where a rounding would show: b is
  // taken at p's exact multiple of 2^-52 (when there is one) and one either side.
  std::vector<double> ps{0.0, -0.5, 1.0, 1.5, std::nan(""), 0.5, 0.25, 1e-300, 4e-324, 0x1p-52, 0x1p-53,
                         0x1.8p-52, 1.0 - 0x1p-52, 1.0 - 0x1p-53, std::nextafter(1.0, 0.0)};
  rng::Draws d(3, 1, 99, rng::Stream::death);
  for (int k = 0; k < 2000; ++k) ps.push_back(d.uniform() * (k % 2 ? 1.0 : 1e-3));
  std::size_t checked = 0;
  for (const double p : ps) {
    const std::uint64_t t = rng::threshold(p);
    std::vector<std::uint64_t> bits;
    const double scaled = std::ldexp(std::isnan(p) ? 0.0 : std::clamp(p, 0.0, 1.0), 52);
    const auto at = static_cast<std::uint64_t>(std::floor(scaled));
    for (const std::uint64_t m : {at, at + 1, at ? at - 1 : 0, std::uint64_t{0}, (std::uint64_t{1} << 52) - 1})
      if (m < std::uint64_t{1} << 52)
        for (const std::uint64_t low : {std::uint64_t{0}, std::uint64_t{0xfff}}) bits.push_back(m << 12 | low);
    for (int j = 0; j < 50; ++j) bits.push_back(d.next_bits());
    for (const std::uint64_t b : bits) {
      INFO("p = " << p << ", b = " << b);
      REQUIRE(rng::below(b, t) == (rng::uniform(b) < p));
      ++checked;
    }
  }
  CHECK(checked > 100000);
}
