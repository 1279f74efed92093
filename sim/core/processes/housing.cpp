#include "housing.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "eligibility.hpp"
#include "permits.hpp"

namespace hukou {

HomePrices::HomePrices(const World& w) : price_(w.zones()) {
  const Params& prm = w.sc.params;
  const double growth = std::pow(1.0 + prm.housing_price_growth, w.t);
  for (std::size_t z = 0; z < price_.size(); ++z)
    price_[z] = w.sc.zones[z].f.house_price * growth * prm.housing_home_size_m2;
}

double purchase_subsidy(const World& w, std::uint32_t h, bool as_settled) {
  const double amount = w.sc.zones[w.pop.h.zone[h]].f.purchase_subsidy;
  if (amount <= 0.0) return 0.0;
  if (w.sc.params.policy_purchase_subsidy_requires_hukou && !as_settled) return 0.0;
  return amount;
}

double settling_subsidy(const World& w, std::uint32_t h) {
  // The difference without two calls: amount - 0 where only hukou holders are paid,
  // amount - amount (exactly 0 for a finite amount) where everyone is, 0 without one.
  const double amount = w.sc.zones[w.pop.h.zone[h]].f.purchase_subsidy;
  return amount > 0.0 && w.sc.params.policy_purchase_subsidy_requires_hukou ? amount : 0.0;
}

double affordability(const World& w, std::uint32_t h, double subsidy, const HomePrices& prices) {
  const auto& P = w.pop.p;
  double monthly = 0.0;
  for (std::uint32_t i = w.pop.h.first[h]; i < w.pop.h.first[h] + w.pop.h.members[h]; ++i)
    if (P.flags[i] & pflag::in_town) monthly += P.wage[i];
  return affordability(w.sc.params, monthly, subsidy, prices[w.pop.h.zone[h]]);
}

Housing::Housing(World& w, const PeriodEnv& env)
    : prm_(w.sc.params),
      rental_(w.rules.public_rental),
      key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::housing),
      tiebreak_key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::rental_tiebreak),
      buy_rate_(rng::threshold(prm_.housing_buy_rate)),
      register_rate_(rng::threshold(prm_.housing_register_rental_rate)),
      priority_step_(std::max(1e-9, prm_.policy_public_rental_priority_years)),
      prices_(w),
      channels_for_eligibility_(env.layout.same_sweep_before<Housing, Eligibility>()),
      queues_([n = w.zones()] { return RentalQueues(n); }) {
  if (w.t > 0)
    for (std::size_t z = 0; z < w.zones(); ++z)
      w.zs[z].rental_units += w.sc.zones[z].f.public_rental_additions / w.sc.scale;
  // The decision values the public rental that settling would open (step 7). For a
  // household without hukou, that needs the condition as it is (its place in the
  // queue, here) and as if settled, both from one pass over its members. Both are
  // taken here when what the condition reads stays as it is until the decision:
  // the only process between them that changes a person's facts is permits, so
  // only when permits ran before housing.
  w.rental_gain_set = (rental_.reads() & attr_bit(Attr::settled)) && env.layout.before<Permits, Housing>();
  // Kept with room to grow, as the population's arrays are (population.hpp):
  // assign() reallocated to the exact size, each period, as the population grew.
  // Every entry is written by the sweep.
  resize_for_overwrite(w.rental, w.pop.h.size());
}

namespace {
// Zone z's public rental units to its applicants; returns the households housed.
std::vector<std::uint32_t> allocate_zone(World& w, const std::vector<std::int64_t>& occupied,
                                         std::vector<RentalQueues::Applicant>& q, std::size_t z) {
  auto& H = w.pop.h;
  std::vector<std::uint32_t> housed_now;
  ZoneState& zs = w.zs[z];
  const auto vacant = static_cast<std::int64_t>(std::max(0.0, std::floor(zs.rental_units + 0.5) - occupied[z]));
  const std::int64_t housed = std::min<std::int64_t>(vacant, static_cast<std::int64_t>(q.size()));
  // Only who is housed matters, not their order, so the first `housed` by priority
  // are selected (linear time) rather than the whole queue sorted (n log n and
  // serial: it kept housing from scaling to 2 threads). The order is total (the
  // household index last), so the selection is unique; the drawn tie-breaks of
  // distinct households never tie, since ids are distinct and the mixer is a
  // bijection.
  std::nth_element(q.begin(), q.begin() + housed, q.end(),
                   [](const RentalQueues::Applicant& a, const RentalQueues::Applicant& b) {
                     if (a.priority != b.priority) return a.priority > b.priority;
                     return a.tiebreak != b.tiebreak ? a.tiebreak < b.tiebreak : a.h < b.h;
                   });
  for (std::int64_t k = 0; k < housed; ++k) {
    H.tenure[q[k].h] = Tenure::public_rental;
    H.tenure_years[q[k].h] = 0;
    H.rental_wait[q[k].h] = 0;
    housed_now.push_back(q[k].h);
  }
  zs.rental_occupied = occupied[z] + housed;
  zs.rental_queue = static_cast<std::int64_t>(q.size()) - housed;
  // Chance that a newly eligible household gets a unit within a year. The first
  // period keeps the base year's (world.hpp): before its decisions no simulated
  // household is settled, since those settled before the base year, who hold the
  // units and wait for them, are in the urban-hukou aggregate; an empty queue would
  // promise every first-year settler a unit: a first-year backlog (docs/model.md,
  // "Public rental in the first year").
  if (w.t <= 1) return housed_now;
  const double next_free = std::max(0.0, zs.rental_units + w.sc.zones[z].f.public_rental_additions / w.sc.scale -
                                             static_cast<double>(zs.rental_occupied));
  zs.rental_chance = zs.rental_queue > 0 ? std::min(1.0, next_free / static_cast<double>(zs.rental_queue))
                                         : (next_free >= 1.0 ? 1.0 : next_free);
  return housed_now;
}
}  // namespace

// Zones share no applicant, unit or household, so each is allocated in a task of
// its own: one after another, the selections kept a thread idle.
void Housing::finish(World& w) {
  RentalQueues all(w.zones());
  queues_.combine_each([&](const RentalQueues& q) {
    for (std::size_t z = 0; z < all.queue.size(); ++z) {
      all.occupied[z] += q.occupied[z];
      all.queue[z].insert(all.queue[z].end(), q.queue[z].begin(), q.queue[z].end());
    }
  });
  const std::size_t nz = w.zones();
  std::vector<std::vector<std::uint32_t>> by_zone(nz);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, nz, 1), [&](const tbb::blocked_range<std::size_t>& r) {
    for (std::size_t z = r.begin(); z != r.end(); ++z) by_zone[z] = allocate_zone(w, all.occupied, all.queue[z], z);
  });
  w.housed.clear();
  for (const auto& v : by_zone) w.housed.insert(w.housed.end(), v.begin(), v.end());
}

}  // namespace hukou
