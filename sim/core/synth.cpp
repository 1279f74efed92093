#include "synth.hpp"

#include <algorithm>
#include <cmath>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "age_structure.hpp"
#include "household_order.hpp"
#include "village_pool.hpp"

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
// Fills a category up to `target` agents counted by `counts(h)`, each household made
// by make(pop, id, draws); the last household is cut down so the total is exact.
template <class Make, class Count>
void fill(Population& pop, const HouseholdFactory& f, HouseholdKind kind, std::size_t z, std::uint64_t seed,
          std::int64_t target, Make make, Count counts) {
  f.reserve(pop, target);
  std::int64_t have = 0;
  for (std::uint64_t k = 0; have < target; ++k) {
    const std::uint64_t id = household_id(z, kind, 0, k);
    rng::Draws d(seed, 0, id, rng::Stream::synth);
    const std::uint32_t h = make(pop, id, d);
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
// Members with a given flag: in town, or away.
struct CountFlag {
  const Population& pop;
  std::uint16_t flag;
  std::int64_t operator()(std::uint32_t h) const {
    std::int64_t n = 0;
    for (std::uint32_t i = pop.h.first[h]; i < pop.h.first[h] + pop.h.members[h]; ++i) n += member(i);
    return n;
  }
  std::int64_t member(std::uint32_t i) const { return (pop.p.flags[i] & flag) ? 1 : 0; }
};

// Members of b living in the village (left behind), by sex and age group.
void add_left_behind(const Population& b, int year, GroupTable& out) {
  for (std::size_t i = 0; i < b.p.size(); ++i) {
    if (b.p.flags[i] & (pflag::in_town | pflag::away)) continue;
    const std::size_t sex = (b.p.flags[i] & pflag::female) ? kFemale : kMale;
    out[sex][age_group(year - b.p.birth_year[i])] += 1.0;
  }
}

// The categories of a zone, made in this order; each is a block of its own.
enum Block : std::size_t { town_local, town_outside, away, village, kBlocks };

// Shapes in the village pool: enough that the fitted weights spread over many.
constexpr std::size_t kPoolSize = 8000;
}  // namespace

Population synthesize(const Scenario& sc, std::uint64_t seed, const HouseholdFactory& factory, bool by_size) {
  const int year = sc.base_year;
  const std::size_t zones = sc.zones.size();
  struct Targets {
    std::int64_t local, outside, away, village;
  };
  const double away_share = sc.params.population_away_share;
  std::vector<Targets> n(zones);
  for (std::size_t z = 0; z < zones; ++z) {
    const ZoneFields& zf = sc.zones[z].f;
    rng::Draws d(seed, 0, z, rng::Stream::synth);
    n[z].local = agents_for(zf.rural_hukou_town, sc.scale, d);
    n[z].outside = agents_for(zf.migrants_outside, sc.scale, d);
    n[z].village = agents_for(zf.rural_hukou_village, sc.scale, d);
    // away_share of the zone's registered rural hukou lives outside the prefecture.
    const double living_here = zf.rural_hukou_village + zf.rural_hukou_town;
    n[z].away = agents_for(away_share / (1.0 - away_share) * living_here, sc.scale, d);
  }
  const std::vector<HouseholdShape> pool = village_pool(seed, kPoolSize);
  const GroupTable village_ages = grouped(village_shares(sc));
  // Households' ids and draws depend on (zone, category, rank) only, so the blocks
  // can be made in parallel and joined in the serial order: two tasks per zone,
  // migrants from outside, and local town households, the households away and the
  // village (whose target is net of the others' left-behind members).
  std::vector<Population> blocks(zones * kBlocks);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, 2 * zones, 1), [&](const auto& r) {
    for (std::size_t task = r.begin(); task != r.end(); ++task) {
      const std::size_t z = task / 2;
      const auto zone = static_cast<std::uint8_t>(z);
      Population* b = &blocks[z * kBlocks];
      const auto migrants = [&](HouseholdKind kind) {
        return [&, kind](Population& pop, std::uint64_t id, rng::Draws& d) {
          return factory.make(pop, kind, zone, id, year, false, d);
        };
      };
      if (task % 2) {
        fill(b[town_outside], factory, HouseholdKind::town_outside, z, seed, n[z].outside,
             migrants(HouseholdKind::town_outside), CountFlag{b[town_outside], pflag::in_town});
        continue;
      }
      fill(b[town_local], factory, HouseholdKind::town_local, z, seed, n[z].local,
           migrants(HouseholdKind::town_local), CountFlag{b[town_local], pflag::in_town});
      fill(b[away], factory, HouseholdKind::away, z, seed, n[z].away, migrants(HouseholdKind::away),
           CountFlag{b[away], pflag::away});
      GroupTable left{};
      add_left_behind(b[town_local], year, left);
      add_left_behind(b[away], year, left);
      double left_behind = 0.0;
      GroupTable target{};
      for (std::size_t s : {kMale, kFemale})
        for (std::size_t g = 0; g < kAgeGroups; ++g) {
          left_behind += left[s][g];
          target[s][g] = std::max(0.0, village_ages[s][g] * static_cast<double>(n[z].village) - left[s][g]);
        }
      const std::vector<double> cum = fit_pool(pool, target);
      const auto villagers = [&](Population& pop, std::uint64_t id, rng::Draws& d) {
        const auto k = static_cast<std::size_t>(std::upper_bound(cum.begin(), cum.end(), d.uniform()) - cum.begin());
        return factory.make_village(pop, zone, id, year, pool[std::min(k, pool.size() - 1)], d);
      };
      const auto rest = static_cast<std::int64_t>(left_behind);
      fill(b[village], factory, HouseholdKind::village, z, seed, n[z].village > rest ? n[z].village - rest : 0,
           villagers, CountAll{b[village]});
    }
  });
  if (by_size) return join_by_size(std::move(blocks));
  Population pop;
  append(pop, std::move(blocks));
  return pop;
}

}  // namespace hukou
