// Replicates: the same scenario under independent random streams, run in parallel
// (across replicates and, nested, across agents). Replicate r of a run with seed s
// uses replicate_seed(s, r): replicate 0 is the run's own seed, so a one-replicate
// run equals `simulate(sc, s)`, and a baseline and a what-if with the same seed share
// every replicate's random numbers (common random numbers).
//
// A posterior run (docs/calibration.md) runs D scenarios (one per parameter draw) x R
// replicates; replicate r of every draw uses replicate_seed(s, r), the same streams
// whatever the draw. So a what-if with the same posterior, seed, D and R is paired
// with its baseline run by run, and draws that drew equal parameters give equal runs.
#pragma once
#include <cstdint>
#include <vector>

#include "engine.hpp"

namespace hukou {

std::uint64_t replicate_seed(std::uint64_t seed, std::size_t replicate);

// Progress: called (from any thread, serialised) with periods done over all
// replicates and the total.
std::vector<RunResult> simulate_replicates(const Scenario& sc, std::uint64_t seed, std::size_t replicates,
                                           const std::function<void(std::size_t, std::size_t)>& progress = {});

// Draw-major: draw d's replicate r at d * replicates + r; progress as above, over all.
std::vector<RunResult> simulate_draws(const std::vector<Scenario>& draws, std::uint64_t seed, std::size_t replicates,
                                      const std::function<void(std::size_t, std::size_t)>& progress = {});

}  // namespace hukou
