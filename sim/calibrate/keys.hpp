// Where the calibration's random numbers come from. Every draw is a pure function
// of a key made by rng::key(seed, generation, index, stream): proposal k of
// generation t draws from key(seed, t, k, proposal) whatever thread runs it and
// whatever ran before, which is what makes runs thread-count independent and
// resumable. The streams lie outside core's rng::Stream values (which start at 1),
// so calibration never shares a key with the simulator's own draws.
#pragma once
#include <cstdint>

#include "core/rng.hpp"

namespace hukou::calibrate {

namespace stream {
inline constexpr auto proposal = static_cast<rng::Stream>(0xCA11B000u);    // theta of a proposal
inline constexpr auto model_seed = static_cast<rng::Stream>(0xCA11B001u);  // its replicates' seeds
inline constexpr auto resample = static_cast<rng::Stream>(0xCA11B002u);    // posterior draws
}  // namespace stream

// Uniform in the open interval (0, 1): the n-th 64 bits under `key`, top 53 bits,
// centred in their cell, so an inverse distribution function never sees 0 or 1.
inline double open_uniform(std::uint64_t key, std::uint32_t n) {
  return (static_cast<double>(rng::bits(key, n) >> 11) + 0.5) * 0x1.0p-53;
}

}  // namespace hukou::calibrate
