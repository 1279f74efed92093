#include "rules.hpp"

namespace hukou {

Rules compile_rules(const Scenario& sc) {
  Rules r;
  for (const Channel& ch : sc.channels) {
    r.channel.emplace_back(ch.condition);
    r.reads |= r.channel.back().reads();
  }
  r.public_rental = CompiledCondition(sc.public_rental_condition);
  r.reads |= r.public_rental.reads();
  for (auto& c : r.candidates) c.assign(sc.zones.size(), 0);
  for (std::size_t k = 0; k < sc.channels.size() && k < 32; ++k) {
    const Channel& ch = sc.channels[k];
    if (ch.events_only) continue;
    for (std::size_t z = 0; z < sc.zones.size(); ++z)
      if (ch.zones[z]) r.candidates[static_cast<std::size_t>(ch.kind)][z] |= 1u << k;
  }
  for (std::size_t kind = 0; kind < r.sets.size(); ++kind) {
    std::uint32_t members = 0;
    for (const std::uint32_t zone_channels : r.candidates[kind]) members |= zone_channels;
    r.sets[kind] = ChannelSet(r.channel, members);
  }
  // Two more members after the channels, if the masks have room for them.
  r.rental_unsettled = sc.channels.size();
  if (r.rental_unsettled + 2 <= 32) {
    std::vector<CompiledCondition> conditions = r.channel;
    conditions.emplace_back(sc.public_rental_condition.given(Attr::settled, false));
    conditions.emplace_back(sc.public_rental_condition.given(Attr::settled, true));
    std::uint32_t members = 3u << r.rental_unsettled;
    for (const std::uint32_t zone_channels : r.candidates[static_cast<std::size_t>(ChannelKind::settle)])
      members |= zone_channels;
    r.settle_and_rental = ChannelSet(conditions, members);
  }
  return r;
}

}  // namespace hukou
