#include "moves.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "../household_ops.hpp"
#include "../household_order.hpp"
#include "../parallel.hpp"
#include "../synth.hpp"

namespace hukou {

namespace {
// Cumulative destination weights over zones for moves that leave the own zone.
std::vector<double> destination_weights(const World& w) {
  // Default weights: urban districts by their urban stock; if the prefecture has
  // none (all counties), every zone by its urban stock.
  const auto weights = [&](bool districts_only) {
    std::vector<double> cum(w.zones(), 0.0);
    double acc = 0.0;
    for (std::size_t z = 0; z < w.zones(); ++z) {
      const Zone& zone = w.sc.zones[z];
      double wt = zone.f.attraction;
      if (wt <= 0.0 && (!districts_only || zone.kind == ZoneKind::urban_district)) wt = w.zs[z].urban_stock + 1.0;
      acc += wt;
      cum[z] = acc;
    }
    return std::pair{cum, acc};
  };
  auto [cum, acc] = weights(true);
  if (acc <= 0.0) std::tie(cum, acc) = weights(false);
  for (auto& c : cum) c = acc > 0.0 ? c / acc : 1.0;
  return cum;
}

std::uint8_t pick_zone(const std::vector<double>& cum, double u, std::uint8_t fallback) {
  for (std::size_t z = 0; z < cum.size(); ++z)
    if (u < cum[z]) return static_cast<std::uint8_t>(z);
  return fallback;
}

// The households arriving from outside in zone z this period, made into a block of
// their own (indices from 0) until `target` of their members are in town.
Population inflow(const World& w, const HouseholdFactory& factory, std::size_t z) {
  const auto period = static_cast<std::uint32_t>(w.t);
  rng::Draws dz(w.seed, period, z, rng::Stream::inflow);
  const std::int64_t target =
      agents_for(w.sc.params.moves_inflow_rate * w.sc.zones[z].f.migrants_outside, w.sc.scale, dz);
  Population b;
  factory.reserve(b, target);
  std::int64_t arrived = 0;
  for (std::uint64_t k = 0; arrived < target; ++k) {
    const std::uint64_t id = household_id(z, HouseholdKind::town_outside, period, k);
    rng::Draws d(w.seed, period, id, rng::Stream::inflow);
    const std::uint32_t h = factory.make(b, HouseholdKind::town_outside, static_cast<std::uint8_t>(z), id,
                                         w.year(), true, d);
    for (std::uint32_t i = b.h.first[h]; i < b.h.first[h] + b.h.members[h]; ++i)
      arrived += (b.p.flags[i] & pflag::in_town) ? 1 : 0;
  }
  return b;
}
}  // namespace

Moves::Moves(World& w, const PeriodEnv& env)
    : prm_(w.sc.params),
      factory_(env.factory),
      cum_(destination_weights(w)),
      key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::move) {
  for (std::size_t k = 0; k < rate_.size(); ++k) rate_[k] = rng::threshold(rate(static_cast<int>(k)));
}

// Move probability by the head's years over 30, tabulated once per period (as
// thresholds on a draw's bits, rng::threshold) rather than an exp() per village
// household: the same expression, so the same values (heads past the table, if
// any, get it computed).
double Moves::rate(int over_30) const {
  return prm_.moves_village_to_town_rate * std::exp(-prm_.moves_move_age_decay * over_30);
}

// Out of the sweep's loop: few households move in a year.
void Moves::move(World& w, Counters& c, std::uint32_t h, rng::Draws& d) const {
  const std::uint8_t own = w.pop.h.zone[h];
  const std::uint8_t dest = d.uniform() < prm_.moves_own_zone_share ? own : pick_zone(cum_, d.uniform(), own);
  move_to_town(w, c, h, dest, d.uniform() < prm_.moves_whole_family_share);
}

// Ids and draws depend on (zone, period, rank) only, so the zones are made in
// parallel and appended in zone order, as if one after another; in order of size
// (household_order.hpp), all zones' households together, copied once into place
// rather than each zone's block ordered and then appended (every array copied
// twice).
void Moves::finish(World& w) {
  std::vector<Population> blocks(w.zones());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, w.zones(), 1), [&](const auto& r) {
    for (std::size_t z = r.begin(); z != r.end(); ++z) blocks[z] = inflow(w, factory_, z);
  });
  const auto before = static_cast<std::uint32_t>(w.pop.h.size());
  if (w.order_households) append_by_size(w.pop, std::move(blocks));
  else append(w.pop, std::move(blocks));
  for_household_blocks(before, static_cast<std::uint32_t>(w.pop.h.size()), w.flows,
                       [&](std::uint32_t first, std::uint32_t last, Counters& c) {
                         for (std::uint32_t h = first; h != last; ++h) record_arrival(w, c, h);
                       });
}

}  // namespace hukou
