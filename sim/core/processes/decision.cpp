// 7. Decision. Each household living in town without hukou draws a decision date
// in the year and chooses to settle, stay or return by a multinomial logit
// (decision.hpp). Settling is open only if a channel admits it (step 6) on that
// date; the first such channel in the scenario's order is recorded. Settled
// households then take a paid exit of their rural rights at a fixed rate where
// compensation is offered. A settled household that a return channel admits
// (Liaocheng 三(二)) chooses between staying and returning with its hukou by the
// same logit without the settle alternative.
#include "../decision.hpp"
#include "../household_ops.hpp"
#include "../parallel.hpp"
#include "../processes.hpp"

namespace hukou {

namespace {
int open_channel(const World& w, std::uint32_t bits, double date) {
  for (std::size_t k = 0; bits && k < w.sc.channels.size(); ++k, bits >>= 1) {
    if (!(bits & 1u)) continue;
    const Channel& ch = w.sc.channels[k];
    if (date >= ch.from.as_year() && date < ch.until.as_year() + 1.0 / 365.0) return static_cast<int>(k);
  }
  return -1;
}
}  // namespace

void decision(World& w) {
  const Params& prm = w.sc.params;
  auto& H = w.pop.h;
  const auto period = static_cast<std::uint32_t>(w.t);
  const bool exits_offered = prm.policy_rights_exit_compensation > 0.0 && prm.policy_rights_exit_rate > 0.0;
  for_households(w, [&](std::uint32_t h, Counters& c) {
    if (H.loc[h] == Location::gone) return;
    if (is_settled(w.pop, h)) {
      if (w.eligible[h] && H.loc[h] == Location::town) {  // a return channel admits it
        rng::Draws d(w.seed, period, H.id[h], rng::Stream::decision_date);
        const double date = w.year() + d.uniform();
        if (open_channel(w, w.eligible[h], date) >= 0) {
          Utilities u = utilities(w, h);
          u.ret += prm.decision_asc_return_settled - prm.decision_asc_return;
          const Choice p = choice_probabilities(u, false);
          if (d.uniform() < p.ret) {
            return_with_hukou(w, c, h);
            return;
          }
        }
      }
      const auto rights = H.flags[h] & (hflag::land | hflag::homestead);
      if (!exits_offered || !rights || (H.flags[h] & hflag::exited)) return;
      rng::Draws d(w.seed, period, H.id[h], rng::Stream::choice);
      if (d.uniform() < prm.policy_rights_exit_rate) {
        H.flags[h] |= hflag::exited;
        c.add(H.zone[h], Flow::rights_exits);
      }
      return;
    }
    if (H.loc[h] != Location::town) return;
    rng::Draws d(w.seed, period, H.id[h], rng::Stream::choice);
    const double date = w.year() + d.uniform();
    const int ch = open_channel(w, w.eligible[h], date);
    const Choice p = choice_probabilities(utilities(w, h), ch >= 0);
    const double u = d.uniform();
    if (u < p.settle) settle(w, c, h, static_cast<std::uint8_t>(ch), true);
    else if (u >= p.settle + p.stay) send_home(w, c, h);
  });
}

}  // namespace hukou
