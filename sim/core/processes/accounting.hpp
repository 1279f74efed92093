// 9. Accounting. Counts every agent by where they live and where their hukou is,
// adds the urban stocks, and writes the period's outputs in persons (agents times
// the scale). The engine then checks the population balance (balance.hpp).
//
// One household at a time, in a sweep of its own; the outputs per zone after it.
#pragma once
#include <cstdint>

#include "../results.hpp"
#include "../step.hpp"
#include "../world.hpp"

namespace hukou {

class Accounting {
 public:
  Accounting(World&, const PeriodEnv& env) : out_(env.out) {}
  [[gnu::always_inline]] void household(World& w, Counters& c, std::uint32_t h, Visit&) const;
  void finish(World& w);  // the period's row of outputs

 private:
  RunResult& out_;
};

// Members are tallied per household first (in town, settled, with a permit), then
// added to the zones: every member of a household lives either in its zone or,
// left behind, in its village of origin, and is registered in its zone (settled)
// or its origin; so per-household sums give the same integer counts as adding
// each person where residence_zone/registration_zone put them, with far fewer adds.
inline void Accounting::household(World& w, Counters& c, std::uint32_t h, Visit&) const {
  const auto& P = w.pop.p;
  const auto& H = w.pop.h;
  if (H.loc[h] == Location::gone) return;
  const bool settled = is_settled(w.pop, h);
  const std::size_t z = H.zone[h];
  const std::int64_t n = H.members[h];
  std::int64_t in_town = 0, hukou = 0, permits = 0;
  for (std::uint32_t i = H.first[h]; i < H.first[h] + H.members[h]; ++i) {
    in_town += (P.flags[i] & pflag::in_town) ? 1 : 0;
    hukou += (P.flags[i] & pflag::settled) ? 1 : 0;
    permits += P.permit_years[i] > 0 ? 1 : 0;
  }
  const bool origin_inside = H.origin[h] != kOutside;
  c.add(z, Flow::agents, n);
  c.add(z, Flow::permits, permits);
  if (H.loc[h] == Location::town) {
    c.add(z, Flow::residents, in_town);
    if (origin_inside) c.add(H.origin[h], Flow::residents, n - in_town);
    c.add(z, Flow::town_residents, in_town);
    if (!settled) c.add(z, Flow::unsettled_town, in_town);
  } else {
    c.add(z, Flow::residents, n);
  }
  c.add(z, Flow::registered, hukou);
  if (origin_inside) c.add(H.origin[h], Flow::registered, n - hukou);
  if (settled) {
    c.add(z, Flow::urban_registered, hukou);
    if (origin_inside) c.add(H.origin[h], Flow::urban_registered, n - hukou);
  }
  if ((H.flags[h] & hflag::relocated) && origin_inside) c.add(H.origin[h], Flow::relocation_listed, n);
  if (settled && !(H.flags[h] & hflag::reclassified)) {
    if (H.flags[h] & hflag::exited) c.add(z, Flow::rights_exited);
    else if (H.flags[h] & (hflag::land | hflag::homestead)) c.add(z, Flow::rights_kept);
  }
}

}  // namespace hukou
