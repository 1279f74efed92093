// 2. Moves. Years in town accrue. Village households move to a town with a
// probability that falls with the head's age; most stay in their own zone, the
// rest go to urban districts in proportion to each zone's attraction. Unless the
// whole family moves, children under 15 and members over 60 stay in the village.
// New migrant households arrive from outside the prefecture. Returns are chosen
// in step 7 (decision) and take effect there.
//
// One household at a time, in the town sweep with jobs and permits (schedule.hpp);
// the households from outside are appended after the sweep (finish()), and the
// sweep's later steps take them then.
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "../rng.hpp"
#include "../step.hpp"
#include "../world.hpp"

namespace hukou {

class Moves {
 public:
  Moves(World& w, const PeriodEnv& env);

  // A household in town at the start of the period: its members living in town
  // accrue a year (member()). A village household may move to town, with a
  // probability by its head's age; its movers start at 0 years.
  [[gnu::always_inline]] bool household(World& w, Counters& c, std::uint32_t h, Visit&) const {
    const auto& H = w.pop.h;
    if (H.loc[h] == Location::town) return true;
    const std::uint32_t first = H.first[h];
    if (H.loc[h] != Location::village || (w.pop.p.flags[first] & pflag::settled)) return false;
    const auto over_30 = static_cast<std::size_t>(std::max(0, age_of(w, first) - 30));
    const std::uint64_t p = over_30 < rate_.size() ? rate_[over_30] : rng::threshold(rate(static_cast<int>(over_30)));
    rng::Draws d(key_, H.id[h]);
    if (rng::below(d.next_bits(), p)) move(w, c, h, d);
    return false;
  }
  [[gnu::always_inline]] void member(World& w, std::uint32_t, std::uint32_t i, int) const {
    std::uint8_t& years = w.pop.p.town_years[i];
    if (years < 255) ++years;
  }
  // This period's households from outside, appended.
  void finish(World& w);

 private:
  void move(World& w, Counters& c, std::uint32_t h, rng::Draws& d) const;  // where to, who goes
  double rate(int over_30) const;

  const Params& prm_;
  const HouseholdFactory& factory_;
  std::vector<double> cum_;  // cumulative destination weights over zones
  std::array<std::uint64_t, 128> rate_{};  // rate(k) as a threshold (rng::threshold)
  rng::StreamKey key_;
};

}  // namespace hukou
