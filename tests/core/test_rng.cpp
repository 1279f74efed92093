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
