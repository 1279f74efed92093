// Rates fixed once, in the base year, from the synthetic population, so that each
// parameter means what its source measures (docs/model.md, 5. Initialization):
// - mortality scale k: the expected deaths of the reference population (residents,
//   or the registered population if demography.rates_registered) in the first
//   simulated year, over its size, equal demography.death_rate;
// - fertility f: the expected births, likewise, equal demography.birth_rate (it
//   then changes by demography.birth_rate_change a year);
// - the households' out-migration rate: the expected movers of the first simulated
//   year equal moves.out_migration_rate of the rural-hukou residents.
// Expectations, not draws, and sums in a fixed order: the same for any thread count.
#pragma once
#include "world.hpp"

namespace hukou {

// w.vital and w.departure_rate, from w.pop and w.zs (the urban stocks' ages set).
void fix_base_year_rates(World& w);

}  // namespace hukou
