// The base-year conversions of the zones' stocks, each the calibrated form of a
// base-year rate that no source gives. The zones' residents are sourced and the
// rates are not, so both move residents between categories and create or remove
// no one.
//
// population.village_share_factor (the resident rate): each zone's
// rural_hukou_village becomes rural_hukou_village x factor, the difference taken
// from (factor > 1) or given to (factor < 1) the zone's rural_hukou_town. A zone
// whose rural-hukou town residents run out gives all of them and no more.
//
// population.urban_hukou_factor (the registered rate): each zone's urban_hukou
// becomes urban_hukou x factor, the difference taken from (factor > 1) or given to
// (factor < 1) the zone's rural_hukou_town. A zone whose rural-hukou town residents
// run out converts all of them and no more: its rate cannot exceed what its town
// residents allow.
#pragma once
#include "scenario.hpp"

namespace hukou {

// Applies population.village_share_factor, then population.urban_hukou_factor, to
// the zones' base-year stocks of sc (the World's own copy: every reader of the
// stocks, synthesis and the urban cohorts, sees the result). The village factor
// comes first so the registered rate's conversion works on the town residents the
// resident rate leaves. Both factors 1 leave sc as it is.
void apply_base_year_factors(Scenario& sc);

// The two steps of apply_base_year_factors, each alone; factor 1 leaves sc as it is.
void convert_village_share(Scenario& sc);
void convert_urban_hukou(Scenario& sc);

}  // namespace hukou
