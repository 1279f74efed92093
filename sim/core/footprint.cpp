#include "footprint.hpp"

#include "urban_hukou_factor.hpp"

namespace hukou {

double expected_agents(const Scenario& sc) {
  // The zones as the World synthesizes them: the base-year factors move town
  // residents between the categories, and only the rural-hukou ones are agents.
  Scenario converted = sc;
  apply_base_year_factors(converted);
  double persons = 0.0;
  for (const Zone& z : converted.zones) persons += z.f.rural_hukou_village + z.f.rural_hukou_town + z.f.migrants_outside;
  return persons / sc.scale;
}

double estimated_bytes(const Scenario& sc, std::size_t live) {
  return expected_agents(sc) * kGrowth * kBytesPerAgent * static_cast<double>(live);
}

}  // namespace hukou
