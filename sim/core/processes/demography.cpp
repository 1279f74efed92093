// 1. Demography. Ageing is implicit (age = year - birth year). Deaths follow a
// Gompertz law; a woman aged 20-39 living with a partner gives birth with a fixed
// yearly probability. A newborn takes the mother's hukou and place, so children of
// settled households are urban-hukou births, not settlements. The urban-hukou stock
// grows at its natural rate as an aggregate.
#include <algorithm>
#include <array>
#include <cmath>

#include "../compact_plan.hpp"
#include "../parallel.hpp"
#include "../processes.hpp"
#include "../rng.hpp"

namespace hukou {

void demography(World& w) {
  const Params& prm = w.sc.params;
  for (auto& z : w.zs) z.urban_stock *= 1.0 + prm.demography_urban_natural_growth;

  auto& P = w.pop.p;
  auto& H = w.pop.h;
  // Death probabilities by age, computed once rather than an exp() per person, as
  // thresholds on the draw's bits (rng::threshold).
  std::array<std::uint64_t, 256> q{};
  for (std::size_t age = 0; age < q.size(); ++age)
    q[age] = rng::threshold(
        std::min(1.0, prm.demography_mortality_a * std::exp(prm.demography_mortality_b * static_cast<double>(age))));
  // Each household's size after deaths and births and, if kept, its new first
  // member, and compact()'s plan (compact_plan.hpp); every size is written below.
  CompactScratch& s = w.pop.scratch;
  BlockPlan::prepare(s, H.size());
  const auto period = static_cast<std::uint32_t>(w.t);
  const rng::StreamKey death_key(w.seed, period, rng::Stream::death);
  const rng::StreamKey birth_key(w.seed, period, rng::Stream::birth);
  const std::uint64_t fertility = rng::threshold(prm.demography_fertility_rate);
  // Household h's deaths and birth, and its part of compaction's plan. Inlined into
  // the block's loop (GCC called it otherwise), with plan.household() in it.
  const auto one = [&](std::uint32_t h, Counters& c, BlockPlan& plan) __attribute__((always_inline)) {
    const std::uint32_t first = H.first[h], n = H.members[h];
    if (H.loc[h] == Location::gone) return plan.household(P, h, first, n, 0, -1);
    std::int64_t mother = -1;
    bool partner = false;
    std::uint16_t alive = 0;
    for (std::uint32_t i = first; i < first + n; ++i) {
      const int age = age_of(w, i);
      rng::Draws d(death_key, P.id[i]);
      if (rng::below(d.next_bits(), q[static_cast<std::size_t>(std::clamp(age, 0, 255))])) [[unlikely]] {
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
    rng::Draws d(birth_key, P.id[m]);
    const bool born = can & rng::below(d.next_bits(), fertility);
    plan.household(P, h, first, n, alive, born ? static_cast<std::int64_t>(m) : -1);
    if (!born) return;
    const int res = residence_zone(w.pop, h, m), reg = registration_zone(w.pop, h, m);
    if (res >= 0) c.add(res, Flow::births);
    if (reg >= 0) c.add(reg, Flow::reg_births);
    c.add(H.zone[h], Flow::agents_added);
  };
  for_household_blocks(w, w.flows, [&](std::uint32_t b, std::uint32_t begin, std::uint32_t end, Counters& c) {
    BlockPlan plan(s, b);
    for (std::uint32_t h = begin; h != end; ++h) one(h, c, plan);
  });
  compact(w);
}

}  // namespace hukou
