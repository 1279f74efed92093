// 7. Decision. Each household living in town without hukou draws a decision date
// in the year and chooses to settle, stay or return by a nested logit: settling
// and staying form a town nest with dissimilarity lambda (decision.nest_lambda),
// returning stands apart. Settling and staying share all that life in town is (job,
// home, family there), so they are close substitutes; in a multinomial logit,
// closing every channel would push households home in proportion to the settle
// share they lose (independence of irrelevant alternatives), here only by the
// nest's inclusive value. Settling is open only if a channel admits it (step 6) on
// that date; the first such channel in the scenario's order is recorded. Settled
// households then take a paid exit of their rural rights at a fixed rate where
// compensation is offered. A settled household that a return channel admits
// (Liaocheng 三(二)) chooses between staying and returning with its hukou by the
// same model without the settle alternative.
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

// V_settle = W + D, V_stay = W, V_return = R (params.def, section 7).
struct Utilities {
  double settle = 0.0;  // only meaningful when a channel is open
  double stay = 0.0;
  double ret = 0.0;
};

// The terms of the utilities that are the same for every household in a period:
// products of parameters, each zone's school term, home prices.
struct UtilityTerms {
  // b * (c ? 1.0 : 0.0) for a yes/no attribute c, both values.
  struct Flag {
    double no, yes;
    double operator()(bool c) const { return c ? yes : no; }
  };

  explicit UtilityTerms(const World& w);
  HomePrices prices;
  std::vector<double> school_per_kid;  // per zone: public place as capacity allows, plus the exams
  std::vector<double> income_floor;    // per zone: a quarter of the zone's wage, yuan/month
  std::vector<double> log_wage;        // per zone: log of the zone's wage
  Flag informal, formal, owns_home, new_generation, nonlocal;  // settle (D)
  Flag stay_owns, stay_formal, stay_whole, stay_nonlocal, stay_permit;  // stay (W)
  Flag jobless, left_behind;                                   // return (R)

  double rights_risk;        // b_rights * risk
  double exit_compensation;  // b_exit_compensation * risk * compensation / 1e4
  double fee;                // b_fee * fee / 1e3
};

// With settle_open false, `settle` is left at 0 and its own terms are not
// computed: choice_probabilities does not read it then, so the choice is the same.
Utilities utilities(const World& w, std::uint32_t h, const UtilityTerms& k, bool settle_open);

// Choice probabilities; settling has probability 0 when no channel is open.
struct Choice {
  double settle = 0.0, stay = 1.0, ret = 0.0;
};

// 1 / (1 + e^-x) and log(1 + e^x), without overflow for any x.
inline double logistic(double x) {
  if (x >= 0.0) return 1.0 / (1.0 + std::exp(-x));
  const double e = std::exp(x);
  return e / (1.0 + e);
}
inline double softplus(double x) { return x > 0.0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }

// The nested logit with the town nest {settle, stay} of dissimilarity lambda in
// (0, 1]: the nest's inclusive value is lambda * log(e^(V_s/lambda) + e^(V_n/lambda))
// = V_n + lambda * softplus((V_s - V_n) / lambda); P(return) = logistic(V_r - that);
// within the nest P(settle | town) = logistic((V_s - V_n) / lambda). With lambda = 1
// it is the multinomial logit; closed, the nest is staying alone. Inline: the sweep
// calls it for every household in town.
inline Choice choice_probabilities(const Utilities& u, bool settle_open, double lambda) {
  if (!settle_open) {
    const double r = logistic(u.ret - u.stay);
    return {0.0, 1.0 - r, r};
  }
  const double d = (u.settle - u.stay) / lambda;
  const double r = logistic(u.ret - (u.stay + lambda * softplus(d)));
  const double s = (1.0 - r) * logistic(d);
  return {s, 1.0 - r - s, r};
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
        const Choice p = choice_probabilities(u, false, prm_.decision_nest_lambda);
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
  const Choice p = choice_probabilities(utilities(w, h, terms_, ch >= 0), ch >= 0, prm_.decision_nest_lambda);
  const double u = d.uniform();
  if (u < p.settle) settle(w, c, h, static_cast<std::uint8_t>(ch), true);
  else if (u >= p.settle + p.stay) send_home(w, c, h);
}

}  // namespace hukou
