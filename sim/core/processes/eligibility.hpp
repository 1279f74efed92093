// 6. Eligibility. For each household living in town without hukou, the settlement
// channels whose condition admits it (for at least one adult member) in its zone;
// for each settled household of local origin, the return channels that admit it; the
// effective dates are checked at the decision date (step 7). Also the zone-level
// facts the decision needs: the share of non-hukou school demand that public
// schools can take (capacity-limited), and the share of each origin group
// already settled (peers).
//
// One household at a time: in housing's sweep when permits ran before housing,
// else in a sweep of its own after permits (schedule.hpp); then per zone and group
// (finish()).
#pragma once
#include <cstdint>

#include "../attrs.hpp"
#include "../step.hpp"
#include "../world.hpp"

namespace hukou {

// Bit k set if channel k, of the given kind, is open by choice in the household's
// zone and admits it. Facts are filled once per member and every channel tested on them.
std::uint32_t admitting_channels(const World& w, std::uint32_t h, ChannelKind kind = ChannelKind::settle);

// The channels that admit household h (0 unless in town): return channels for a
// settled household from the prefecture's villages, settlement channels for one
// without hukou.
inline std::uint32_t eligible_channels(const World& w, std::uint32_t h) {
  const auto& H = w.pop.h;
  if (H.loc[h] != Location::town) return 0;
  if (is_settled(w.pop, h))
    return H.origin[h] != kOutside && !(H.flags[h] & hflag::reclassified)
               ? admitting_channels(w, h, ChannelKind::return_home) : 0;
  return admitting_channels(w, h);
}

// For a household without hukou: admits_unsettled_and_settled(w, w.rules.public_rental, h)
// (attrs.hpp) and admitting_channels(w, h), with the facts filled once per adult
// for both, and tested at once where they pool into one table
// (Rules::settle_and_rental). Housing asks it when eligibility follows in its sweep.
struct RentalAndChannels {
  AdmitsBoth rental;
  std::uint32_t channels = 0;
};
RentalAndChannels rental_and_channels(const World& w, std::uint32_t h);

class Eligibility {
 public:
  Eligibility(World& w, const PeriodEnv& env);

  // School demand and peers are tallied apart from the period's flows, per zone
  // and per origin group (zones, then outside), each thread its part.
  Counters& local(std::uint32_t) { return parts_.local(); }
  [[gnu::always_inline]] void household(World& w, Counters&, std::uint32_t h, Visit& v, Counters& tally) const {
    count(w, h, tally);
    w.eligible[h] = v.channels ? *v.channels : eligible_channels(w, h);
  }
  // Peer shares and school access per zone; when the step ran in housing's sweep,
  // before its allocation, the channels of the households housed are taken again.
  void finish(World& w);

 private:
  [[gnu::always_inline]] static void count(const World& w, std::uint32_t h, Counters& tally);

  bool after_housing_;  // in housing's sweep, after it
  Counters tally_;
  LocalCounters parts_;
};

// The tally's slots are named after what they count here.
namespace eligibility_slots {
inline constexpr Flow peers_all = Flow::residents, peers_settled = Flow::settlers;
inline constexpr Flow school_hukou = Flow::town_residents, school_permit = Flow::unsettled_town;
}  // namespace eligibility_slots

inline void Eligibility::count(const World& w, std::uint32_t h, Counters& c) {
  using namespace eligibility_slots;
  const auto& P = w.pop.p;
  const auto& H = w.pop.h;
  if (H.loc[h] == Location::gone) return;
  const bool settled = is_settled(w.pop, h);
  const std::size_t g = w.origin_group(H.origin[h]);
  const std::uint32_t first = H.first[h], n = H.members[h];
  if (settled || H.loc[h] == Location::town) {
    c.add(g, peers_all, n);
    if (settled) c.add(g, peers_settled, n);
  }
  if (H.loc[h] != Location::town) return;
  for (std::uint32_t i = first; i < first + n; ++i) {
    const int age = age_of(w, i);
    if (age >= 6 && age <= 14 && (P.flags[i] & pflag::in_town))
      c.add(H.zone[h], settled ? school_hukou : school_permit);
  }
}

}  // namespace hukou
