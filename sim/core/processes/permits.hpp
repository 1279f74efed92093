// 5. Residence permits (居住证). Adults living in town without hukou, in town for
// at least the minimum years, take a permit up at a fixed yearly rate; holders
// accrue permit years.
//
// One member at a time: in the town sweep with moves and jobs, before housing,
// unless the public-rental condition reads a permit; then in its own sweep after
// housing (schedule.hpp).
#pragma once
#include <cstdint>

#include "../rng.hpp"
#include "../step.hpp"
#include "../world.hpp"

namespace hukou {

class Permits {
 public:
  Permits(World& w, const PeriodEnv&)
      : min_years_(w.sc.params.permits_min_years),
        takeup_(rng::threshold(w.sc.params.permits_takeup_rate)),
        key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::permit) {}

  // The members living in town of a household living in town without hukou.
  [[gnu::always_inline]] bool household(World& w, Counters&, std::uint32_t h, Visit&) const {
    return w.pop.h.loc[h] == Location::town && !is_settled(w.pop, h);
  }
  [[gnu::always_inline]] void member(World& w, std::uint32_t, std::uint32_t i, int age) const {
    if (age < 16) return;
    auto& P = w.pop.p;
    if (P.permit_years[i] > 0) {
      if (P.permit_years[i] < 255) ++P.permit_years[i];
      return;
    }
    if (P.town_years[i] < min_years_) return;
    // No permit yet (0): 1 if taken up, stored without a branch on the draw.
    rng::Draws d(key_, P.id[i]);
    P.permit_years[i] = rng::below(d.next_bits(), takeup_) ? 1 : 0;
  }

 private:
  int min_years_;
  std::uint64_t takeup_;  // the take-up rate as a threshold (rng::threshold)
  rng::StreamKey key_;
};

}  // namespace hukou
