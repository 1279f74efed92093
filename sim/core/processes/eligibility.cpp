// 6. Eligibility. For each household living in town without hukou, the settlement
// channels whose condition admits it (for at least one adult member) in its zone;
// for each settled household of local origin, the return channels that admit it; the
// effective dates are checked at the decision date (step 7). Also the zone-level
// facts the decision needs: the share of non-hukou school demand that public
// schools can take (capacity-limited), and the share of each origin group
// already settled (peers).
//
// Per household (eligibility_tally, eligible_channels, inline in steps.hpp), so that
// housing can take them in its own sweep (housing.cpp says when), then per zone
// (eligibility_zones).
#include <algorithm>
#include <cmath>

#include "../attrs.hpp"
#include "../parallel.hpp"
#include "../processes.hpp"
#include "../steps.hpp"

namespace hukou {

Counters eligibility_tally_shape(const World& w) { return Counters(w.zones() + 1, 0, 0); }

void eligibility_zones(World& w, const Counters& tally) {
  using namespace eligibility_slots;
  const std::size_t nz = w.zones(), ng = nz + 1;
  w.peer_share.assign(ng, 0.0);
  for (std::size_t g = 0; g < ng; ++g) {
    const auto all = tally(g, peers_all);
    w.peer_share[g] = all > 0 ? static_cast<double>(tally(g, peers_settled)) / static_cast<double>(all) : 0.0;
  }
  for (std::size_t z = 0; z < nz; ++z) {
    ZoneState& zs = w.zs[z];
    zs.school_demand = tally(z, school_permit);
    zs.school_hukou = tally(z, school_hukou);
    // Capacity is a share of the base year's demand, then grows; this step runs
    // once per period (and once for the base year).
    if (w.t == 0)
      zs.school_places = w.sc.zones[z].f.school_places_share * static_cast<double>(zs.school_demand) * w.sc.scale;
    else
      zs.school_places *= 1.0 + w.sc.params.policy_school_places_growth;
    const double demand = static_cast<double>(zs.school_demand) * w.sc.scale;
    zs.school_access = demand > 0.0 ? std::min(1.0, zs.school_places / demand) : 1.0;
  }
}

void eligibility(World& w) {
  // Every entry is written below; room to grow as the population's arrays have
  // (resize() reallocated by doubling, copying and zeroing all of it serially).
  resize_for_overwrite(w.eligible, w.pop.h.size());
  Counters tally = eligibility_tally_shape(w);
  for_households(w, tally, [&](std::uint32_t h, Counters& c) {
    eligibility_tally(w, h, c);
    w.eligible[h] = eligible_channels(w, h);
  });
  eligibility_zones(w, tally);
}

}  // namespace hukou
