// 4. Housing. Purchase contracts become titles after a delay. Renters buy with a
// probability that rises with affordability (income times the years a buyer can
// commit, plus any purchase subsidy (Taiyuan 三(六)), over the price of a home).
// Private leases get registered at a fixed rate. Public rental units are
// allocated zone by zone under capacity to households that meet the scenario's
// eligibility condition, by priority (years in town, then years waiting) with a
// tie-break drawn per household: deterministic for any thread count.
#include <algorithm>
#include <cmath>

#include "../attrs.hpp"
#include "../housing_market.hpp"
#include "../parallel.hpp"
#include "../processes.hpp"

namespace hukou {

namespace {
struct Applicant {
  double priority;
  std::uint64_t tiebreak;
  std::uint32_t h;
};

// afford^elasticity for afford in [0, 1]. pow(1, y) is exactly 1 for any y and
// pow(+0, y) exactly +0 for y > 0 (C Annex F, which glibc follows), so the many
// households at either end skip the call with the same result.
double buy_response(double afford, double elasticity) {
  if (afford == 1.0) return 1.0;
  if (afford == 0.0 && elasticity > 0.0) return 0.0;
  return std::pow(afford, elasticity);
}

void allocate_public_rental(World& w, const std::vector<std::uint8_t>& applies) {
  const Params& prm = w.sc.params;
  auto& H = w.pop.h;
  const std::size_t nz = w.zones();
  std::vector<std::int64_t> occupied(nz, 0);
  std::vector<std::vector<Applicant>> queue(nz);
  const auto period = static_cast<std::uint32_t>(w.t);
  for (std::uint32_t h = 0; h < H.size(); ++h) {
    if (H.loc[h] != Location::town) continue;
    if (H.tenure[h] == Tenure::public_rental) ++occupied[H.zone[h]];
    else if (applies[h]) {
      const double years = w.pop.p.town_years[H.first[h]];
      const double step = std::max(1e-9, prm.policy_public_rental_priority_years);
      queue[H.zone[h]].push_back(
          {std::floor(years / step) + H.rental_wait[h], rng::bits(rng::key(w.seed, period, H.id[h], rng::Stream::rental_tiebreak)), h});
    }
  }
  for (std::size_t z = 0; z < nz; ++z) {
    ZoneState& zs = w.zs[z];
    auto& q = queue[z];
    std::sort(q.begin(), q.end(), [](const Applicant& a, const Applicant& b) {
      return a.priority != b.priority ? a.priority > b.priority : a.tiebreak < b.tiebreak;
    });
    const auto vacant = static_cast<std::int64_t>(std::max(0.0, std::floor(zs.rental_units + 0.5) - occupied[z]));
    const std::int64_t housed = std::min<std::int64_t>(vacant, static_cast<std::int64_t>(q.size()));
    for (std::int64_t k = 0; k < housed; ++k) {
      H.tenure[q[k].h] = Tenure::public_rental;
      H.tenure_years[q[k].h] = 0;
      H.rental_wait[q[k].h] = 0;
    }
    for (std::size_t k = static_cast<std::size_t>(housed); k < q.size(); ++k) ++H.rental_wait[q[k].h];
    zs.rental_occupied = occupied[z] + housed;
    zs.rental_queue = static_cast<std::int64_t>(q.size()) - housed;
    // Chance that a newly eligible household gets a unit within a year.
    const double next_free = std::max(0.0, zs.rental_units + w.sc.zones[z].f.public_rental_additions / w.sc.scale -
                                               static_cast<double>(zs.rental_occupied));
    zs.rental_chance = zs.rental_queue > 0 ? std::min(1.0, next_free / static_cast<double>(zs.rental_queue))
                                           : (next_free >= 1.0 ? 1.0 : next_free);
  }
}
}  // namespace

void housing(World& w) {
  const Params& prm = w.sc.params;
  auto& H = w.pop.h;
  const rng::StreamKey housing_key(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::housing);
  const HomePrices prices(w);
  if (w.t > 0)
    for (std::size_t z = 0; z < w.zones(); ++z)
      w.zs[z].rental_units += w.sc.zones[z].f.public_rental_additions / w.sc.scale;

  std::vector<std::uint8_t> applies(H.size(), 0);
  for_households(w, [&](std::uint32_t h, Counters& c) {
    if (H.loc[h] != Location::town) return;
    if (H.tenure_years[h] < 255) ++H.tenure_years[h];
    Tenure& t = H.tenure[h];
    if (t == Tenure::purchase_contract && H.tenure_years[h] >= prm.housing_title_after_years) t = Tenure::titled_home;
    if (owns_home(t)) return;
    rng::Draws d(housing_key, H.id[h]);
    const bool settled = is_settled(w.pop, h);
    const double subsidy = purchase_subsidy(w, h, settled);
    const double afford = std::min(1.0, affordability(w, h, subsidy, prices));
    if (d.uniform() < prm.housing_buy_rate * buy_response(afford, prm.housing_buy_elasticity)) {
      t = Tenure::purchase_contract;
      H.tenure_years[h] = 0;
      H.rental_wait[h] = 0;
      c.add(H.zone[h], Flow::homes_bought);
      if (subsidy > 0.0) c.add(H.zone[h], Flow::subsidised_homes);
      return;
    }
    if (t == Tenure::private_rental && d.uniform() < prm.housing_register_rental_rate) t = Tenure::registered_rental;
    if (t != Tenure::public_rental) applies[h] = admits(w, w.sc.public_rental_condition, h) ? 1 : 0;
  });
  allocate_public_rental(w, applies);
}

}  // namespace hukou
