// The bound kernel of `hukou bench`: the least work a 3-alternative logit choice
// per agent can cost with the model's own random numbers (rng::key, rng::bits,
// rng::uniform), precision (double), exp (std::exp) and build flags. The model's
// decision phase does this and more (household lookups, conditions, bookkeeping),
// so its rate over the kernel's says how much of the machine the model uses.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace hukou::bench {

class LogitKernel {
 public:
  // Struct-of-arrays inputs for `agents` agents (two covariates each), drawn once
  // and touched here, so page faults are not timed later.
  LogitKernel(std::size_t agents, std::uint64_t seed);

  // One choice per agent, in parallel with oneTBB under the caller's
  // tbb::global_control; returns decisions per second. `period` keys the draws,
  // as the model's period does.
  double run(std::uint32_t period);

  std::size_t agents() const { return x1_.size(); }
  // How many agents chose each alternative in the last run (reading the choices
  // also keeps the compiler from dropping the work).
  std::array<std::size_t, 3> tally() const;

 private:
  std::vector<double> x1_, x2_;       // covariates, e.g. years in town and a 0/1 trait
  std::vector<std::uint8_t> choice_;  // 0 settle, 1 stay, 2 return
  std::array<double, 9> beta_{};      // [alternative][constant, x1, x2]: run-time values, not folded
  std::uint64_t seed_;
};

}  // namespace hukou::bench
