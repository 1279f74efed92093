#include "kernel.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "core/rng.hpp"

namespace hukou::bench {

namespace {
// Large enough to amortise task overhead, small enough to balance two threads.
constexpr std::size_t kGrain = 16384;
}  // namespace

LogitKernel::LogitKernel(std::size_t agents, std::uint64_t seed)
    : x1_(agents), x2_(agents), choice_(agents, 1), seed_(seed) {
  // Coefficients of the order of the model's (asc_settle about -2): every
  // alternative is chosen often, so no branch is predictable.
  beta_ = {-2.0, 0.15,  0.8,   // settle
           0.0,  0.0,   0.0,   // stay: the reference alternative
           -2.5, -0.05, 0.6};  // return
  for (std::size_t i = 0; i < agents; ++i) {
    const std::uint64_t k = rng::key(seed, 0, i, rng::Stream::synth);
    x1_[i] = std::floor(15.0 * rng::uniform(rng::bits(k, 0)));
    x2_[i] = rng::uniform(rng::bits(k, 1)) < 0.4 ? 1.0 : 0.0;
  }
}

double LogitKernel::run(std::uint32_t period) {
  const std::size_t n = agents();
  const double* x1 = x1_.data();
  const double* x2 = x2_.data();
  std::uint8_t* out = choice_.data();
  const std::array<double, 9> b = beta_;
  const std::uint64_t seed = seed_;
  const auto t0 = std::chrono::steady_clock::now();
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, kGrain), [=](const tbb::blocked_range<std::size_t>& r) {
    // Captured by value: stores through `out` (unsigned char) may alias anything,
    // so values reached through references would be reloaded on every iteration.
    for (std::size_t i = r.begin(); i != r.end(); ++i) {
      const double us = b[0] + b[1] * x1[i] + b[2] * x2[i];
      const double un = b[3] + b[4] * x1[i] + b[5] * x2[i];
      const double ur = b[6] + b[7] * x1[i] + b[8] * x2[i];
      // As the model's choice_probabilities (core/processes/decision.hpp), the largest utility
      // is subtracted so exp cannot overflow; but the uniform is scaled by the sum
      // instead of dividing each weight by it: a minimal logit needs no division.
      const double top = std::max({us, un, ur});
      const double es = std::exp(us - top), en = std::exp(un - top), er = std::exp(ur - top);
      const double v = (es + en + er) * rng::uniform(rng::bits(rng::key(seed, period, i, rng::Stream::choice)));
      // Branch-free: the choice is random, so a branch on it would be mispredicted often.
      out[i] = static_cast<std::uint8_t>((v >= es) + (v >= es + en));
    }
  });
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return secs > 0.0 ? static_cast<double>(n) / secs : 0.0;
}

std::array<std::size_t, 3> LogitKernel::tally() const {
  std::array<std::size_t, 3> t{};
  for (const std::uint8_t c : choice_) ++t[c];
  return t;
}

}  // namespace hukou::bench
