#include "demography.hpp"

#include "../compact.hpp"
#include "../urban_cohorts.hpp"

namespace hukou {

Demography::Demography(World& w, const PeriodEnv&)
    : scratch_(w.pop.scratch),
      border_(w),
      fertility_(rng::threshold(w.vital.fertility_in(w.t))),
      death_key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::death),
      birth_key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::birth) {
  for (ZoneState& z : w.zs) advance_urban_stock(z, w.vital, w.t, w.sc.params.demography_partnered_share);
  // Death probabilities by sex and age, as thresholds once rather than per person.
  for (std::size_t s : {kMale, kFemale})
    for (std::size_t x = 0; x < kAges; ++x) death_[s][x] = rng::threshold(w.vital.q_in(s, x, w.t));
  // Each household's size after deaths and births and, if kept, its new first
  // member: every size is written by the sweep.
  BlockPlan::prepare(scratch_, w.pop.h.size());
}

void Demography::finish(World& w) { compact(w); }

}  // namespace hukou
