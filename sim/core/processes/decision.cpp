// 7. Decision. Each household living in town without hukou draws a decision date
// in the year and chooses to settle, stay or return by a multinomial logit
// (decision.hpp). Settling is open only if a channel admits it (step 6) on that
// date; the first such channel in the scenario's order is recorded. Settled
// households then take a paid exit of their rural rights at a fixed rate where
// compensation is offered. A settled household that a return channel admits
// (Liaocheng 三(二)) chooses between staying and returning with its hukou by the
// same logit without the settle alternative.
#include "../decision.hpp"
#include "../decision_dates.hpp"
#include "../household_ops.hpp"
#include "../parallel.hpp"
#include "../processes.hpp"

namespace hukou {

void decision(World& w) {
  const Params& prm = w.sc.params;
  auto& H = w.pop.h;
  const auto period = static_cast<std::uint32_t>(w.t);
  const bool exits_offered = prm.policy_rights_exit_compensation > 0.0 && prm.policy_rights_exit_rate > 0.0;
  const std::uint64_t exit_rate = rng::threshold(prm.policy_rights_exit_rate);
  const DecisionDates dates(w.sc, w.year());
  const UtilityTerms terms(w);
  const rng::StreamKey date_key(w.seed, period, rng::Stream::decision_date);
  const rng::StreamKey choice_key(w.seed, period, rng::Stream::choice);
  for_households(w, [&](std::uint32_t h, Counters& c) {
    if (H.loc[h] == Location::gone) return;
    if (is_settled(w.pop, h)) {
      if (w.eligible[h] && H.loc[h] == Location::town) {  // a return channel admits it
        rng::Draws d(date_key, H.id[h]);
        if (dates.channel(w.eligible[h], d.next_bits()) >= 0) {
          Utilities u = utilities(w, h, terms, false);
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
      rng::Draws d(choice_key, H.id[h]);
      if (rng::below(d.next_bits(), exit_rate)) {
        H.flags[h] |= hflag::exited;
        c.add(H.zone[h], Flow::rights_exits);
      }
      return;
    }
    if (H.loc[h] != Location::town) return;
    rng::Draws d(choice_key, H.id[h]);
    const int ch = dates.channel(w.eligible[h], d.next_bits());
    const Choice p = choice_probabilities(utilities(w, h, terms, ch >= 0), ch >= 0);
    const double u = d.uniform();
    if (u < p.settle) settle(w, c, h, static_cast<std::uint8_t>(ch), true);
    else if (u >= p.settle + p.stay) send_home(w, c, h);
  });
}

}  // namespace hukou
