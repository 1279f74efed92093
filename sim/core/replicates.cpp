#include "replicates.hpp"

#include <tbb/parallel_for.h>

#include <mutex>

#include "rng.hpp"

namespace hukou {

std::uint64_t replicate_seed(std::uint64_t seed, std::size_t replicate) {
  if (replicate == 0) return seed;
  return rng::mix64(rng::mix64(seed ^ 0x2545f4914f6cdd1dULL) + rng::kGolden * replicate);
}

std::vector<RunResult> simulate_replicates(const Scenario& sc, std::uint64_t seed, std::size_t replicates,
                                           const std::function<void(std::size_t, std::size_t)>& progress) {
  std::vector<RunResult> out(replicates);
  std::mutex m;
  std::size_t done = 0;
  const std::size_t total = replicates * static_cast<std::size_t>(sc.periods());
  tbb::parallel_for(std::size_t{0}, replicates, [&](std::size_t r) {
    out[r] = simulate(sc, replicate_seed(seed, r), [&](int, int, int) {
      if (!progress) return;
      std::lock_guard lock(m);
      progress(++done, total);
    });
  });
  return out;
}

std::vector<RunResult> simulate_draws(const std::vector<Scenario>& draws, std::uint64_t seed, std::size_t replicates,
                                      const std::function<void(std::size_t, std::size_t)>& progress) {
  const std::size_t runs = draws.size() * replicates;
  std::vector<RunResult> out(runs);
  std::mutex m;
  std::size_t done = 0, total = 0;
  for (const auto& sc : draws) total += replicates * static_cast<std::size_t>(sc.periods());
  // One loop over draws x replicates, so that few replicates of many draws still
  // keep every thread busy; each run's result depends on its (draw, replicate) only.
  tbb::parallel_for(std::size_t{0}, runs, [&](std::size_t k) {
    out[k] = simulate(draws[k / replicates], replicate_seed(seed, k % replicates), [&](int, int, int) {
      if (!progress) return;
      std::lock_guard lock(m);
      progress(++done, total);
    });
  });
  return out;
}

}  // namespace hukou
