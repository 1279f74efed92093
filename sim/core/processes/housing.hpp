// 4. Housing. Purchase contracts become titles after a delay. Renters buy with a
// probability that rises with affordability (income times the years a buyer can
// commit, plus any purchase subsidy (Taiyuan 三(六)), over the price of a home).
// Private leases get registered at a fixed rate. Public rental units are
// allocated zone by zone under capacity to households that meet the scenario's
// eligibility condition, by priority (years in town, then years waiting) with a
// tie-break drawn per household: deterministic for any thread count.
//
// One household at a time, in a sweep with eligibility when permits ran before it
// (schedule.hpp); the allocation after the sweep (finish()). Home prices and the
// subsidy are also the decision's (step 7): what settling would add.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include <tbb/enumerable_thread_specific.h>

#include "../attrs.hpp"
#include "../rng.hpp"
#include "../step.hpp"
#include "../world.hpp"
#include "eligibility.hpp"

namespace hukou {

// Price of a home in each zone this period (yuan): the zone's price per m2 grown
// at the observed rate, times the size of a home. The same for every household,
// so a step computes it once per period instead of a pow per household.
class HomePrices {
 public:
  explicit HomePrices(const World& w);
  double operator[](std::size_t zone) const { return price_[zone]; }

 private:
  std::vector<double> price_;
};

// Subsidy (yuan) the household would get for buying now; `as_settled` evaluates
// it as if it held an urban hukou.
double purchase_subsidy(const World& w, std::uint32_t h, bool as_settled);

// purchase_subsidy(w, h, true) - purchase_subsidy(w, h, false): what settling adds.
double settling_subsidy(const World& w, std::uint32_t h);

// Share of a home's price a household with this monthly income (of the members
// living in town) can pay, including a subsidy (0..inf).
inline double affordability(const Params& prm, double monthly, double subsidy, double price) {
  if (price <= 0.0) return 1.0;
  return (12.0 * monthly * prm.housing_buy_income_years + subsidy) / price;
}

// The same for household h, summing its members' wages.
double affordability(const World& w, std::uint32_t h, double subsidy, const HomePrices& prices);

inline bool owns_home(Tenure t) { return t == Tenure::purchase_contract || t == Tenure::titled_home; }

// Per zone: the public rental units occupied and the households applying for one.
struct RentalQueues {
  struct Applicant {
    double priority;
    std::uint64_t tiebreak;
    std::uint32_t h;
  };
  std::vector<std::int64_t> occupied;
  std::vector<std::vector<Applicant>> queue;
  explicit RentalQueues(std::size_t zones) : occupied(zones, 0), queue(zones) {}
};

class Housing {
 public:
  Housing(World& w, const PeriodEnv& env);

  // The queues, collected in the sweep, each thread its part, rather than by a
  // sweep of their own: the allocation depends only on the set of applicants,
  // its order being total, so not on the order they are collected in.
  RentalQueues& local(std::uint32_t) { return queues_.local(); }
  [[gnu::always_inline]] void household(World& w, Counters& c, std::uint32_t h, Visit& v, RentalQueues& q) {
    v.channels = tenure(w, c, h);
    enqueue(w, q, h);
  }
  // The public rental units to the applicants, zone by zone; the households
  // housed into World::housed.
  void finish(World& w);

 private:
  [[gnu::always_inline]] std::optional<std::uint32_t> tenure(World& w, Counters& c, std::uint32_t h) const;
  [[gnu::always_inline]] void enqueue(World& w, RentalQueues& q, std::uint32_t h) const;
  bool buys(const World& w, std::uint32_t h, double subsidy, std::uint64_t b) const;

