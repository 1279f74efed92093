// Makes one synthetic household: the base-year population and each year's
// inflow of migrants come from the same factory, so they share one composition.
// Households of migrants (in town, or away outside the prefecture) are built
// around a head drawn from the migrant survey's profile; village households take
// their members' ages from a shape fitted to the census (village_pool.hpp).
#pragma once
#include <array>
#include <cstdint>

#include "population.hpp"
#include "rng.hpp"
#include "scenario.hpp"
#include "village_pool.hpp"

namespace hukou {

// away: a base-year household of local rural hukou whose movers live outside the
// prefecture (registered here, living elsewhere); those left behind live in its
// village.
enum class HouseholdKind : std::uint8_t { village, town_local, town_outside, away };

class HouseholdFactory {
 public:
  explicit HouseholdFactory(const Scenario& sc);

  // Appends a migrant household (kind town_local, town_outside or away) to pop and
  // returns its index. `newcomer`: just arrived in town (no years in town, no
  // permit, renting); otherwise a base-year household.
  std::uint32_t make(Population& pop, HouseholdKind kind, std::uint8_t zone, std::uint64_t id,
                     int year, bool newcomer, rng::Draws& d) const;
  // Appends a village household of the given shape and returns its index.
  std::uint32_t make_village(Population& pop, std::uint8_t zone, std::uint64_t id, int year,
                             const HouseholdShape& shape, rng::Draws& d) const;

  // Reserves room in pop for households of about `persons` more members, so that
  // make() appends without reallocating (sizes from the household-type shares).
  void reserve(Population& pop, std::int64_t persons) const;

  // Joint age-band x education distributions fitted by IPF (rows: age bands): of
  // migrant heads (bands 16-20 ... 51-65), and of village adults (bands 16-20 ...
  // 51-65, 66-80, 81+, the age marginal from the census).
  const std::vector<double>& migrant_heads() const { return migrant_; }
  const std::vector<double>& village_adults() const { return village_; }

 private:
  // Where a new member lives: in town, in the village, or away (outside).
  enum class Place : std::uint8_t { village, town, away };
  void add_person(Population& pop, std::uint32_t h, int age, bool female, Edu edu, Place place,
                  bool newcomer, int year, rng::Draws& d) const;
  void add_household(Population& pop, HouseholdKind kind, std::uint8_t zone, std::uint64_t id, rng::Draws& d) const;

  const Scenario& sc_;
  std::vector<double> migrant_, village_;
};

}  // namespace hukou
