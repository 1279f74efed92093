// Running the model for proposals: replicate seeds, averaging, and the batched
// parallel loop that offers results in proposal order. Internal to the engine.
#pragma once
#include <cstdint>
#include <functional>

#include <Eigen/Dense>

#include "smc.hpp"

namespace hukou::calibrate {

// The seed of replicate r for proposal k of generation t.
std::uint64_t replicate_seed(const Settings& s, std::uint32_t t, std::uint64_t k, std::size_t r);

// theta's simulated values averaged over the replicates.
Eigen::VectorXd simulate(const Problem& p, const Settings& s, const Eigen::VectorXd& theta, std::uint32_t t,
                         std::uint64_t k);

struct Evaluated {
  Eigen::VectorXd theta, values;
  bool valid = false;  // every value finite
};

struct SweepResult {
  std::uint64_t examined = 0, invalid = 0, simulations = 0;
  bool complete = false;  // `take` said enough before `cap` proposals
};

// Proposals 0, 1, ... of generation t, `s.batch` at a time: propose(k) and the
// model run in parallel, then take(k, result) in proposal order until take returns
// true or `cap` proposals have been offered. on_batch gets (examined, simulations)
// after each batch.
SweepResult sweep(const Problem& p, const Settings& s, std::uint32_t t, std::uint64_t cap,
                  const std::function<Eigen::VectorXd(std::uint64_t)>& propose,
                  const std::function<bool(std::uint64_t, const Evaluated&)>& take,
                  const std::function<void(std::uint64_t, std::uint64_t)>& on_batch);

}  // namespace hukou::calibrate
