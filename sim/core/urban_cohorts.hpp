// The urban stock (urban-hukou people, not agents) as an aggregate by sex and
// single year of age: it ages, dies and gives birth by the agents' schedules
// (vital_rates.hpp), so the city's crude rates come from its whole age structure.
//
// Its base-year ages are what the census leaves once the agents are counted: the
// city's residents by age and sex (age_structure.hpp) less the resident agents,
// negative remainders set to 0, scaled to the urban stock. Every zone's stock takes
// those shares (the census gives no ages by zone).
#pragma once
#include "world.hpp"

namespace hukou {

// Sets every zone's urban_age and urban_stock from its urban_hukou (base year).
void init_urban_stocks(World& w);

// Period t: deaths by q(x), births of the women who are 20-39 at the end of the
// year (fertility x partnered share), then everyone a year older; the newborns
// are age 0 on 1 January. Records urban_births and urban_deaths.
void advance_urban_stock(ZoneState& z, const VitalRates& v, int t, double partnered_share);

// Adds persons to the stock, spread evenly over ages [lo, hi] and both sexes.
void add_to_urban_stock(ZoneState& z, double persons, int lo, int hi);

}  // namespace hukou
