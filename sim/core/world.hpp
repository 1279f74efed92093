// The state of one run: the scenario it was started with (a copy), the agents, the
// zone aggregates and the period's flow counters. The processes change it, each
// from its own file under processes/, in the order schedule.hpp gives.
#pragma once
#include <cstdint>
#include <vector>

#include "counters.hpp"
#include "population.hpp"
#include "rules.hpp"
#include "scenario.hpp"
#include "vital_rates.hpp"

namespace hukou {

struct ZoneState {
  double urban_stock = 0.0;       // urban-hukou persons not simulated as agents: the sum of urban_age
  AgeTable urban_age{};           // the urban stock by sex and age (on 1 January), urban_cohorts.hpp
  double urban_births = 0.0, urban_deaths = 0.0;  // the urban stock's, this period
  double admitted_share = 0.0;    // unsettled town residents whom a settlement channel admits, share (accounting)
  double school_places = 0.0;     // public-school places for non-hukou children, persons
  double rental_units = 0.0;      // public rental units available to migrants, in agent households
  // Set each period before decisions (step 6), from the state at that point:
  double school_access = 1.0;     // share of non-hukou school demand that finds a place
  // Chance that an eligible applicant gets a unit. The base year's, which the
  // burn-in and the first period's decisions read, is 0 (assumption: the units were
  // let before the base year and the households settled then wait for them: the
  // new urban registrations of the years before it, China,2014|2016 registered-rate
  // rows, far outnumber the units; docs/model.md, "Public rental in the first year").
  double rental_chance = 0.0;
  std::int64_t rental_occupied = 0, rental_queue = 0;  // agent households
  std::int64_t school_demand = 0;                      // non-hukou children 6-14 in town, agents
  std::int64_t school_hukou = 0;                       // settled children 6-14 in town, agents
};

// Public rental per household, set by housing (step 4) for its queue and for the
// decision (step 7).
namespace rental {
inline constexpr std::uint8_t applies = 1 << 0;  // in the queue for a unit
// Settling would make it eligible (admitted as if settled, not as it is); set only
// where `World::rental_gain_set` (see processes/housing.cpp).
inline constexpr std::uint8_t gained_by_settling = 1 << 1;
}  // namespace rental

struct World {
  Scenario sc;
  Rules rules;  // sc's conditions, compiled
  std::uint64_t seed = 0;
  int t = 0;  // period index; 0 is the base year
  Population pop;
  bool order_households = true;  // the base population and each inflow in order of size (household_order.hpp)
  std::vector<ZoneState> zs;
  std::vector<double> peer_share;        // per origin group: zones, then outside
  // Per origin group: persons who held a town hukou before the base year (earlier
  // converts, in the urban aggregate, not agents), counted among the group's peers.
  std::vector<double> peer_base;
  Counters flows;                        // this period's flows
  std::vector<std::uint32_t> eligible;   // per household: bit c set if channel c admits it (step 6)
  std::vector<std::uint8_t> rental;      // per household: rental:: bits (step 4)
  bool rental_gain_set = false;          // this period's rental::gained_by_settling bits are set
  std::vector<std::uint32_t> housed;     // households given a public rental unit this period (step 4)
  std::vector<double> aggregate_settled; // [zone][channel] persons settled outside the agents this period
  // Fixed in the base year (base_year_rates.hpp):
  VitalRates vital;                      // mortality and fertility
  double departure_rate = 0.0;           // out-migration of households with a head aged 30 or less
  std::vector<double> admitted_share0;   // per zone: ZoneState::admitted_share of the base year

  int year() const { return sc.base_year + t; }
  std::size_t zones() const { return sc.zones.size(); }
  std::size_t origin_group(std::uint8_t origin) const {
    return origin == kOutside ? sc.zones.size() : origin;
  }
};

// Where person i, a member of household h, lives and where their hukou is, as
// zone indices; -1: outside the prefecture. The population balance is checked over
// these. Inline: they are called per person in demography and every household change.
inline int residence_zone(const Population& pop, std::uint32_t h, std::uint32_t i) {
  if (pop.p.flags[i] & pflag::away) return -1;  // registered here, living elsewhere
  switch (pop.h.loc[h]) {
    case Location::gone: return -1;
    case Location::village: return pop.h.zone[h];
    case Location::town:
      if (pop.p.flags[i] & pflag::in_town) return pop.h.zone[h];
      // Left behind: in the village of origin, or outside for non-local migrants.
      return pop.h.origin[h] == kOutside ? -1 : pop.h.origin[h];
  }
  return -1;
}

inline int registration_zone(const Population& pop, std::uint32_t h, std::uint32_t i) {
  if (pop.h.loc[h] == Location::gone) return -1;
  if (pop.p.flags[i] & pflag::settled) return pop.h.zone[h];
  return pop.h.origin[h] == kOutside ? -1 : pop.h.origin[h];
}

inline bool is_settled(const Population& pop, std::uint32_t h) {
  return pop.p.flags[pop.h.first[h]] & pflag::settled;
}
inline int age_of(const World& w, std::uint32_t person) { return w.year() - w.pop.p.birth_year[person]; }

}  // namespace hukou
