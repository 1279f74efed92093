// Runs a scenario: builds the base-year population, then steps period by period
// through the nine processes, recording outputs and checking the population
// balance after each. A run is a function of (scenario, seed) alone; the number of
// threads (set by the caller through oneTBB) never changes the result.
#pragma once
#include <cstdint>
#include <functional>

#include "balance.hpp"
#include "household_factory.hpp"
#include "results.hpp"
#include "world.hpp"

namespace hukou {

class Model {
 public:
  Model(const Scenario& sc, std::uint64_t seed);
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  void step();
  bool finished() const { return w_.t >= w_.sc.periods(); }
  const World& world() const { return w_; }
  const RunResult& result() const { return res_; }
  RunResult take_result() { return std::move(res_); }

 private:
  void finish_period();

  World w_;
  HouseholdFactory factory_;  // refers to w_.sc: declared after it
  RunResult res_;
  BalanceSnapshot last_;
};

// Progress callback: (year just simulated, periods done, periods in all).
using Progress = std::function<void(int, int, int)>;

RunResult simulate(const Scenario& sc, std::uint64_t seed, const Progress& progress = {});

}  // namespace hukou
