// Processes 2 (moves), 3 (jobs) and 5 (permits) in one sweep over households
// (steps.hpp says why and when this equals running them one after another).
// Per household, in the processes' order:
//   - a household in town at the start of the period: its members living in town
//     accrue a year in town (moves);
//   - a village household may move to town (moves); movers start at 0 years;
//   - then, if it is in town: each member living in town aged 16 or more goes
//     through jobs, then (households without hukou) permits.
// The households arriving from outside are appended after the sweep and go
// through jobs and permits in their own loop, as they did when each process swept
// all households.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "../household_ops.hpp"
#include "../parallel.hpp"
#include "../processes.hpp"
#include "../steps.hpp"

namespace hukou {

namespace {
// Jobs, and permits if they run here, for the members of town household h.
struct TownMembers {
  JobStep jobs;
  PermitStep permits;
  bool with_permits;

  void operator()(World& w, std::uint32_t h, bool accrue) const {
    auto& P = w.pop.p;
    const auto& H = w.pop.h;
    const bool permits_here = with_permits && !is_settled(w.pop, h);
    for (std::uint32_t i = H.first[h]; i < H.first[h] + H.members[h]; ++i) {
      if (!(P.flags[i] & pflag::in_town)) continue;
      if (accrue && P.town_years[i] < 255) ++P.town_years[i];
      const int age = age_of(w, i);
      if (age < 16) continue;
      jobs(w, h, i, age);
      if (permits_here) permits(w, i);
    }
  }
};
}  // namespace

void town_pass(World& w, const HouseholdFactory& factory, bool with_permits) {
  const auto& H = w.pop.h;
  const MoveStep move(w);
  const TownMembers members{JobStep(w), PermitStep(w), with_permits};
  for_households(w, [&](std::uint32_t h, Counters& c) {
    if (H.loc[h] == Location::town) members(w, h, true);
    else if (move(w, c, h)) members(w, h, false);
  });

  const std::uint32_t before = arrive(w, factory);
  LocalCounters lc(w.flows);
  tbb::parallel_for(tbb::blocked_range<std::uint32_t>(before, static_cast<std::uint32_t>(H.size()), kGrain),
                    [&](const auto& r) {
                      Counters& c = lc.local();
                      for (std::uint32_t h = r.begin(); h != r.end(); ++h) {
                        record_arrival(w, c, h);
                        if (H.loc[h] == Location::town) members(w, h, false);
                      }
                    });
  lc.merge_into(w.flows);
}

}  // namespace hukou
