// The settle / stay / return choice of one household (step 7): a multinomial
// logit over utilities relative to staying without settling. Exposed for tests
// of the closed-form limit case and of each term's sign.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "housing_market.hpp"
#include "world.hpp"

namespace hukou {

struct Utilities {
  double settle = 0.0;  // only meaningful when a channel is open
  double stay = 0.0;    // reference alternative
  double ret = 0.0;
};

// The terms of the utilities that are the same for every household in a period:
// products of parameters, each zone's school term, home prices. The decision
// process computes them once; each is the very expression of the per-household
// sum, so the utilities are bitwise those computed in full.
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
// Inline: the decision's sweep calls it for every household in town, and as a call
// it returns the three probabilities through memory.
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

}  // namespace hukou
