// 7. Decision. Each household living in town without hukou draws a decision date
// in the year and chooses to settle, stay or return by a multinomial logit over
// utilities relative to staying without settling. Settling is open only if a
// channel admits it (step 6) on that date; the first such channel in the
// scenario's order is recorded. Settled households then take a paid exit of their
// rural rights at a fixed rate where compensation is offered. A settled household
// that a return channel admits (Liaocheng 三(二)) chooses between staying and
// returning with its hukou by the same logit without the settle alternative.
//
// One household at a time, in a sweep of its own (schedule.hpp).
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "../household_ops.hpp"
#include "../rng.hpp"
#include "../step.hpp"
#include "../world.hpp"
#include "housing.hpp"

namespace hukou {

struct Utilities {
  double settle = 0.0;  // only meaningful when a channel is open
  double stay = 0.0;    // reference alternative
  double ret = 0.0;
};

// The terms of the utilities that are the same for every household in a period:
// products of parameters, each zone's school term, home prices. Each is the very
// expression of the per-household sum, so the utilities are bitwise those
// computed in full.
struct UtilityTerms {
  // b * (c ? 1.0 : 0.0) for a yes/no attribute c, both values.
  struct Flag {
    double no, yes;
    double operator()(bool c) const { return c ? yes : no; }
  };

  explicit UtilityTerms(const World& w);
  HomePrices prices;
  std::vector<double> school_per_kid;  // per zone: public place as capacity allows, plus the exams
  Flag informal, formal, owns_home, new_generation, nonlocal;  // settle
  Flag jobless, left_behind;                                   // return

  double rights_risk;        // b_rights * risk
  double exit_compensation;  // b_exit_compensation * risk * compensation / 1e4
  double fee;                // b_fee * fee / 1e3
};

// With settle_open false, `settle` is left at 0 and none of its terms is computed:
// choice_probabilities does not read it then, so the choice is the same.
Utilities utilities(const World& w, std::uint32_t h, const UtilityTerms& k, bool settle_open);

// Choice probabilities; settling has probability 0 when no channel is open.
struct Choice {
  double settle = 0.0, stay = 1.0, ret = 0.0;
};
// Inline: the sweep calls it for every household in town, and as a call it
// returns the three probabilities through memory.
inline Choice choice_probabilities(const Utilities& u, bool settle_open) {
  // exp(d), without the call for d == 0 (the largest utility's term): exp(+-0) is
  // exactly 1 (C Annex F), so the result is the same for every d.
  const auto exp_or_one = [](double d) { return d == 0.0 ? 1.0 : std::exp(d); };
  // Subtract the largest utility before exponentiating: no overflow for any input.
  const double top = std::max({settle_open ? u.settle : u.stay, u.stay, u.ret});
  const double es = settle_open ? exp_or_one(u.settle - top) : 0.0;
  const double en = exp_or_one(u.stay - top);
  const double er = exp_or_one(u.ret - top);
  const double sum = es + en + er;
  return {es / sum, en / sum, er / sum};
}

// A channel's effective dates as fractional years, [from, until + 1 day): the same
// for every household, so computed once per period instead of per candidate.
struct OpenInterval {
  double from, until;
};
std::vector<OpenInterval> open_intervals(const Scenario& sc);

// The first channel in `bits` (step 6's admitting channels) open on `date`; -1: none.
// The definition: DecisionDates gives the same answer with less work.
int open_channel(const std::vector<OpenInterval>& open, std::uint32_t bits, double date);

// open_channel on a household's decision date, year + uniform(date_bits), looking
// at the date only when it matters. Most channels are open the whole year or not at
// all, so the channel is mostly known from the household's channels alone; then the
// branches that follow on it do not wait for the draw's arithmetic. Same result for
// every input (tests/core/test_exact_shortcuts.cpp): the channels open on no
// possible date are dropped (the loop would pass them), and a first remaining
// channel open on every possible date is the loop's answer.
class DecisionDates {
 public:
  DecisionDates(const Scenario& sc, int year) : DecisionDates(open_intervals(sc), year) {}
  DecisionDates(std::vector<OpenInterval> open, int year);
  int channel(std::uint32_t bits, std::uint64_t date_bits) const;

 private:
  std::vector<OpenInterval> open_;
  int year_;
  std::uint32_t always_ = 0, never_ = 0;  // channels open on every possible date, on none
};

class Decision {
 public:
  Decision(World& w, const PeriodEnv& env);
  [[gnu::always_inline]] void household(World& w, Counters& c, std::uint32_t h, Visit&) const;

 private:
  const Params& prm_;
  bool exits_offered_;
  std::uint64_t exit_rate_;  // as a threshold (rng::threshold)
  DecisionDates dates_;
  UtilityTerms terms_;
  rng::StreamKey date_key_, choice_key_;
};

inline void Decision::household(World& w, Counters& c, std::uint32_t h, Visit&) const {
  auto& H = w.pop.h;
  if (H.loc[h] == Location::gone) return;
  if (is_settled(w.pop, h)) {
    if (w.eligible[h] && H.loc[h] == Location::town) {  // a return channel admits it
      rng::Draws d(date_key_, H.id[h]);
      if (dates_.channel(w.eligible[h], d.next_bits()) >= 0) {
        Utilities u = utilities(w, h, terms_, false);
        u.ret += prm_.decision_asc_return_settled - prm_.decision_asc_return;
        const Choice p = choice_probabilities(u, false);
        if (d.uniform() < p.ret) {
          return_with_hukou(w, c, h);
          return;
        }
      }
    }
    const auto rights = H.flags[h] & (hflag::land | hflag::homestead);
    if (!exits_offered_ || !rights || (H.flags[h] & hflag::exited)) return;
    rng::Draws d(choice_key_, H.id[h]);
    if (rng::below(d.next_bits(), exit_rate_)) {
      H.flags[h] |= hflag::exited;
      c.add(H.zone[h], Flow::rights_exits);
    }
    return;
  }
  if (H.loc[h] != Location::town) return;
  rng::Draws d(choice_key_, H.id[h]);
  const int ch = dates_.channel(w.eligible[h], d.next_bits());
  const Choice p = choice_probabilities(utilities(w, h, terms_, ch >= 0), ch >= 0);
  const double u = d.uniform();
  if (u < p.settle) settle(w, c, h, static_cast<std::uint8_t>(ch), true);
  else if (u >= p.settle + p.stay) send_home(w, c, h);
}

}  // namespace hukou
