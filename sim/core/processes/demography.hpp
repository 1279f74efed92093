// 1. Demography. Ageing is implicit (age = year - birth year). Deaths follow the
// Gompertz-Makeham schedule by sex and age, scaled to the city's crude death rate
// (vital_rates.hpp, base_year_rates.hpp); a woman aged 20-39 who lives with a man
// aged 20 or more, both in the prefecture or both away, gives birth with the
// fertility fixed in the base year and changed by a yearly trend (at most one
// birth per household a year). A newborn takes the mother's hukou and place, so
// children of settled households are urban-hukou births, not settlements. Then the moves across the prefecture's
// border (migration.hpp): those away come back or move their hukou out; households
// leave. The urban-hukou stock ages, dies and gives birth as an aggregate
// (urban_cohorts.hpp).
//
// One household at a time, in a sweep of its own; then compact() drops the dead
// and those gone for good and adds the newborns along the plan recorded here
// (compact_plan.hpp).
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>

#include "../compact_plan.hpp"
#include "../rng.hpp"
#include "../step.hpp"
#include "../world.hpp"
#include "migration.hpp"

namespace hukou {

// The member of h who may give birth in the year `ahead` years after the current
// one (ages at its end): the first woman aged 20-39, not dropped, if a man aged 20
// or more lives where she does (both in the prefecture, or both away); -1 if none.
// The definition that Demography::household computes in its own loop.
inline std::int64_t mother_of(const World& w, std::uint32_t h, int ahead) {
  const auto& P = w.pop.p;
  const std::uint32_t first = w.pop.h.first[h], n = w.pop.h.members[h];
  std::int64_t mother = -1;
  for (std::uint32_t i = first; i < first + n && mother < 0; ++i) {
    const int age = age_of(w, i) + ahead;
    if ((P.flags[i] & pflag::female) && !(P.flags[i] & pflag::dead) && age >= kMotherAgeMin && age <= kMotherAgeMax)
      mother = i;
  }
  if (mother < 0) return -1;
  const bool away = P.flags[static_cast<std::uint32_t>(mother)] & pflag::away;
  for (std::uint32_t i = first; i < first + n; ++i)
    if (!(P.flags[i] & (pflag::female | pflag::dead)) && age_of(w, i) + ahead >= kMotherAgeMin &&
        static_cast<bool>(P.flags[i] & pflag::away) == away)
      return mother;
  return -1;
}

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
  BorderMoves border_;
  // Death probability by sex and age on 1 January, as thresholds (rng::threshold).
  std::array<std::array<std::uint64_t, kAges>, 2> death_{};
  std::uint64_t fertility_;
  rng::StreamKey death_key_, birth_key_;
};

// Household h's deaths, its members' and its own moves across the border, and its
// birth; and its part of compaction's plan.
inline void Demography::household(World& w, Counters& c, std::uint32_t h, Visit&, BlockPlan& plan) const {
  auto& P = w.pop.p;
  const auto& H = w.pop.h;
  const std::uint32_t first = H.first[h], n = H.members[h];
  if (H.loc[h] == Location::gone) return plan.household(P, h, first, n, 0, -1);
  std::int64_t mother = -1;
  bool mother_away = false, partner_here = false, partner_away = false;
  std::uint16_t alive = 0;
  for (std::uint32_t i = first; i < first + n; ++i) {
    const int age = age_of(w, i);
    const std::size_t sex = (P.flags[i] & pflag::female) ? kFemale : kMale;
    rng::Draws d(death_key_, P.id[i]);
    // Age on 1 January is one less than at the year's end.
    if (rng::below(d.next_bits(), death_[sex][static_cast<std::size_t>(std::clamp(age - 1, 0, kMaxAge))]))
        [[unlikely]] {
      P.flags[i] |= pflag::dead;
      const int res = residence_zone(w.pop, h, i), reg = registration_zone(w.pop, h, i);
      if (res >= 0) c.add(res, Flow::deaths);
      if (reg >= 0) c.add(reg, Flow::reg_deaths);
      c.add(H.zone[h], Flow::agents_removed);
      continue;
    }
    if ((P.flags[i] & pflag::away) && border_.away_member(w, c, h, i)) continue;  // hukou moved out
    // Without branches: whether a member is a woman of 20-39 or a man of 20 or
    // more is as random as the draws, and a misprediction costs more than the
    // arithmetic.
    ++alive;
    const bool female = sex == kFemale;
    const bool adult = age >= kMotherAgeMin;
    const bool away = P.flags[i] & pflag::away;
    const bool is_mother = female & adult & (age <= kMotherAgeMax) & (mother < 0);
    mother = is_mother ? static_cast<std::int64_t>(i) : mother;
    mother_away = is_mother ? away : mother_away;
    partner_here |= !female & adult & !away;
    partner_away |= !female & adult & away;
  }
  // Who leaves the prefecture, among the survivors; a household that leaves has
  // its mother and partner found again, by the definition (rare).
  if (border_.household(w, c, h)) [[unlikely]] {
    mother = mother_of(w, h, 0);  // -1 without a partner where she lives
    mother_away = false;
    partner_here = true;
  }
  // The birth is drawn for every household, with a stand-in mother where there
  // is none, and kept only where there is: cheaper than a branch on whether
  // there is a mother, which is mispredicted as often as not.
  const bool can = (mother >= 0) & (mother_away ? partner_away : partner_here);
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
