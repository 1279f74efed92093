// Village households of the base year, fitted to the census's age structure.
//
// A pool of household shapes (the members' ages and sexes, head first) is drawn
// from household types of rural China: young singles and couples, couples with
// children, three generations, elderly couples and singles, grandparents with
// left-behind grandchildren. Each zone then weights the pool by iterative
// proportional updating (IPU: Ye, Konduri, Pendyala, Sana & Waddell 2009, "A
// methodology to match distributions of both household and person attributes in
// the generation of synthetic populations"), so that the weighted members match the
// zone's village residents by sex and age group (age_structure.hpp) less those
// already left behind there by town and away households; the village households
// are drawn from the pool by those weights.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "age_structure.hpp"

namespace hukou {

struct HouseholdShape {
  static constexpr std::size_t kMaxMembers = 6;
  std::uint8_t members = 0;
  std::array<std::uint8_t, kMaxMembers> age{};  // at the end of the base year; [0] the head
  std::uint8_t female = 0;                      // bit k: member k is a woman
};

// The pool: `size` shapes drawn under `seed` (so replicates differ in their
// villages, and a run is a function of its seed).
std::vector<HouseholdShape> village_pool(std::uint64_t seed, std::size_t size);

// Cumulative weights (ending at 1) over the pool such that the weighted members by
// [sex][group] are proportional to `target`; IPU from equal weights.
std::vector<double> fit_pool(const std::vector<HouseholdShape>& pool, const GroupTable& target);

}  // namespace hukou
