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
#include <tbb/enumerable_thread_specific.h>
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

// The queues, collected by housing's own sweep (each thread its part) rather than
// by a sweep of their own: the selection below depends only on the set of
// applicants, its order being total, so not on the order they are collected in.
class QueueParts {
 public:
  explicit QueueParts(World& w)
      : w_(w),
        tiebreak_key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::rental_tiebreak),
        step_(std::max(1e-9, w.sc.params.policy_public_rental_priority_years)),
        parts_([n = w.zones()] { return Queues(n); }) {}
  Queues& local() { return parts_.local(); }
  // Household h, once its housing is done, into this thread's part: a tenant
  // counts as an occupied unit; an applicant joins the queue and, housed or not, a
  // year more of waiting is recorded (a household housed below restarts at 0).
  void add(Queues& q, std::uint32_t h) {
    auto& H = w_.pop.h;
    if (H.loc[h] != Location::town) return;
    if (H.tenure[h] == Tenure::public_rental) {
      ++q.occupied[H.zone[h]];
    } else if (w_.rental[h] & rental::applies) {
      const double years = w_.pop.p.town_years[H.first[h]];
      q.queue[H.zone[h]].push_back(
          {std::floor(years / step_) + H.rental_wait[h], rng::bits(tiebreak_key_.key(H.id[h])), h});
      ++H.rental_wait[h];
    }
  }
  // All parts joined.
  Queues join() {
    Queues all(w_.zones());
    parts_.combine_each([&](const Queues& q) {
      for (std::size_t z = 0; z < all.queue.size(); ++z) {
        all.occupied[z] += q.occupied[z];
        all.queue[z].insert(all.queue[z].end(), q.queue[z].begin(), q.queue[z].end());
      }
    });
    return all;
  }

 private:
  World& w_;
  rng::StreamKey tiebreak_key_;
  double step_;
  tbb::enumerable_thread_specific<Queues> parts_;
};

// Whether renter h buys on the draw's bits b, u = uniform(b): u < rate *
// min(1, affordability)^elasticity. The same outcome with less work where it is
// known: for elasticity >= 0 the power is at most 1 (its exact value is, and pow is
// accurate to under an ulp), so rate times it is at most rate and a draw u >= rate
// (b not below `rate_threshold`, rng::threshold(rate)) never buys, whatever the
// affordability; pow(1, y) is exactly 1 and pow(+0, y > 0) exactly +0 (C Annex F).
bool buys(const World& w, std::uint32_t h, double subsidy, const HomePrices& prices, std::uint64_t b,
          std::uint64_t rate_threshold) {
  const double rate = w.sc.params.housing_buy_rate, elasticity = w.sc.params.housing_buy_elasticity;
  if (elasticity >= 0.0 && !rng::below(b, rate_threshold)) return false;
  const double u = rng::uniform(b);
  const double afford = std::min(1.0, affordability(w, h, subsidy, prices));
  const double power = afford == 1.0                       ? 1.0
                       : afford == 0.0 && elasticity > 0.0 ? 0.0
                                                           : std::pow(afford, elasticity);
  return u < rate * power;
}

// Zone z's public rental units to its applicants; returns the households housed.
std::vector<std::uint32_t> allocate_zone(World& w, const std::vector<std::int64_t>& occupied,
                                         std::vector<Applicant>& q, std::size_t z) {
  auto& H = w.pop.h;
  std::vector<std::uint32_t> housed_now;
  ZoneState& zs = w.zs[z];
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
  return housed_now;
}

// Returns the households housed this period. Zones share no applicant, unit or
// household, so each is allocated in a task of its own: one after another, the
// selections kept a thread idle (2 threads, 50 M agents; see housing() for the gain).
std::vector<std::uint32_t> allocate_public_rental(World& w, Queues queues) {
  const std::size_t nz = w.zones();
  std::vector<std::vector<std::uint32_t>> by_zone(nz);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, nz, 1), [&](const tbb::blocked_range<std::size_t>& r) {
    for (std::size_t z = r.begin(); z != r.end(); ++z) by_zone[z] = allocate_zone(w, queues.occupied, queues.queue[z], z);
  });
  std::vector<std::uint32_t> housed;
  for (const auto& v : by_zone) housed.insert(housed.end(), v.begin(), v.end());
  return housed;
}
}  // namespace

