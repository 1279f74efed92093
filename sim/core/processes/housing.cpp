// 4. Housing. Purchase contracts become titles after a delay. Renters buy with a
// probability that rises with affordability (income times the years a buyer can
// commit, plus any purchase subsidy (Taiyuan 三(六)), over the price of a home).
// Private leases get registered at a fixed rate. Public rental units are
// allocated zone by zone under capacity to households that meet the scenario's
// eligibility condition, by priority (years in town, then years waiting) with a
// tie-break drawn per household: deterministic for any thread count.
#include <algorithm>
#include <cmath>
#include <optional>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "../attrs.hpp"
#include "../housing_market.hpp"
#include "../parallel.hpp"
#include "../processes.hpp"
#include "../steps.hpp"

namespace hukou {

namespace {
struct Applicant {
  double priority;
  std::uint64_t tiebreak;
  std::uint32_t h;
};

// Per zone: the public rental units occupied and the households applying for one.
struct Queues {
  std::vector<std::int64_t> occupied;
  std::vector<std::vector<Applicant>> queue;
  explicit Queues(std::size_t zones) : occupied(zones, 0), queue(zones) {}
};

// Collected in parallel over fixed blocks of households, each block in household
// order, and concatenated in block order: exactly the queues of a serial scan. (The
// selection below depends only on the set, its order being total.)
Queues collect_queues(const World& w) {
  const Params& prm = w.sc.params;
  const auto& H = w.pop.h;
  const std::size_t nz = w.zones();
  const rng::StreamKey tiebreak_key(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::rental_tiebreak);
  const double step = std::max(1e-9, prm.policy_public_rental_priority_years);
  constexpr std::uint32_t kBlock = 1u << 16;
  const auto n = static_cast<std::uint32_t>(H.size());
  std::vector<Queues> blocks((n + kBlock - 1) / kBlock, Queues(nz));
  tbb::parallel_for(std::size_t{0}, blocks.size(), [&](std::size_t b) {
    Queues& q = blocks[b];
    const auto begin = static_cast<std::uint32_t>(b * kBlock);
    const auto end = static_cast<std::uint32_t>(std::min<std::size_t>(n, (b + 1) * kBlock));
    for (std::uint32_t h = begin; h < end; ++h) {
      if (H.loc[h] != Location::town) continue;
      if (H.tenure[h] == Tenure::public_rental) ++q.occupied[H.zone[h]];
      else if (w.rental[h] & rental::applies) {
        const double years = w.pop.p.town_years[H.first[h]];
        q.queue[H.zone[h]].push_back(
            {std::floor(years / step) + H.rental_wait[h], rng::bits(tiebreak_key.key(H.id[h])), h});
      }
    }
  });
  Queues all(nz);
  for (std::size_t z = 0; z < nz; ++z) {
    std::size_t size = 0;
    for (const Queues& q : blocks) size += q.queue[z].size();
    all.queue[z].reserve(size);
  }
  for (const Queues& q : blocks)
    for (std::size_t z = 0; z < nz; ++z) {
      all.occupied[z] += q.occupied[z];
      all.queue[z].insert(all.queue[z].end(), q.queue[z].begin(), q.queue[z].end());
    }
  return all;
}

// Whether renter h buys on draw u: u < rate * min(1, affordability)^elasticity.
// The same outcome with less work where it is known: for elasticity >= 0 the power
// is at most 1 (its exact value is, and pow is accurate to under an ulp), so rate
// times it is at most rate and a draw u >= rate never buys, whatever the
// affordability; pow(1, y) is exactly 1 and pow(+0, y > 0) exactly +0 (C Annex F).
bool buys(const World& w, std::uint32_t h, double subsidy, const HomePrices& prices, double u) {
  const double rate = w.sc.params.housing_buy_rate, elasticity = w.sc.params.housing_buy_elasticity;
  if (elasticity >= 0.0 && u >= rate) return false;
  const double afford = std::min(1.0, affordability(w, h, subsidy, prices));
  const double power = afford == 1.0                       ? 1.0
                       : afford == 0.0 && elasticity > 0.0 ? 0.0
                                                           : std::pow(afford, elasticity);
  return u < rate * power;
}

// Returns the households housed this period.
std::vector<std::uint32_t> allocate_public_rental(World& w) {
  auto& H = w.pop.h;
  std::vector<std::uint32_t> housed_now;
  const std::size_t nz = w.zones();
  Queues queues = collect_queues(w);
  const std::vector<std::int64_t>& occupied = queues.occupied;
  for (std::size_t z = 0; z < nz; ++z) {
    ZoneState& zs = w.zs[z];
    auto& q = queues.queue[z];
    const auto vacant = static_cast<std::int64_t>(std::max(0.0, std::floor(zs.rental_units + 0.5) - occupied[z]));
    const std::int64_t housed = std::min<std::int64_t>(vacant, static_cast<std::int64_t>(q.size()));
    // Only who is housed matters, not their order, so the first `housed` by priority
    // are selected (linear time) rather than the whole queue sorted (n log n and
    // serial: at 50 M agents it kept housing from scaling to 2 threads). The order
    // is total (the household index last), so the selection is unique; the
    // drawn tie-breaks of distinct households never tie, since ids are distinct
    // and the mixer is a bijection.
    std::nth_element(q.begin(), q.begin() + housed, q.end(), [](const Applicant& a, const Applicant& b) {
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
    // Chance that a newly eligible household gets a unit within a year.
    const double next_free = std::max(0.0, zs.rental_units + w.sc.zones[z].f.public_rental_additions / w.sc.scale -
                                               static_cast<double>(zs.rental_occupied));
    zs.rental_chance = zs.rental_queue > 0 ? std::min(1.0, next_free / static_cast<double>(zs.rental_queue))
                                           : (next_free >= 1.0 ? 1.0 : next_free);
  }
  // Those still waiting wait a year more: the applicants not housed above. One
  // parallel sweep in household order rather than a serial pass over the queues in
  // priority order, whose scattered writes (a million households at 50 M agents)
  // kept housing from scaling to 2 threads.
  tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, static_cast<std::uint32_t>(H.size()), kGrain),
                    [&](const tbb::blocked_range<std::uint32_t>& r) {
                      for (std::uint32_t h = r.begin(); h != r.end(); ++h)
                        if ((w.rental[h] & rental::applies) && H.tenure[h] != Tenure::public_rental) ++H.rental_wait[h];
                    });
  return housed_now;
}
}  // namespace

void housing(World& w, bool with_eligibility) {
  const Params& prm = w.sc.params;
  auto& H = w.pop.h;
  const rng::StreamKey housing_key(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::housing);
  const HomePrices prices(w);
  if (w.t > 0)
    for (std::size_t z = 0; z < w.zones(); ++z)
      w.zs[z].rental_units += w.sc.zones[z].f.public_rental_additions / w.sc.scale;

  // The decision values the public rental that settling would open (decision.cpp).
  // For a household without hukou, that needs the condition as it is (its place in
  // the queue, here) and as if settled, both from one pass over its members. Both
  // are taken here when what the condition reads stays as it is until the decision:
  // the only process between them that changes a person's facts is permits, so
  // only when permits ran before housing (permits_join_town_pass).
  const CompiledCondition& cond = w.rules.public_rental;
  w.rental_gain_set = (cond.reads() & attr_bit(Attr::settled)) && permits_join_town_pass(w);
  // Kept with room to grow, as the population's arrays are (population.hpp):
  // assign() reallocated to the exact size, each period, as the population grew.
  resize_for_overwrite(w.rental, H.size());
  std::fill(w.rental.begin(), w.rental.end(), std::uint8_t{0});
  // Housing of household h. With `want_channels`, for a household without hukou
  // whose rental condition is taken both ways, also returns its settlement
  // channels, from the same facts.
  const auto household = [&](std::uint32_t h, Counters& c, bool want_channels) -> std::optional<std::uint32_t> {
    if (H.loc[h] != Location::town) return std::nullopt;
    if (H.tenure_years[h] < 255) ++H.tenure_years[h];
    Tenure& t = H.tenure[h];
    if (t == Tenure::purchase_contract && H.tenure_years[h] >= prm.housing_title_after_years) t = Tenure::titled_home;
    if (owns_home(t)) return std::nullopt;
    rng::Draws d(housing_key, H.id[h]);
    const bool settled = is_settled(w.pop, h);
    const double subsidy = purchase_subsidy(w, h, settled);
    if (buys(w, h, subsidy, prices, d.uniform())) {
      t = Tenure::purchase_contract;
      H.tenure_years[h] = 0;
      H.rental_wait[h] = 0;
      c.add(H.zone[h], Flow::homes_bought);
      if (subsidy > 0.0) c.add(H.zone[h], Flow::subsidised_homes);
      return std::nullopt;
    }
    if (t == Tenure::private_rental && d.uniform() < prm.housing_register_rental_rate) t = Tenure::registered_rental;
    if (t == Tenure::public_rental) return std::nullopt;
    if (settled || !w.rental_gain_set) {
      w.rental[h] = admits(w, cond, h) ? rental::applies : 0;
      return std::nullopt;
    }
    std::optional<std::uint32_t> channels;
    AdmitsBoth a;
    if (want_channels) {
      const RentalAndChannels both = rental_and_channels(w, h);
      a = both.rental;
      channels = both.channels;
    } else {
      a = admits_unsettled_and_settled(w, cond, h);
    }
    w.rental[h] = static_cast<std::uint8_t>((a.unsettled ? rental::applies : 0) |
                                            (a.settled && !a.unsettled ? rental::gained_by_settling : 0));
    return channels;
  };
  if (!with_eligibility) {
    for_households(w, [&](std::uint32_t h, Counters& c) { household(h, c, false); });
    allocate_public_rental(w);
    return;
  }

  // Eligibility (step 6) in the same sweep, each household once its own housing is
  // done. What eligibility reads does not change between here and step 6 except a
  // household's tenure when it is housed in public rental below (permits ran
  // before housing: with_eligibility is permits_join_town_pass), so those few are
  // taken again after the allocation. The tally reads no tenure.
  resize_for_overwrite(w.eligible, H.size());  // every entry is written below
  Counters tally = eligibility_tally_shape(w);
  LocalCounters flows_lc(w.flows), tally_lc(tally);
  tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, static_cast<std::uint32_t>(H.size()), kGrain),
                    [&](const tbb::blocked_range<std::uint32_t>& r) {
                      Counters &c = flows_lc.local(), &e = tally_lc.local();
                      for (std::uint32_t h = r.begin(); h != r.end(); ++h) {
                        const std::optional<std::uint32_t> channels = household(h, c, true);
                        eligibility_tally(w, h, e);
                        w.eligible[h] = channels ? *channels : eligible_channels(w, h);
                      }
                    });
  flows_lc.merge_into(w.flows);
  tally_lc.merge_into(tally);
  for (std::uint32_t h : allocate_public_rental(w)) w.eligible[h] = eligible_channels(w, h);
  eligibility_zones(w, tally);
}

}  // namespace hukou
