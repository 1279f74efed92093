// 5. Residence permits (居住证). Adults living in town without hukou, in town for
// at least the minimum years, take a permit up at a fixed yearly rate; holders
// accrue permit years.
#include "../parallel.hpp"
#include "../processes.hpp"

namespace hukou {

void permits(World& w) {
  const Params& prm = w.sc.params;
  auto& P = w.pop.p;
  auto& H = w.pop.h;
  const rng::StreamKey permit_key(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::permit);
  for_households(w, [&](std::uint32_t h, Counters&) {
    if (H.loc[h] != Location::town || is_settled(w.pop, h)) return;
    for (std::uint32_t i = H.first[h]; i < H.first[h] + H.members[h]; ++i) {
      if (!(P.flags[i] & pflag::in_town) || age_of(w, i) < 16) continue;
      if (P.permit_years[i] > 0) {
        if (P.permit_years[i] < 255) ++P.permit_years[i];
        continue;
      }
      if (P.town_years[i] < prm.permits_min_years) continue;
      rng::Draws d(permit_key, P.id[i]);
      if (d.uniform() < prm.permits_takeup_rate) P.permit_years[i] = 1;
    }
  });
}

}  // namespace hukou
