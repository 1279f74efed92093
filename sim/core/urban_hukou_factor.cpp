#include "urban_hukou_factor.hpp"

#include <algorithm>

namespace hukou {

namespace {
// The one rule both factors follow: each zone's stock becomes stock x factor, the
// difference taken from (factor > 1) or given to (factor < 1) the zone's
// rural-hukou town residents, stopping when none of them is left. Both sides live
// in the zone, so its residents are unchanged.
void scale_against_town(Scenario& sc, double factor, double ZoneFields::*stock) {
  if (factor == 1.0) return;  // bitwise the scenario's own stocks
  for (Zone& z : sc.zones) {
    ZoneFields& f = z.f;
    const double moved = std::min(f.*stock * (factor - 1.0), f.rural_hukou_town);
    f.*stock += moved;
    f.rural_hukou_town -= moved;
  }
}
}  // namespace

void apply_base_year_factors(Scenario& sc) {
  convert_village_share(sc);
  convert_urban_hukou(sc);
}

// Villagers and town residents of rural hukou: only where they live moves.
void convert_village_share(Scenario& sc) {
  scale_against_town(sc, sc.params.population_village_share_factor, &ZoneFields::rural_hukou_village);
}

// Town residents who change hukou category: they stay town residents.
void convert_urban_hukou(Scenario& sc) {
  scale_against_town(sc, sc.params.population_urban_hukou_factor, &ZoneFields::urban_hukou);
}

}  // namespace hukou
