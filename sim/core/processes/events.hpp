// 8. Scheduled events of the scenario, in file order:
// - reclassify: a share of a zone's village households become urban in situ
//   (就地农转城, Qiannan 二(二)); not counted as settlement;
// - relocation: a share of the zone's listed poverty-relocation households move to
//   the zone's town and settle (易地扶贫搬迁, Qiannan 二(一)2);
// - workplace_registration: persons (urban staff, not agents) register at their
//   workplace (Qiannan 二(一)3), added to the zone's urban stock.
//
// One household at a time, in a sweep of its own, in a year with events on
// households (schedule.hpp). An event on households touches only the household
// drawn, and a workplace registration only its zone's stock, so taking the latter
// first and the former household by household, in file order, gives what taking
// each event over all households in turn would. Such an event takes village
// households of its zone, without hukou, and leaves them in town with hukou: so a
// household meets only the events of its own zone, and none after the first that
// takes it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "../household_ops.hpp"
#include "../rng.hpp"
#include "../step.hpp"
#include "../world.hpp"

namespace hukou {

class Events {
 public:
  Events(World& w, const PeriodEnv& env);  // this year's workplace registrations
  bool idle() const { return idle_; }
  [[gnu::always_inline]] void household(World& w, Counters& c, std::uint32_t h, Visit&) const;

 private:
  // Per zone, this year's reclassifications and relocations there, as indices into
  // the scenario's events, in file order.
  std::vector<std::vector<std::size_t>> by_zone_;
  bool idle_ = true;
  rng::StreamKey key_;
};

inline void Events::household(World& w, Counters& c, std::uint32_t h, Visit&) const {
  auto& H = w.pop.h;
  auto& P = w.pop.p;
  if (H.loc[h] != Location::village || is_settled(w.pop, h)) return;
  for (const std::size_t e : by_zone_[H.zone[h]]) {
    const Event& ev = w.sc.events[e];
    if (ev.kind == EventKind::relocation && !(H.flags[h] & hflag::relocated)) continue;
    rng::Draws d(key_, H.id[h] ^ (e + 1));
    if (d.uniform() >= ev.share) continue;
    if (ev.kind == EventKind::reclassify) {
      H.flags[h] |= hflag::reclassified;
      // The village becomes urban: its people are town residents where they are.
      for (std::uint32_t i = H.first[h]; i < H.first[h] + H.members[h]; ++i) P.flags[i] |= pflag::in_town;
      H.loc[h] = Location::town;
      settle(w, c, h, kNoChannel, false);
    } else {
      move_to_town(w, c, h, static_cast<std::uint8_t>(ev.zone), true);
      H.tenure[h] = Tenure::registered_rental;  // resettlement housing
      settle(w, c, h, static_cast<std::uint8_t>(ev.channel), true);
    }
    return;
  }
}

}  // namespace hukou
