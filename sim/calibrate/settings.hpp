// How an ABC-SMC run proceeds. Defaults follow pyABC's where it has one (median
// tolerance, multivariate normal kernel at twice the covariance) and otherwise say
// why.
#pragma once
#include <cstddef>
#include <cstdint>

namespace hukou::calibrate {

// Which seeds the model gets for a particle's replicates.
enum class Seeds {
  // Replicate r of every proposal in generation t gets the same seed: distances
  // within a generation then differ by the parameters, not by simulation noise
  // (common random numbers). A new set each generation, so no one noise draw is fitted.
  common,
  // Each proposal gets its own seeds: the ABC posterior of the stochastic model.
  per_particle,
};

struct Settings {
  std::size_t particles = 200;       // N accepted per generation (issue 23: at least 200)
  double quantile = 0.5;             // epsilon_t = this weighted quantile of generation t-1's distances
  std::size_t max_generations = 10;  // including generation 0 (the prior)
  double min_epsilon = 0.0;          // stop once a generation ran at a tolerance at or below this
  // Stop when a generation would accept less than this share of its proposals; the
  // generation is abandoned as soon as that is certain (after N / rate proposals), so
  // a run never spends more than N / rate model runs on one generation. 1% caps a
  // generation at 100 N runs; pyABC's default is 0 (no cap).
  double min_acceptance_rate = 0.01;
  double kernel_scale = 2.0;         // kernel covariance = this x weighted covariance
  std::size_t replicates = 1;        // model runs per proposal, averaged value by value
  Seeds seeds = Seeds::per_particle;
  std::uint64_t seed = 1;
  // Proposals evaluated together in parallel. Fixed, not tied to the thread count,
  // so which proposals are evaluated never depends on it; proposals of the last
  // batch beyond the N-th acceptance are run and discarded (at most batch - 1 a
  // generation).
  std::size_t batch = 32;
};

// Throws CalibrationError naming the setting and its allowed values.
void validate(const Settings& s);

}  // namespace hukou::calibrate
