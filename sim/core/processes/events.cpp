#include "events.hpp"

namespace hukou {

Events::Events(World& w, const PeriodEnv&)
    : by_zone_(w.zones()), key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::event) {
  for (std::size_t e = 0; e < w.sc.events.size(); ++e) {
    const Event& ev = w.sc.events[e];
    if (ev.year != w.year()) continue;
    if (ev.kind != EventKind::workplace_registration) {
      by_zone_[ev.zone].push_back(e);
      idle_ = false;
      continue;
    }
    w.zs[ev.zone].urban_stock += ev.persons;
    w.aggregate_settled[ev.zone * w.sc.channels.size() + ev.channel] += ev.persons;
  }
}

}  // namespace hukou
