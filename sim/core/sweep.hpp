// The generic sweep: runs the steps of one sweep of the schedule (schedule.hpp)
// in one loop over the households, and a schedule's sweeps one after another.
// The steps are template parameters, so their household() and member() parts
// (step.hpp) are compiled into the loop.
//
// Per household h, in the sweep's order, each step's household(); then, if any
// step asked for it, one loop over h's members living in town, each member through
// each asking step's member(). After the loop, each step's finish() in order;
// households that a finish() appends (moves' inflow) go through the sweep's later
// steps before those finish. schedule.hpp says when this equals running the steps
// one after another.
//
// In blocks of kGrain households (parallel.hpp), each with its steps' Local parts.
#pragma once
#include <chrono>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "parallel.hpp"
#include "phase.hpp"
#include "step.hpp"
#include "world.hpp"

namespace hukou {

// One sweep: its steps in order, timed as `phase`.
template <Phase phase, class... Steps>
struct Sweep {};

// A period: its sweeps in order.
template <class... Sweeps>
struct Schedule {};

// A step the schedule leaves out (If<false, S>): no work, no place in the Layout.
struct Off {
  Off(World&, const PeriodEnv&) {}
  void household(World&, Counters&, std::uint32_t, Visit&) {}
  bool idle() const { return true; }
};
template <bool on, class Step>
using If = std::conditional_t<on, Step, Off>;

namespace sweep_detail {
template <class S>
concept HasMember = requires(S& s, World& w) { s.member(w, 0u, 0u, 0); };
template <class S>
concept HasLocal = requires(S& s) { s.local(0u); };
template <class S>
concept HasFinish = requires(S& s, World& w) { s.finish(w); };
template <class S>
concept HasIdle = requires(const S& s) { s.idle(); };

struct NoLocal {};
// A step's Local for the block from `first`: a reference to a thread's part, or
// made in place (a plan that cannot be moved).
template <class S>
decltype(auto) make_local(S& s, std::uint32_t first) {
  if constexpr (HasLocal<S>) return s.local(first);
  else return NoLocal{};
}

// s.household(...), with its Local if it has one; whether member() is to run.
template <class S, class L>
[[gnu::always_inline]] inline bool household(S& s, World& w, Counters& c, std::uint32_t h, Visit& v, L& l) {
  if constexpr (HasMember<S>) {
    if constexpr (HasLocal<S>) return s.household(w, c, h, v, l);
    else return s.household(w, c, h, v);
  } else {
    if constexpr (HasLocal<S>) s.household(w, c, h, v, l);
    else s.household(w, c, h, v);
    return false;
  }
}

// The steps of one sweep, held and run in order.
template <class... S>
class Group;

template <>
class Group<> {
 public:
  static constexpr bool kMembers = false;
  Group(World&, const PeriodEnv&) {}
  struct Local {
    Local(Group&, std::uint32_t) {}
  };
  bool idle() const { return true; }
  void household(World&, Counters&, std::uint32_t, Visit&, bool*, Local&) {}
  void member(World&, std::uint32_t, std::uint32_t, int, const bool*) {}
  void finish(World&, std::uint32_t) {}
};

template <class G>
void sweep(World& w, G& g, std::uint32_t begin, std::uint32_t end);

template <class S, class... R>
class Group<S, R...> {
 public:
  static constexpr bool kMembers = HasMember<S> || Group<R...>::kMembers;
  static constexpr std::size_t kSteps = 1 + sizeof...(R);

  // The steps' per-period work, in order.
  Group(World& w, const PeriodEnv& env) : head_(w, env), tail_(w, env) {}

  struct Local {
    decltype(make_local(std::declval<S&>(), 0u)) head;
    typename Group<R...>::Local tail;
    Local(Group& g, std::uint32_t first) : head(make_local(g.head_, first)), tail(g.tail_, first) {}
  };

