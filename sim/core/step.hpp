// What a process is to the schedule: a step, run over the households by a sweep
// (sweep.hpp) at the place the schedule gives it (schedule.hpp).
//
// A step is a class, one per process (processes/<name>.hpp), with
//   Step(World& w, const PeriodEnv& env)
//       its per-period work before the sweep: tables, constants, per-zone updates;
//   household(World& w, Counters& flows, std::uint32_t h, Visit& v[, Local& l])
//       its work on household h, inside the sweep's loop; `flows` is this thread's
//       part of the period's flows. A step with member() returns a bool: whether
//       member() runs for h's members;
// and, if it needs them,
//   member(World& w, std::uint32_t h, std::uint32_t i, int age)
//       its work on member i of h, living in town and aged `age`;
//   Local local(std::uint32_t first)
//       what it keeps per block of households from `first`: this thread's
//       tallies, a plan recorded block by block;
//   bool idle() const
//       nothing to do this period (a sweep whose steps are all idle has no loop);
//   void finish(World& w)
//       its per-period work after the sweep: per zone, allocation under capacity.
//
// household() and member() are defined in the step's header, inline and
// [[gnu::always_inline]]: the sweep's loop runs them for every household and
// member, and GCC otherwise calls the larger ones there, once per household.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace hukou {

class HouseholdFactory;
struct RunResult;

// What a step hands on to the later steps of its sweep for the same household.
struct Visit {
  // The settlement channels that admit the household, when housing found them
  // along with its rental condition, from the same facts (processes/housing.hpp);
  // eligibility then takes them instead of testing the channels again.
  std::optional<std::uint32_t> channels;
};

// Identifies a step (a process) in a Layout: the address of a variable of its own.
using StepKey = const void*;
template <class Step>
inline constexpr char step_tag = 0;
template <class Step>
constexpr StepKey step_key() { return &step_tag<Step>; }

// Where each step of a schedule runs this period: its sweep, and its place in
// the order of all steps. Steps ask it what ran before them, or runs in their
// sweep, where their work depends on it.
class Layout {
 public:
  constexpr void add(StepKey step, int sweep) {
    steps_[count_] = {step, sweep, static_cast<int>(count_)};
    ++count_;
  }
  // Both run, A's work on a household before B's.
  template <class A, class B>
  constexpr bool before() const {
    const Entry *a = find(step_key<A>()), *b = find(step_key<B>());
    return a && b && a->place < b->place;
  }
  // Both run in one sweep, A before B.
  template <class A, class B>
  constexpr bool same_sweep_before() const {
    const Entry *a = find(step_key<A>()), *b = find(step_key<B>());
    return a && b && a->sweep == b->sweep && a->place < b->place;
  }

 private:
  struct Entry {
    StepKey step = nullptr;
    int sweep = 0, place = 0;
  };
  constexpr const Entry* find(StepKey s) const {
    for (std::size_t k = 0; k < count_; ++k)
      if (steps_[k].step == s) return &steps_[k];
    return nullptr;
  }
  std::array<Entry, 32> steps_{};
  std::size_t count_ = 0;
};

// What a step's constructor sees of the period besides the World.
struct PeriodEnv {
  const Layout& layout;
  const HouseholdFactory& factory;  // households arriving from outside (moves)
  RunResult& out;                   // the outputs, a row per period (accounting)
};

}  // namespace hukou
