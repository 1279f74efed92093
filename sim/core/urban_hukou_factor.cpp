#include "urban_hukou_factor.hpp"

#include <algorithm>

namespace hukou {

void apply_base_year_factors(Scenario& sc) {
  convert_village_share(sc);
  convert_urban_hukou(sc);
}

void convert_village_share(Scenario& sc) {
  const double factor = sc.params.population_village_share_factor;
  if (factor == 1.0) return;  // bitwise the scenario's own stocks
  for (Zone& z : sc.zones) {
    ZoneFields& f = z.f;
    // Persons who move from the zone's towns to its villages (negative: the other
    // way). Both are rural-hukou residents of the zone, so its residents and its
    // registered population are unchanged; only where they live moves.
    const double wanted = f.rural_hukou_village * (factor - 1.0);
    const double moved = std::min(wanted, f.rural_hukou_town);
    f.rural_hukou_village += moved;
    f.rural_hukou_town -= moved;
  }
}

void convert_urban_hukou(Scenario& sc) {
  const double factor = sc.params.population_urban_hukou_factor;
  if (factor == 1.0) return;  // bitwise the scenario's own stocks
  for (Zone& z : sc.zones) {
    ZoneFields& f = z.f;
    // Persons who change category: positive from rural to urban hukou. Town
    // residents stay town residents, so the zone's residents are unchanged.
    const double wanted = f.urban_hukou * (factor - 1.0);
    const double moved = std::min(wanted, f.rural_hukou_town);
    f.urban_hukou += moved;
    f.rural_hukou_town -= moved;
  }
}

}  // namespace hukou