  bool idle() const {
    if constexpr (HasIdle<S>) return head_.idle() && tail_.idle();
    else return false;
  }
  // Each step's household(); want[k]: whether step k's member() runs.
  [[gnu::always_inline]] void household(World& w, Counters& c, std::uint32_t h, Visit& v, bool* want, Local& l) {
    *want = sweep_detail::household(head_, w, c, h, v, l.head);
    tail_.household(w, c, h, v, want + 1, l.tail);
  }
  [[gnu::always_inline]] void member(World& w, std::uint32_t h, std::uint32_t i, int age, const bool* want) {
    if constexpr (HasMember<S>)
      if (*want) head_.member(w, h, i, age);
    tail_.member(w, h, i, age, want + 1);
  }
  // The finish() parts in order, after a loop over the first n households; the
  // households a finish() appends go through the later steps first.
  void finish(World& w, std::uint32_t n) {
    if constexpr (HasFinish<S>) head_.finish(w);
    const auto now = static_cast<std::uint32_t>(w.pop.h.size());
    if constexpr (sizeof...(R) > 0)
      if (now > n && !tail_.idle()) sweep(w, tail_, n, now);
    tail_.finish(w, now);
  }

 private:
  S head_;
  Group<R...> tail_;
};

// Household h through every step of g.
template <class G>
[[gnu::always_inline]] inline void visit(World& w, Counters& c, std::uint32_t h, G& g, typename G::Local& l) {
  Visit v;
  bool want[G::kSteps];
  g.household(w, c, h, v, want, l);
  if constexpr (G::kMembers) {
    bool any = false;
    for (const bool x : want) any = any || x;
    if (!any) return;
    const auto& H = w.pop.h;
    const auto& P = w.pop.p;
    for (std::uint32_t i = H.first[h]; i < H.first[h] + H.members[h]; ++i)
      if (P.flags[i] & pflag::in_town) g.member(w, h, i, age_of(w, i), want);
  }
}

// Households [begin, end) through every step of g.
template <class G>
void sweep(World& w, G& g, std::uint32_t begin, std::uint32_t end) {
  for_household_blocks(begin, end, w.flows, [&](std::uint32_t first, std::uint32_t last, Counters& c) {
    typename G::Local l(g, first);
    for (std::uint32_t h = first; h != last; ++h) visit(w, c, h, g, l);
  });
}

// Not inlined, so that each sweep is a function of its own in profiles.
template <Phase phase, class... S>
[[gnu::noinline]] void run(Sweep<phase, S...>, World& w, const PeriodEnv& env, PhaseSeconds& seconds) {
  if constexpr (!(std::is_same_v<S, Off> && ...)) {
    const auto t0 = std::chrono::steady_clock::now();
    {
      Group<S...> g(w, env);
      const auto n = static_cast<std::uint32_t>(w.pop.h.size());
      if (!g.idle()) sweep(w, g, 0, n);
      g.finish(w, n);
    }
    seconds[static_cast<std::size_t>(phase)] +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
}

template <Phase phase, class... S>
constexpr void place(Layout& layout, int sweep, Sweep<phase, S...>) {
  ((std::is_same_v<S, Off> ? void() : layout.add(step_key<S>(), sweep)), ...);
}

template <class... Sweeps>
constexpr Layout layout_of(Schedule<Sweeps...>) {
  Layout layout;
  int sweep = 0;
  (place(layout, sweep++, Sweeps{}), ...);
  return layout;
}

template <class... Sweeps>
void run_all(Schedule<Sweeps...>, World& w, const PeriodEnv& env, PhaseSeconds& seconds) {
  (run(Sweeps{}, w, env, seconds), ...);
}
}  // namespace sweep_detail

// Where each step of a schedule runs.
template <class Sched>
constexpr Layout layout_of() {
  return sweep_detail::layout_of(Sched{});
}

// One period by schedule Sched: its sweeps in order, each timed into `seconds`.
template <class Sched>
void run_schedule(World& w, const HouseholdFactory& factory, RunResult& out, PhaseSeconds& seconds) {
  static constexpr Layout layout = layout_of<Sched>();
  const PeriodEnv env{layout, factory, out};
  sweep_detail::run_all(Sched{}, w, env, seconds);
}

}  // namespace hukou
