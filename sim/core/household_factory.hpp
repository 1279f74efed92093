// Makes one synthetic household: the base-year population and each year's
// inflow of migrants come from the same factory, so they share one composition.
#pragma once
#include <array>
#include <cstdint>

#include "population.hpp"
#include "rng.hpp"
#include "scenario.hpp"

namespace hukou {

enum class HouseholdKind : std::uint8_t { village, town_local, town_outside };

class HouseholdFactory {
 public:
  explicit HouseholdFactory(const Scenario& sc);

  // Appends a household to pop and returns its index. `newcomer`: just arrived in
  // town (no years in town, no permit, renting); otherwise a base-year household.
  std::uint32_t make(Population& pop, HouseholdKind kind, std::uint8_t zone, std::uint64_t id,
                     int year, bool newcomer, rng::Draws& d) const;

  // Reserves room in pop for households of about `persons` more members, so that
  // make() appends without reallocating (sizes from the household-type shares).
  void reserve(Population& pop, std::int64_t persons) const;

  // Joint head age-band x education distributions fitted by IPF (rows: age bands).
  const std::array<double, 25>& migrant_heads() const { return migrant_; }
  const std::array<double, 25>& village_heads() const { return village_; }

 private:
  void add_person(Population& pop, std::uint32_t h, int age, bool female, Edu edu, bool in_town,
                  HouseholdKind kind, bool newcomer, int year, rng::Draws& d) const;

  const Scenario& sc_;
  std::array<double, 25> migrant_{}, village_{};
};

}  // namespace hukou
