// Runs a scenario: builds the base-year population, then steps period by period
// through the nine processes, recording outputs and checking the population
// balance after each. A run is a function of (scenario, seed) alone; the number of
// threads (set by the caller through oneTBB) never changes the result.
#pragma once
#include <cstdint>
#include <functional>

#include "balance.hpp"
#include "household_factory.hpp"
#include "phase.hpp"
#include "results.hpp"
#include "world.hpp"

namespace hukou {

// One period's processes, by a schedule (schedule.hpp: run_period, or a test's).
using RunPeriod = void (*)(World& w, const HouseholdFactory& factory, RunResult& out, PhaseSeconds& seconds);

class Model {
 public:
  // order_households: households in order of size (household_order.hpp), as runs
  // have them; false only for the test that results do not depend on the order.
  Model(const Scenario& sc, std::uint64_t seed, bool order_households = true);
  // Periods run by `period` instead of the model's schedule (tests).
  Model(const Scenario& sc, std::uint64_t seed, bool order_households, RunPeriod period);
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  void step();
  bool finished() const { return w_.t >= w_.sc.periods(); }
  const World& world() const { return w_; }
  const RunResult& result() const { return res_; }
  RunResult take_result() { return std::move(res_); }
  // Wall-clock seconds per phase, summed over the periods run (phase.hpp).
  const PhaseSeconds& phase_seconds() const { return phase_seconds_; }

 private:
  World w_;
  HouseholdFactory factory_;  // refers to w_.sc: declared after it
  RunResult res_;
  RunPeriod period_;
  BalanceSnapshot last_;
  PhaseSeconds phase_seconds_{};
};

// Progress callback: (year just simulated, periods done, periods in all).
using Progress = std::function<void(int, int, int)>;

RunResult simulate(const Scenario& sc, std::uint64_t seed, const Progress& progress = {});

}  // namespace hukou
