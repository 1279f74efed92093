// ABC-SMC with an adaptive tolerance (Toni et al. 2009; Beaumont et al. 2009;
// Del Moral et al. 2012; pyABC is the reference design). docs/calibration.md
// describes the algorithm; in short:
//   generation 0: N draws from the prior (epsilon infinite), equal weights; the
//     distance's missing scales come from their simulations;
//   generation t: epsilon_t = the weighted `quantile` of generation t-1's distances;
//     a proposal picks a particle of t-1 by weight and perturbs it with the kernel
//     (kernel.hpp), redrawing both until it lies in the prior's support; it is
//     accepted when its simulation is finite and within epsilon_t; the first N
//     accepted, in proposal order, form generation t, weighted
//     w_i ∝ prior(theta_i) / sum_j w_j K(theta_i | theta_j);
//   stop at max_generations, at epsilon <= min_epsilon, or when a generation would
//     accept less than min_acceptance_rate of its proposals, whichever comes first.
// Proposals are evaluated in parallel in fixed batches and accepted in order, and
// every draw is a pure function of (seed, generation, proposal): the result is
// bitwise the same for any number of threads, and a run continued from a stored
// State is bitwise the run never interrupted.
#pragma once
#include <cstdint>
#include <functional>

#include <Eigen/Dense>

#include "distance.hpp"
#include "parameters.hpp"
#include "settings.hpp"
#include "state.hpp"

namespace hukou::calibrate {

// The model: simulated values aligned with the observations, for parameters theta
// (in parameter order) and a replicate seed. Called from several threads at once:
// it must be thread-safe and a pure function of its arguments.
using Model = std::function<Eigen::VectorXd(const Eigen::VectorXd& theta, std::uint64_t seed)>;

struct Problem {
  Parameters parameters;
  Observations observations;
  Model model;
};

// After each batch of proposals: enough to estimate the time left (the accepted
// share so far says how many more proposals the generation needs).
struct Progress {
  std::uint32_t generation = 0;
  std::uint64_t proposals = 0;    // examined so far in this generation
  std::size_t accepted = 0;
  std::size_t particles = 0;      // N, the number the generation needs
  std::uint64_t simulations = 0;  // model runs since the start
  double epsilon = 0.0;
};

struct Callbacks {
  std::function<void(const Progress&)> on_batch;
  std::function<void(const State&)> on_generation;  // each completed generation, to store
};

// The posterior when there is no observation to condition on: Bayes' rule leaves
// the prior as it is. Generation 0 as s.particles draws from the joint prior, the
// proposals start() would make (the same keys: start() accepts exactly these when
// every simulation is finite), with equal weights, no distance (NaN), epsilon
// infinite and no model run. Throws CalibrationError for invalid parameters.
State prior_generation(const Parameters& ps, const Settings& s);

// Generation 0. Throws CalibrationError for invalid inputs, or if fewer than N of the
// prior draws a generation may examine give finite simulations.
State start(const Problem& p, const Settings& s, const Callbacks& cb = {});
// Generation prev.generation + 1; or, when it would accept too few proposals, prev
// itself with stop = Stop::acceptance (and the abandoned runs counted in simulations).
State advance(const Problem& p, const Settings& s, const State& prev, const Callbacks& cb = {});
// Why a run should stop after `st` (Stop::running: it should go on).
Stop stop_reason(const Settings& s, const State& st);
// Generations until a stop rule holds, from the prior or from a stored state
// (whose own `stop` is ignored: the settings decide, so a finished run can be
// extended with more generations). Returns the last completed generation.
State run(const Problem& p, const Settings& s, const Callbacks& cb = {}, const State* resume = nullptr);

}  // namespace hukou::calibrate