void housing(World& w, bool with_eligibility) {
  const Params& prm = w.sc.params;
  auto& H = w.pop.h;
  const rng::StreamKey housing_key(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::housing);
  const std::uint64_t buy_rate = rng::threshold(prm.housing_buy_rate);
  const std::uint64_t register_rate = rng::threshold(prm.housing_register_rental_rate);
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
  // Every entry is written by the sweep below.
  resize_for_overwrite(w.rental, H.size());
  // Housing of household h. With `want_channels`, for a household without hukou
  // whose rental condition is taken both ways, also returns its settlement
  // channels, from the same facts. Inlined into each of the sweep's two loops: as a
  // call (GCC's choice, the lambda being called twice), housing+eligibility took
  // 4.8 % longer at 10 M agents.
  const auto household = [&](std::uint32_t h, Counters& c,
                             bool want_channels) __attribute__((always_inline)) -> std::optional<std::uint32_t> {
    w.rental[h] = 0;
    if (H.loc[h] != Location::town) return std::nullopt;
    if (H.tenure_years[h] < 255) ++H.tenure_years[h];
    Tenure& t = H.tenure[h];
    if (t == Tenure::purchase_contract && H.tenure_years[h] >= prm.housing_title_after_years) t = Tenure::titled_home;
    if (owns_home(t)) return std::nullopt;
    rng::Draws d(housing_key, H.id[h]);
    const bool settled = is_settled(w.pop, h);
    const double subsidy = purchase_subsidy(w, h, settled);
    if (buys(w, h, subsidy, prices, d.next_bits(), buy_rate)) {
      t = Tenure::purchase_contract;
      H.tenure_years[h] = 0;
      H.rental_wait[h] = 0;
      c.add(H.zone[h], Flow::homes_bought);
      if (subsidy > 0.0) c.add(H.zone[h], Flow::subsidised_homes);
      return std::nullopt;
    }
    if (t == Tenure::private_rental && rng::below(d.next_bits(), register_rate)) t = Tenure::registered_rental;
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
  // Eligibility (step 6) in the same sweep, each household once its own housing is
  // done, when permits ran before housing (with_eligibility is
  // permits_join_town_pass): then what eligibility reads does not change between
  // here and step 6 except a household's tenure when it is housed in public rental
  // below, so those few are taken again after the allocation. The tally reads no
  // tenure.
  if (with_eligibility) resize_for_overwrite(w.eligible, H.size());  // every entry is written below
  Counters tally = eligibility_tally_shape(w);
  LocalCounters flows_lc(w.flows), tally_lc(tally);
  QueueParts queues(w);
  tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, static_cast<std::uint32_t>(H.size()), kGrain),
                    [&](const tbb::blocked_range<std::uint32_t>& r) {
                      Counters& c = flows_lc.local();
                      Queues& q = queues.local();
                      if (!with_eligibility) {
                        for (std::uint32_t h = r.begin(); h != r.end(); ++h) {
                          household(h, c, false);
                          queues.add(q, h);
                        }
                        return;
                      }
                      Counters& e = tally_lc.local();
                      for (std::uint32_t h = r.begin(); h != r.end(); ++h) {
                        const std::optional<std::uint32_t> channels = household(h, c, true);
                        queues.add(q, h);
                        eligibility_tally(w, h, e);
                        w.eligible[h] = channels ? *channels : eligible_channels(w, h);
                      }
                    });
  flows_lc.merge_into(w.flows);
  const std::vector<std::uint32_t> housed = allocate_public_rental(w, queues.join());
  if (!with_eligibility) return;
  tally_lc.merge_into(tally);
  // In parallel, as the allocation: serial, both left a thread idle (profile on 2
  // threads at 50 M agents); in parallel, housing+eligibility took 5.7 % less there.
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, housed.size(), 1024), [&](const tbb::blocked_range<std::size_t>& r) {
    for (std::size_t k = r.begin(); k != r.end(); ++k) w.eligible[housed[k]] = eligible_channels(w, housed[k]);
  });
  eligibility_zones(w, tally);
}

}  // namespace hukou
