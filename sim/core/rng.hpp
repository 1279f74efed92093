// Counter-based random numbers: every draw is a pure function of
// (seed, period, entity, stream, counter). No generator state is shared between
// threads, so results are bitwise identical for any thread count, and a baseline
// and a what-if run with the same seed draw the same numbers for the same agent
// (common random numbers).
#pragma once
#include <bit>
#include <cmath>
#include <cstdint>

namespace hukou::rng {

// One stream per purpose, so adding a draw to one process never shifts another's.
enum class Stream : std::uint32_t {
  synth = 1, death, birth, move, move_dest, inflow, job, wage, training, housing,
  permit, decision_date, choice, event, rental_tiebreak,
};

// splitmix64's finaliser (Steele, Lea & Flood 2014): a bijective 64-bit mixer that
// passes BigCrush when applied to a counter. Cheap (cheaper than Philox4x32-10,
// design/platform-notes.md) and vectorisable.
constexpr std::uint64_t mix64(std::uint64_t z) noexcept {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;

// Key of one entity's draws in one period for one purpose. Chaining the mixer over
// the fields keeps keys that differ in any one field uncorrelated.
constexpr std::uint64_t key(std::uint64_t seed, std::uint32_t period, std::uint64_t entity,
                            Stream stream) noexcept {
  std::uint64_t h = mix64(seed + kGolden);
  h = mix64(h ^ (static_cast<std::uint64_t>(period) << 32 | static_cast<std::uint32_t>(stream)));
  return mix64(h ^ entity);
}

// key() for many entities under one (seed, period, stream): the first two mixes are
// the same for the whole loop, so they are computed once here and a key costs one
// mix. Gives exactly key()'s values (tests/core/test_rng.cpp).
class StreamKey {
 public:
  constexpr StreamKey(std::uint64_t seed, std::uint32_t period, Stream stream) noexcept
      : prefix_(mix64(mix64(seed + kGolden) ^
                      (static_cast<std::uint64_t>(period) << 32 | static_cast<std::uint32_t>(stream)))) {}
  constexpr std::uint64_t key(std::uint64_t entity) const noexcept { return mix64(prefix_ ^ entity); }

 private:
  std::uint64_t prefix_;
};

// The n-th 64 random bits under a key.
constexpr std::uint64_t bits(std::uint64_t k, std::uint32_t n = 0) noexcept {
  return mix64(k + kGolden * (static_cast<std::uint64_t>(n) + 1));
}

// Uniform in [0, 1) from the top 52 bits, built through the exponent (AVX2 has no
// u64->double convert; this form vectorises and is exact).
inline double uniform(std::uint64_t b) noexcept {
  return std::bit_cast<double>((b >> 12) | 0x3ff0000000000000ULL) - 1.0;
}

// A probability as a threshold on draws' bits: below(b, threshold(p)) is exactly
// uniform(b) < p, for every b and p. uniform(b) is (b >> 12) * 2^-52 with no
// rounding, and p * 2^52 rounds neither (a power of two), so uniform(b) < p exactly
// when the integer b >> 12 is below p * 2^52, that is below its ceiling. For a
// probability tested against many draws (a rate per period, a table by age), an
// integer compare instead of building and comparing a double.
inline std::uint64_t threshold(double p) noexcept {
  if (!(p > 0.0)) return 0;                       // also NaN: uniform(b) < NaN is false
  if (p >= 1.0) return std::uint64_t{1} << 52;    // every b >> 12 is below 2^52
  return static_cast<std::uint64_t>(std::ceil(std::ldexp(p, 52)));
}
constexpr bool below(std::uint64_t b, std::uint64_t threshold) noexcept { return (b >> 12) < threshold; }

// Convenience: a sequence of uniforms for one (seed, period, entity, stream).
class Draws {
 public:
  constexpr Draws(std::uint64_t seed, std::uint32_t period, std::uint64_t entity, Stream s) noexcept
      : key_(key(seed, period, entity, s)) {}
  // The same draws from a StreamKey held by the loop.
  constexpr Draws(const StreamKey& sk, std::uint64_t entity) noexcept : key_(sk.key(entity)) {}
  double uniform() noexcept { return rng::uniform(bits(key_, n_++)); }
  std::uint64_t next_bits() noexcept { return bits(key_, n_++); }

 private:
  std::uint64_t key_;
  std::uint32_t n_ = 0;
};

// Entity id of something derived from a parent (a newborn from its mother, an
// inflow household from its zone and rank): stable across runs and policies.
constexpr std::uint64_t derive_id(std::uint64_t parent, std::uint32_t period, std::uint64_t k) noexcept {
  return mix64(mix64(parent ^ 0x5851f42d4c957f2dULL) + (static_cast<std::uint64_t>(period) << 40) + k) | 1ULL << 63;
}

}  // namespace hukou::rng
