// The model skips a few libm calls whose result is known exactly (C Annex F). These
// tests hold this platform's libm and the model's code to that: identical bits.
#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/processes/decision.hpp"
#include "core/rng.hpp"

using namespace hukou;

namespace {
std::uint64_t bits_of(double x) { return std::bit_cast<std::uint64_t>(x); }

// choice_probabilities as it was before the exp(0) shortcut.
Choice reference_choice(const Utilities& u, bool settle_open) {
  const double top = std::max({settle_open ? u.settle : u.stay, u.stay, u.ret});
  const double es = settle_open ? std::exp(u.settle - top) : 0.0;
  const double en = std::exp(u.stay - top);
  const double er = std::exp(u.ret - top);
  const double sum = es + en + er;
  return {es / sum, en / sum, er / sum};
}
}  // namespace

TEST_CASE("core shortcuts: pow and exp give exactly the values the model skips them for", "[core][shortcuts]") {
  volatile double zero = 0.0, one = 1.0;  // keep the calls at run time, in this libm
  for (double y : {1e-9, 0.3, 0.5, 1.0, 1.7, 2.0, 3.0, 17.5, 1e6}) {
    CHECK(bits_of(std::pow(one, y)) == bits_of(1.0));
    CHECK(bits_of(std::pow(one, -y)) == bits_of(1.0));
    CHECK(bits_of(std::pow(zero, y)) == bits_of(0.0));
  }
  CHECK(bits_of(std::exp(zero)) == bits_of(1.0));
  CHECK(bits_of(std::exp(-zero)) == bits_of(1.0));
}

TEST_CASE("core shortcuts: a power of an affordability in [0, 1] is at most 1", "[core][shortcuts]") {
  // housing's buys() skips affordability and pow for a draw at or above the buy rate.
  std::uint64_t state = 0x0a4093822299f31dULL;
  const auto uniform = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) * 0x1p-53;
  };
  for (int i = 0; i < 200000; ++i) {
    const double afford = i % 3 == 0 ? std::nextafter(1.0, 0.0) : uniform();
    const double elasticity = i % 2 == 0 ? 10.0 * uniform() : std::ldexp(uniform(), -(i % 60));
    REQUIRE(std::pow(afford, elasticity) <= 1.0);
  }
}

TEST_CASE("core shortcuts: choice probabilities are bitwise those of the plain formula", "[core][shortcuts]") {
  std::uint64_t state = 0x13198a2e03707344ULL;
  const auto uniform = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) * 0x1p-53;
  };
  const double special[] = {0.0, -0.0, 1.0, -1.0, 1e-300, -700.0, 700.0};
  for (int i = 0; i < 200000; ++i) {
    Utilities u;
    // Mostly random utilities; some exactly tied with the reference or each other.
    u.settle = i % 7 == 0 ? special[i % 5] : 20.0 * uniform() - 10.0;
    u.ret = i % 5 == 0 ? (i % 2 ? u.settle : special[i % 7]) : 20.0 * uniform() - 10.0;
    for (bool open : {true, false}) {
      const Choice a = choice_probabilities(u, open), b = reference_choice(u, open);
      REQUIRE(bits_of(a.settle) == bits_of(b.settle));
      REQUIRE(bits_of(a.stay) == bits_of(b.stay));
      REQUIRE(bits_of(a.ret) == bits_of(b.ret));
    }
  }
}

TEST_CASE("core shortcuts: the channel on a decision date is open_channel's, looking at the date only where it matters",
          "[core][shortcuts]") {
  // Channels open all year, never, from or until a date within it, exactly from the
  // year's start or to its end (the date can round up to year + 1 itself), or only
  // within it; eligible sets at random, and draws at random and at both ends.
  const int year = 2019;
  const double y = year;
  const std::vector<OpenInterval> open{
      {2016.0, 2100.0},  {2019.3, 2100.0}, {2016.0, 2019.6}, {2020.5, 2100.0}, {2010.0, 2018.9}, {y, y + 1.0},
      {y, 2100.0},       {2016.0, y + 1.0}, {2019.2, 2019.4}, {2016.0, y},      {y + 1.0, 2100.0},
      {2016.0, std::nextafter(y + 1.0, 3000.0)}};
  const DecisionDates dates(open, year);
  rng::Draws d(5, 2, 77, rng::Stream::decision_date);
  std::vector<std::uint64_t> draws{0, ~std::uint64_t{0}, std::uint64_t{1} << 63};
  for (int k = 0; k < 200; ++k) draws.push_back(d.next_bits());
  std::size_t checked = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    const auto bits = static_cast<std::uint32_t>(d.next_bits() & ((1u << open.size()) - 1));
    for (const std::uint64_t b : {draws[static_cast<std::size_t>(trial) % draws.size()], d.next_bits()}) {
      const double date = year + rng::uniform(b);
      INFO("bits " << bits << ", date " << date);
      REQUIRE(dates.channel(bits, b) == open_channel(open, bits, date));
      ++checked;
    }
  }
  CHECK(checked == 40000);
  CHECK(rng::uniform(~std::uint64_t{0}) + y == y + 1.0);  // the rounding the masks allow for
}
