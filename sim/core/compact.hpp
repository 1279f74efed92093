// Rebuilds the population's arrays after deaths, births and departures so that
// each household's members stay adjacent and no dead or departed agent is carried
// on. Newborns go right after their household's members. Follows the plan that
// demography records per block of households (compact_plan.hpp).
#pragma once
#include "world.hpp"

namespace hukou {

void compact(World& w);

}  // namespace hukou
