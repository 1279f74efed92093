// The phases a period is timed by: one per sweep of the schedule (schedule.hpp),
// for `hukou bench` and profiling; never part of the results. `town` is the sweep
// of moves, jobs and permits, `housing` that of housing and eligibility;
// `permits` and `eligibility` are their own sweeps, run (and timed) only when
// permits may not run before housing (schedule.hpp), else 0.
#pragma once
#include <array>
#include <cstddef>
#include <string_view>

namespace hukou {

enum class Phase : std::size_t {
  demography, town, housing, permits, eligibility, decision, events, accounting, count_
};
inline constexpr std::size_t kPhaseCount = static_cast<std::size_t>(Phase::count_);

// Wall-clock seconds spent in each phase, summed over the periods run.
using PhaseSeconds = std::array<double, kPhaseCount>;

// The names `hukou bench` prints and writes to its JSON (scripts/bench-ab reads them).
inline std::string_view phase_name(Phase p) {
  static constexpr std::array<std::string_view, kPhaseCount> names{
      "demography", "moves+jobs+permits", "housing+eligibility", "permits (own pass)",
      "eligibility (own pass)", "decision", "events", "accounting"};
  return names[static_cast<std::size_t>(p)];
}

}  // namespace hukou
