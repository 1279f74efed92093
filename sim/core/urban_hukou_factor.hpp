// population.urban_hukou_factor, the calibrated form of a base-year registered
// rate that no source gives. The resident population is sourced and the rate is
// not, so the factor moves town residents between the two hukou categories and
// creates or removes no one: each zone's urban_hukou becomes urban_hukou x factor,
// and the difference comes from (factor > 1) or goes to (factor < 1) the zone's
// rural_hukou_town. A zone whose rural-hukou town residents run out converts all of
// them and no more: its rate cannot exceed what its town residents allow.
#pragma once
#include "scenario.hpp"

namespace hukou {

// Applies the factor to the zones' base-year stocks of sc (the World's own copy:
// every reader of the stocks, synthesis and the urban cohorts, sees the result).
// factor = 1 leaves sc as it is.
void convert_urban_hukou(Scenario& sc);

}  // namespace hukou
