// The engine's state after a generation: a plain value. A caller stores it (every
// generation, for the record) and may hand the last one back to continue; the
// continued run is bitwise the run that was never interrupted, because nothing
// else carries over between generations: proposal k of generation t draws from a
// key of (seed, t, k) alone, and the kernel and weights of generation t come from
// generation t-1's particles, weights and distances, stored here to the bit.
#pragma once
#include <cstdint>

#include <Eigen/Dense>

namespace hukou::calibrate {

enum class Stop {
  running,      // not stopped yet
  generations,  // max_generations reached
  epsilon,      // a generation ran at epsilon <= min_epsilon
  acceptance,   // the next generation would accept less than min_acceptance_rate
};
const char* to_string(Stop s);

struct State {
  std::uint32_t generation = 0;  // the generation these particles belong to (0: the prior)
  Eigen::MatrixXd particles;     // N x d, one row per particle, columns in parameter order
  Eigen::VectorXd weights;       // normalised importance weights
  Eigen::VectorXd distances;     // each particle's distance (below epsilon)
  double epsilon = 0.0;          // the tolerance this generation ran at (infinite in generation 0)
  double acceptance_rate = 0.0;  // N / proposals
  double ess = 0.0;              // effective sample size 1 / sum w^2
  std::uint64_t proposals = 0;   // proposals examined, up to the N-th accepted
  std::uint64_t invalid = 0;     // of those, rejected for values that are not finite
  std::uint64_t simulations = 0;       // model runs since the start, all generations and replicates
  std::uint64_t invalid_total = 0;     // proposals rejected as invalid since the start
  Eigen::VectorXd scales;              // the distance's scales, fixed in generation 0
  // The random-number position to continue from: the next generation's index and
  // its first proposal. Always (generation + 1, 0): generations are the unit of
  // resumption, so the first proposal of a generation is always 0.
  std::uint32_t next_generation = 1;
  std::uint64_t next_proposal = 0;
  Stop stop = Stop::running;
};

}  // namespace hukou::calibrate
