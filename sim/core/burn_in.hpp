// The base year's town households have lived under the rules in force before it,
// and those who would have settled under them did: they are in the urban-hukou
// aggregate, not among the agents. Synthesis draws from the composition of all
// migrants, not of those who are still unsettled, so without this step the first
// simulated year settles a backlog of households the past rules would have settled
// (issue 23).
//
// Each unsettled town household is exposed, in each of the last
// decision.burn_in_years years up to the base year that its head has lived in town,
// to the channels open on a decision date in that year, and chooses as step 7 does
// on its base-year facts (assumption: its situation then is read from now). One
// that settles in any of those years is replaced by a fresh draw of the same kind,
// zone, size and members in town that does not: rejection sampling from the
// composition weighted by the chance of not having settled. Sizes are kept, so every
// base-year count from data stays exact. Returns and deaths in those years are not
// replayed: the base year's stocks are the data's.
#pragma once
#include <cstdint>

#include "household_factory.hpp"
#include "world.hpp"

namespace hukou {

struct BurnInCounts {
  std::int64_t exposed = 0;    // unsettled town households with a channel open in some burn-in year
  std::int64_t replaced = 0;   // of those, replaced by a household that would not have settled
  std::int64_t kept = 0;       // would have settled, but no replacement was found (kept as drawn)
};

// Needs the base year's eligibility (w.eligible, peer shares, school access); the
// caller runs eligibility again where households were replaced. Deterministic and
// independent of the number of threads: draws are keyed by household id, and the
// replacements are made in the households' order.
BurnInCounts burn_in(World& w, const HouseholdFactory& factory);

}  // namespace hukou