  const Params& prm_;
  const CompiledCondition& rental_;  // the public-rental condition
  rng::StreamKey key_, tiebreak_key_;
  std::uint64_t buy_rate_, register_rate_;  // rates as thresholds (rng::threshold)
  double priority_step_;                    // years in town per step of priority
  HomePrices prices_;
  bool channels_for_eligibility_;  // eligibility follows in this sweep
  tbb::enumerable_thread_specific<RentalQueues> queues_;
};

// Whether renter h buys on the draw's bits b, u = uniform(b): u < rate *
// min(1, affordability)^elasticity. The same outcome with less work where it is
// known: for elasticity >= 0 the power is at most 1 (its exact value is, and pow is
// accurate to under an ulp), so rate times it is at most rate and a draw u >= rate
// (b not below buy_rate_, rng::threshold(rate)) never buys, whatever the
// affordability; pow(1, y) is exactly 1 and pow(+0, y > 0) exactly +0 (C Annex F).
inline bool Housing::buys(const World& w, std::uint32_t h, double subsidy, std::uint64_t b) const {
  const double rate = prm_.housing_buy_rate, elasticity = prm_.housing_buy_elasticity;
  if (elasticity >= 0.0 && !rng::below(b, buy_rate_)) return false;
  const double u = rng::uniform(b);
  const double afford = std::min(1.0, affordability(w, h, subsidy, prices_));
  const double power = afford == 1.0                       ? 1.0
                       : afford == 0.0 && elasticity > 0.0 ? 0.0
                                                           : std::pow(afford, elasticity);
  return u < rate * power;
}

// Household h's housing this period, and its public-rental condition as it is
// (World::rental). Where World::rental_gain_set, the condition is also taken as if
// the household had settled, for the decision; then, when eligibility follows in
// the sweep, the settlement channels are found from the same facts and returned.
inline std::optional<std::uint32_t> Housing::tenure(World& w, Counters& c, std::uint32_t h) const {
  auto& H = w.pop.h;
  w.rental[h] = 0;
  if (H.loc[h] != Location::town) return std::nullopt;
  if (H.tenure_years[h] < 255) ++H.tenure_years[h];
  Tenure& t = H.tenure[h];
  if (t == Tenure::purchase_contract && H.tenure_years[h] >= prm_.housing_title_after_years) t = Tenure::titled_home;
  if (owns_home(t)) return std::nullopt;
  rng::Draws d(key_, H.id[h]);
  const bool settled = is_settled(w.pop, h);
  const double subsidy = purchase_subsidy(w, h, settled);
  if (buys(w, h, subsidy, d.next_bits())) {
    t = Tenure::purchase_contract;
    H.tenure_years[h] = 0;
    H.rental_wait[h] = 0;
    c.add(H.zone[h], Flow::homes_bought);
    if (subsidy > 0.0) c.add(H.zone[h], Flow::subsidised_homes);
    return std::nullopt;
  }
  if (t == Tenure::private_rental && rng::below(d.next_bits(), register_rate_)) t = Tenure::registered_rental;
  if (t == Tenure::public_rental) return std::nullopt;
  if (settled || !w.rental_gain_set) {
    w.rental[h] = admits(w, rental_, h) ? rental::applies : 0;
    return std::nullopt;
  }
  std::optional<std::uint32_t> channels;
  AdmitsBoth a;
  if (channels_for_eligibility_) {
    const RentalAndChannels both = rental_and_channels(w, h);
    a = both.rental;
    channels = both.channels;
  } else {
    a = admits_unsettled_and_settled(w, rental_, h);
  }
  w.rental[h] = static_cast<std::uint8_t>((a.unsettled ? rental::applies : 0) |
                                          (a.settled && !a.unsettled ? rental::gained_by_settling : 0));
  return channels;
}

// Household h, its housing done, into this thread's queues: a tenant counts as an
// occupied unit; an applicant joins the queue and, housed or not, a year more of
// waiting is recorded (a household housed in finish() restarts at 0).
inline void Housing::enqueue(World& w, RentalQueues& q, std::uint32_t h) const {
  auto& H = w.pop.h;
  if (H.loc[h] != Location::town) return;
  if (H.tenure[h] == Tenure::public_rental) {
    ++q.occupied[H.zone[h]];
  } else if (w.rental[h] & rental::applies) {
    const double years = w.pop.p.town_years[H.first[h]];
    q.queue[H.zone[h]].push_back(
        {std::floor(years / priority_step_) + H.rental_wait[h], rng::bits(tiebreak_key_.key(H.id[h])), h});
    ++H.rental_wait[h];
  }
}

}  // namespace hukou
