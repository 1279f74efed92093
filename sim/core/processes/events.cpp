// 8. Scheduled events of the scenario, in file order:
// - reclassify: a share of a zone's village households become urban in situ
//   (就地农转城, Qiannan 二(二)); not counted as settlement;
// - relocation: a share of the zone's listed poverty-relocation households move to
//   the zone's town and settle (易地扶贫搬迁, Qiannan 二(一)2);
// - workplace_registration: persons (urban staff, not agents) register at their
//   workplace (Qiannan 二(一)3), added to the zone's urban stock.
#include "../household_ops.hpp"
#include "../parallel.hpp"
#include "../processes.hpp"

namespace hukou {

void events(World& w) {
  auto& H = w.pop.h;
  auto& P = w.pop.p;
  const rng::StreamKey event_key(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::event);
  for (std::size_t e = 0; e < w.sc.events.size(); ++e) {
    const Event& ev = w.sc.events[e];
    if (ev.year != w.year()) continue;
    if (ev.kind == EventKind::workplace_registration) {
      w.zs[ev.zone].urban_stock += ev.persons;
      w.aggregate_settled[ev.zone * w.sc.channels.size() + ev.channel] += ev.persons;
      continue;
    }
    for_households(w, [&](std::uint32_t h, Counters& c) {
      if (H.loc[h] != Location::village || H.zone[h] != ev.zone || is_settled(w.pop, h)) return;
      if (ev.kind == EventKind::relocation && !(H.flags[h] & hflag::relocated)) return;
      rng::Draws d(event_key, H.id[h] ^ (e + 1));
      if (d.uniform() >= ev.share) return;
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
    });
  }
}

}  // namespace hukou
