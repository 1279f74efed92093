// The base-year synthetic population: each zone's village residents, local
// rural-hukou town residents, its registered rural-hukou people living outside
// the prefecture (population.away_share) and migrants from outside, as households.
#pragma once
#include <cstdint>
#include <vector>

#include "household_factory.hpp"
#include "population.hpp"
#include "scenario.hpp"

namespace hukou {

// Stochastic rounding of persons/scale to agents, so that expected totals in persons
// are right whatever the scale.
std::int64_t agents_for(double persons, double scale, rng::Draws& d);

// Builds the population. Town and away households are made first; their
// left-behind members count against the zone's village residents, whose
// households are fitted to the census ages (village_pool.hpp). With `by_size`, the
// households are in order of size (household_order.hpp), stably; otherwise in the
// order they are made.
Population synthesize(const Scenario& sc, std::uint64_t seed, const HouseholdFactory& factory, bool by_size);

// Household id of the k-th household of a category of a zone made in a period.
std::uint64_t household_id(std::size_t zone, HouseholdKind kind, std::uint32_t period, std::uint64_t k);

}  // namespace hukou
