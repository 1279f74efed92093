#include "urban_hukou_factor.hpp"

#include <algorithm>

namespace hukou {

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
