#include "demography.hpp"

#include <cmath>

#include "../compact.hpp"

namespace hukou {

Demography::Demography(World& w, const PeriodEnv&)
    : scratch_(w.pop.scratch),
      fertility_(rng::threshold(w.sc.params.demography_fertility_rate)),
      death_key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::death),
      birth_key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::birth) {
  const Params& prm = w.sc.params;
  for (auto& z : w.zs) z.urban_stock *= 1.0 + prm.demography_urban_natural_growth;
  // Death probabilities by age, computed once rather than an exp() per person.
  for (std::size_t age = 0; age < death_.size(); ++age)
    death_[age] = rng::threshold(
        std::min(1.0, prm.demography_mortality_a * std::exp(prm.demography_mortality_b * static_cast<double>(age))));
  // Each household's size after deaths and births and, if kept, its new first
  // member: every size is written by the sweep.
  BlockPlan::prepare(scratch_, w.pop.h.size());
}

void Demography::finish(World& w) { compact(w); }

}  // namespace hukou
