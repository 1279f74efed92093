#include "synth.hpp"

#include <cmath>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "household_order.hpp"

namespace hukou {

std::int64_t agents_for(double persons, double scale, rng::Draws& d) {
  const double x = persons / scale;
  const double base = std::floor(x);
  return static_cast<std::int64_t>(base) + (d.uniform() < x - base ? 1 : 0);
}

std::uint64_t household_id(std::size_t zone, HouseholdKind kind, std::uint32_t period, std::uint64_t k) {
  return rng::derive_id(zone * 4 + static_cast<std::uint64_t>(kind), period, k);
}

namespace {
// Fills a category up to `target` agents counted by `counts(h)`; the last household
// is cut down so the total is exact.
template <class Count>
void fill(Population& pop, const HouseholdFactory& f, HouseholdKind kind, std::size_t z, int year,
          std::uint64_t seed, std::int64_t target, Count counts) {
  f.reserve(pop, target);
  std::int64_t have = 0;
  for (std::uint64_t k = 0; have < target; ++k) {
    const std::uint64_t id = household_id(z, kind, 0, k);
    rng::Draws d(seed, 0, id, rng::Stream::synth);
    const std::uint32_t h = f.make(pop, kind, static_cast<std::uint8_t>(z), id, year, false, d);
    have += counts(h);
    // Trim trailing members (children, elders) that overshoot the target.
    while (have > target && pop.h.members[h] > 1) {
      const std::uint32_t last = pop.h.first[h] + pop.h.members[h] - 1;
      have -= counts.member(last);
      pop.p.resize(last);
      pop.h.members[h] -= 1;
    }
  }
}

struct CountAll {
  const Population& pop;
  std::int64_t operator()(std::uint32_t h) const { return pop.h.members[h]; }
  std::int64_t member(std::uint32_t) const { return 1; }
};
struct CountInTown {
  const Population& pop;
  std::int64_t operator()(std::uint32_t h) const {
    std::int64_t n = 0;
    for (std::uint32_t i = pop.h.first[h]; i < pop.h.first[h] + pop.h.members[h]; ++i) n += member(i);
    return n;
  }
  std::int64_t member(std::uint32_t i) const { return (pop.p.flags[i] & pflag::in_town) ? 1 : 0; }
};

// The categories of a zone, made in this order; each is a block of its own.
enum Block : std::size_t { town_local, town_outside, village, kBlocks };
}  // namespace

Population synthesize(const Scenario& sc, std::uint64_t seed, const HouseholdFactory& factory, bool by_size) {
  const int year = sc.base_year;
  const std::size_t zones = sc.zones.size();
  struct Targets {
    std::int64_t local, outside, village;
  };
  std::vector<Targets> n(zones);
  for (std::size_t z = 0; z < zones; ++z) {
    const ZoneFields& zf = sc.zones[z].f;
    rng::Draws d(seed, 0, z, rng::Stream::synth);
    n[z].local = agents_for(zf.rural_hukou_town, sc.scale, d);
    n[z].outside = agents_for(zf.migrants_outside, sc.scale, d);
    n[z].village = agents_for(zf.rural_hukou_village, sc.scale, d);
  }
  // Households' ids and draws depend on (zone, category, rank) only, so the blocks
  // can be made in parallel and joined in the serial order: two tasks per zone,
  // migrants from outside, and local town households then the village (whose
  // target is net of the local households' left-behind members).
  std::vector<Population> blocks(zones * kBlocks);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, 2 * zones, 1), [&](const auto& r) {
    for (std::size_t task = r.begin(); task != r.end(); ++task) {
      const std::size_t z = task / 2;
      Population* b = &blocks[z * kBlocks];
      if (task % 2) {
        fill(b[town_outside], factory, HouseholdKind::town_outside, z, year, seed, n[z].outside,
             CountInTown{b[town_outside]});
        continue;
      }
      fill(b[town_local], factory, HouseholdKind::town_local, z, year, seed, n[z].local, CountInTown{b[town_local]});
      std::int64_t left_behind = 0;
      for (std::uint16_t f : b[town_local].p.flags) left_behind += (f & pflag::in_town) ? 0 : 1;
      fill(b[village], factory, HouseholdKind::village, z, year, seed,
           n[z].village > left_behind ? n[z].village - left_behind : 0, CountAll{b[village]});
    }
  });
  if (by_size) return join_by_size(std::move(blocks));
  Population pop;
  append(pop, std::move(blocks));
  return pop;
}

}  // namespace hukou
