// Replicates: the same scenario under independent random streams, run in parallel
// (across replicates and, nested, across agents). Replicate r of a run with seed s
// uses replicate_seed(s, r): replicate 0 is the run's own seed, so a one-replicate
// run equals `simulate(sc, s)`, and a baseline and a what-if with the same seed share
// every replicate's random numbers (common random numbers).
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

}  // namespace hukou
