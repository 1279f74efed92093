#include "footprint.hpp"

namespace hukou {

double expected_agents(const Scenario& sc) {
  double persons = 0.0;
  for (const Zone& z : sc.zones) persons += z.f.rural_hukou_village + z.f.rural_hukou_town + z.f.migrants_outside;
  return persons / sc.scale;
}

double estimated_bytes(const Scenario& sc, std::size_t live) {
  return expected_agents(sc) * kGrowth * kBytesPerAgent * static_cast<double>(live);
}

}  // namespace hukou
