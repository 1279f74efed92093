// 1. Demography. Ageing is implicit (age = year - birth year). Deaths follow a
// Gompertz law; a woman aged 20-39 living with a partner gives birth with a fixed
// yearly probability. A newborn takes the mother's hukou and place, so children of
// settled households are urban-hukou births, not settlements. The urban-hukou stock
// grows at its natural rate as an aggregate.
//
// One household at a time, in a sweep of its own; then compact() drops the dead
// and adds the newborns along the plan recorded here (compact_plan.hpp).
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>

#include "../compact_plan.hpp"
#include "../rng.hpp"
#include "../step.hpp"
#include "../world.hpp"

namespace hukou {

class Demography {
 public:
  Demography(World& w, const PeriodEnv& env);

  // compact()'s plan for the block of households from `first`: demography is the
  // first step of its sweep, whose blocks start at multiples of kGrain.
  BlockPlan local(std::uint32_t first) { return BlockPlan(scratch_, first / kGrain); }
  [[gnu::always_inline]] void household(World& w, Counters& c, std::uint32_t h, Visit&, BlockPlan& plan) const;
  void finish(World& w);

 private:
  CompactScratch& scratch_;
  std::array<std::uint64_t, 256> death_{};  // death probability by age, as thresholds (rng::threshold)
  std::uint64_t fertility_;
  rng::StreamKey death_key_, birth_key_;
};

// Household h's deaths and birth, and its part of compaction's plan.
inline void Demography::household(World& w, Counters& c, std::uint32_t h, Visit&, BlockPlan& plan) const {
  auto& P = w.pop.p;
  const auto& H = w.pop.h;
  const std::uint32_t first = H.first[h], n = H.members[h];
  if (H.loc[h] == Location::gone) return plan.household(P, h, first, n, 0, -1);
  std::int64_t mother = -1;
  bool partner = false;
  std::uint16_t alive = 0;
  for (std::uint32_t i = first; i < first + n; ++i) {
    const int age = age_of(w, i);
    rng::Draws d(death_key_, P.id[i]);
    if (rng::below(d.next_bits(), death_[static_cast<std::size_t>(std::clamp(age, 0, 255))])) [[unlikely]] {
      P.flags[i] |= pflag::dead;
      const int res = residence_zone(w.pop, h, i), reg = registration_zone(w.pop, h, i);
      if (res >= 0) c.add(res, Flow::deaths);
      if (reg >= 0) c.add(reg, Flow::reg_deaths);
      c.add(H.zone[h], Flow::agents_removed);
      continue;
    }
    // Without branches: whether a member is a woman of 20-39 or a man of 20 or
    // more is as random as the draws, and a misprediction costs more than the
    // arithmetic.
    ++alive;
    const bool female = P.flags[i] & pflag::female;
    const bool adult = age >= 20;
    mother = (female & adult & (age <= 39) & (mother < 0)) ? static_cast<std::int64_t>(i) : mother;
    partner |= !female & adult;
  }
  // The birth is drawn for every household, with a stand-in mother where there
  // is none, and kept only where there is: cheaper than a branch on whether
  // there is a mother, which is mispredicted as often as not.
  const bool can = (mother >= 0) & partner;
  const auto m = static_cast<std::uint32_t>(can ? mother : 0);
  rng::Draws d(birth_key_, P.id[m]);
  const bool born = can & rng::below(d.next_bits(), fertility_);
  plan.household(P, h, first, n, alive, born ? static_cast<std::int64_t>(m) : -1);
  if (!born) return;
  const int res = residence_zone(w.pop, h, m), reg = registration_zone(w.pop, h, m);
  if (res >= 0) c.add(res, Flow::births);
  if (reg >= 0) c.add(reg, Flow::reg_births);
  c.add(H.zone[h], Flow::agents_added);
}

}  // namespace hukou
