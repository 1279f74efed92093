// The base year's age and sex structure by single year of age, from the census
// groups of the scenario (population.city_age: 0-14, 15-59, 60-64, 65+) and its
// sex ratio (scenarios/data/README.md 3.1-3.2):
// - each group is spread evenly over its ages, except 65+, spread over 65-109 in
//   proportion to l(x) e^(-0.05 (x - 65)), l the survivors of the mortality
//   schedule (the tilt puts about a fifth of 65+ above 80, as the 2020 census did);
// - the men's share at age x is r l_m(x) / (r l_m(x) + l_f(x)), r such that the sex
//   ratio of the whole is the scenario's;
// - village residents are tilted to the old: their 60+ share is old_age_ratio times
//   the city's, the other groups scaled down alike.
#pragma once
#include <array>
#include <cstddef>

#include "scenario.hpp"
#include "vital_rates.hpp"

namespace hukou {

// Shares of the residents of the city by [sex][age] (age at the end of the base
// year), summing to 1.
AgeTable resident_shares(const Scenario& sc);
// The same for village residents.
AgeTable village_shares(const Scenario& sc);

// Groups that the synthetic villages are fitted to (synth.cpp): the census groups,
// with 65+ split as 65-74, 75-84, 85+ (the spreading above decides the split).
inline constexpr std::size_t kAgeGroups = 6;
inline std::size_t age_group(int age) {
  if (age < 15) return 0;
  if (age < 60) return 1;
  if (age < 65) return 2;
  if (age < 75) return 3;
  if (age < 85) return 4;
  return 5;
}
using GroupTable = std::array<std::array<double, kAgeGroups>, 2>;  // [sex][group]
GroupTable grouped(const AgeTable& t);

}  // namespace hukou
