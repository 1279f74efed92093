// Runs a scenario: builds the base-year population, then steps period by period
// through the nine processes, recording outputs and checking the population
// balance after each. A run is a function of (scenario, seed) alone; the number of
// threads (set by the caller through oneTBB) never changes the result.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <string_view>

#include "balance.hpp"
#include "household_factory.hpp"
#include "results.hpp"
#include "world.hpp"

namespace hukou {

// Wall-clock seconds spent in each pass, summed over the periods run: for
// `hukou bench` and profiling; never part of the results. `town` is moves, jobs
// and permits in one sweep, `housing` housing and eligibility in one; `permits`
// and `eligibility` are their own sweeps, run (and timed) only when the
// public-rental condition reads permits (permits_join_town_pass), else 0.
enum class Phase : std::size_t {
  demography, town, housing, permits, eligibility, decision, events, accounting, count_
};
inline constexpr std::size_t kPhaseCount = static_cast<std::size_t>(Phase::count_);
std::string_view phase_name(Phase p);
using PhaseSeconds = std::array<double, kPhaseCount>;

class Model {
 public:
  // order_households: households in order of size (household_order.hpp), as runs
  // have them; false only for the test that results do not depend on the order.
  Model(const Scenario& sc, std::uint64_t seed, bool order_households = true);
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  void step();
  bool finished() const { return w_.t >= w_.sc.periods(); }
  const World& world() const { return w_; }
  const RunResult& result() const { return res_; }
  RunResult take_result() { return std::move(res_); }
  const PhaseSeconds& phase_seconds() const { return phase_seconds_; }

 private:
  void finish_period();

  World w_;
  HouseholdFactory factory_;  // refers to w_.sc: declared after it
  RunResult res_;
  BalanceSnapshot last_;
  PhaseSeconds phase_seconds_{};
};

// Progress callback: (year just simulated, periods done, periods in all).
using Progress = std::function<void(int, int, int)>;

RunResult simulate(const Scenario& sc, std::uint64_t seed, const Progress& progress = {});

}  // namespace hukou
