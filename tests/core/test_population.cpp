// The population's storage: parallel build, inflow and compaction give the same
// arrays for any thread count, keep each household's members adjacent, and hold
// little spare room.
#include <catch2/catch.hpp>

#include <tbb/global_control.h>

#include <algorithm>
#include <cstring>
#include <random>

#include "core/compact.hpp"
#include "core/compact_plan.hpp"
#include "core/engine.hpp"
#include "core/rng.hpp"
#include "fixtures.hpp"

using namespace hukou;

namespace {
template <class V>
bool same(const V& a, const V& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(typename V::value_type)) == 0;
}

bool same(const Population& a, const Population& b) {
  return same(a.p.id, b.p.id) && same(a.p.birth_year, b.p.birth_year) &&
         same(a.p.flags, b.p.flags) && same(a.p.edu, b.p.edu) && same(a.p.emp, b.p.emp) &&
         same(a.p.si_years, b.p.si_years) && same(a.p.town_years, b.p.town_years) &&
         same(a.p.permit_years, b.p.permit_years) && same(a.p.wage, b.p.wage) && same(a.h.id, b.h.id) &&
         same(a.h.first, b.h.first) && same(a.h.members, b.h.members) && same(a.h.zone, b.h.zone) &&
         same(a.h.origin, b.h.origin) && same(a.h.loc, b.h.loc) && same(a.h.tenure, b.h.tenure) &&
         same(a.h.tenure_years, b.h.tenure_years) && same(a.h.flags, b.h.flags) && same(a.h.channel, b.h.channel) &&
         same(a.h.rental_wait, b.h.rental_wait) && same(a.h.land_mu, b.h.land_mu);
}

// The population after the build (t = 0) and after each period, with n threads.
std::vector<Population> states(int threads, const Scenario& sc) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  Model m(sc, 77);
  std::vector<Population> out{m.world().pop};
  while (!m.finished()) {
    m.step();
    out.push_back(m.world().pop);
  }
  return out;
}
}  // namespace

TEST_CASE("core population: the agent arrays are bitwise identical for 1, 2 and 4 threads", "[core][population]") {
  const Scenario sc = test::small_scenario();
  const std::vector<Population> one = states(1, sc);
  for (int n : {2, 4}) {
    const std::vector<Population> many = states(n, sc);
    REQUIRE(one.size() == many.size());
    for (std::size_t t = 0; t < one.size(); ++t) {
      INFO("period " << t << " with " << n << " threads");
      CHECK(same(one[t], many[t]));
    }
  }
}

TEST_CASE("core population: members stay adjacent and in household order; the dead are dropped",
          "[core][population]") {
  Model m(test::small_scenario(), 5);
  while (!m.finished()) {
    m.step();
    const Population& pop = m.world().pop;
    std::uint32_t next = 0;
    bool ok = true;
    for (std::uint32_t h = 0; h < pop.h.size(); ++h) {
      ok = ok && pop.h.first[h] == next && pop.h.members[h] > 0;
      for (std::uint32_t i = pop.h.first[h]; i < pop.h.first[h] + pop.h.members[h]; ++i)
        ok = ok && !(pop.p.flags[i] & pflag::dead);
      next += pop.h.members[h];
    }
    INFO("year " << m.world().year());
    CHECK(ok);
    CHECK(next == pop.p.size());
  }
}

namespace {
// What compact() must give, written the plain way, one household after another:
// each household with a new size (scratch.size) in order, its surviving members in
// order, then its newborn if the size counts one more than the survivors. The
// newborn's values mirror compact.cpp.
Population reference_compaction(const World& w) {
  const Population& pop = w.pop;
  const CompactScratch& s = pop.scratch;
  const Persons& P = pop.p;
  const Households& H = pop.h;
  Population r;
  const auto add_person = [&r](std::uint64_t id, std::int16_t birth_year, std::uint16_t flags, Edu edu, Emp emp,
                               std::uint8_t si, std::uint8_t town, std::uint8_t permit, float wage) {
    r.p.id.push_back(id); r.p.birth_year.push_back(birth_year); r.p.flags.push_back(flags);
    r.p.edu.push_back(edu); r.p.emp.push_back(emp); r.p.si_years.push_back(si); r.p.town_years.push_back(town);
    r.p.permit_years.push_back(permit); r.p.wage.push_back(wage);
  };
  for (std::uint32_t h = 0; h < H.size(); ++h) {
    if (!s.size[h]) continue;
    r.h.id.push_back(H.id[h]); r.h.first.push_back(static_cast<std::uint32_t>(r.p.size()));
    r.h.members.push_back(s.size[h]); r.h.zone.push_back(H.zone[h]); r.h.origin.push_back(H.origin[h]);
    r.h.loc.push_back(H.loc[h]); r.h.tenure.push_back(H.tenure[h]); r.h.tenure_years.push_back(H.tenure_years[h]);
    r.h.flags.push_back(H.flags[h]); r.h.channel.push_back(H.channel[h]); r.h.rental_wait.push_back(H.rental_wait[h]);
    r.h.land_mu.push_back(H.land_mu[h]);
    std::int64_t mother = -1, last = -1;
    std::uint32_t survivors = 0;
    for (std::uint32_t i = H.first[h]; i < H.first[h] + H.members[h]; ++i) {
      if (P.flags[i] & pflag::dead) continue;
      ++survivors;
      add_person(P.id[i], P.birth_year[i], P.flags[i], P.edu[i], P.emp[i], P.si_years[i], P.town_years[i],
                 P.permit_years[i], P.wage[i]);
      const int age = w.year() - P.birth_year[i];
      if (mother < 0 && (P.flags[i] & pflag::female) && age >= 20 && age <= 39) mother = i;
      last = i;
    }
    if (s.size[h] == survivors) continue;  // no newborn
    const auto m = static_cast<std::uint32_t>(mother >= 0 ? mother : last);  // the last survivor if no woman is 20-39
    const auto period = static_cast<std::uint32_t>(w.t);
    const std::uint64_t id = rng::derive_id(P.id[m], period, 0);
    rng::Draws d(w.seed, period, id, rng::Stream::birth);
    const auto flags = static_cast<std::uint16_t>((d.uniform() < 100.0 / 211.0 ? pflag::female : 0) |
                                                  (P.flags[m] & (pflag::in_town | pflag::settled)));
    add_person(id, static_cast<std::int16_t>(w.year()), flags, Edu::primary, Emp::none, 0, 0, 0, 0.0f);
  }
  return r;
}

// Leaves the scratch as demography would, at random: each household is dropped
// (its members alive, as a departed household's) with probability `dropped`, each
// member dies with probability `dead`, and a household with a survivor has a
// newborn with probability `born`, whose mother is as in reference_compaction.
void mark(World& w, std::mt19937_64& g, double dead, double dropped, double born) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  CompactScratch& s = w.pop.scratch;
  const Households& H = w.pop.h;
  Persons& P = w.pop.p;
  BlockPlan::prepare(s, H.size());
  for (std::size_t b = 0; b < s.blocks.size(); ++b) {
    BlockPlan plan(s, b);
    const auto end = static_cast<std::uint32_t>(std::min<std::size_t>(H.size(), (b + 1) * kGrain));
    for (auto h = static_cast<std::uint32_t>(b * kGrain); h < end; ++h) {
      const std::uint32_t first = H.first[h], n = H.members[h];
      if (u(g) < dropped) {
        plan.household(P, h, first, n, 0, -1);
        continue;
      }
      std::uint32_t alive = 0;
      std::int64_t mother = -1, last = -1;
      for (std::uint32_t i = first; i < first + n; ++i) {
        if (u(g) < dead) {
          P.flags[i] |= pflag::dead;
          continue;
        }
        ++alive;
        const int age = w.year() - P.birth_year[i];
        if (mother < 0 && (P.flags[i] & pflag::female) && age >= 20 && age <= 39) mother = i;
        last = i;
      }
      const bool newborn = alive > 0 && u(g) < born;
      plan.household(P, h, first, n, alive, newborn ? (mother >= 0 ? mother : last) : -1);
    }
  }
}

// Compacts w again and again with the given rates, each time checking the result
// against the reference; the scratch is reused from round to round, as in a run.
void check_compaction(World& w, std::uint64_t seed) {
  std::mt19937_64 g(seed);
  const double rates[][3] = {{0.01, 0.01, 0.03}, {0.0, 0.0, 0.0}, {0.3, 0.2, 0.3}, {0.0, 0.0, 1.0},
                             {0.0, 0.5, 0.0}, {0.05, 0.0, 0.0}, {0.02, 0.02, 0.05}};
  for (const auto& r : rates) {
    mark(w, g, r[0], r[1], r[2]);
    const Population expected = reference_compaction(w);
    compact(w);
    INFO("deaths " << r[0] << ", dropped " << r[1] << ", births " << r[2] << ": " << w.pop.p.size() << " persons");
    REQUIRE(same(w.pop, expected));
  }
}
}  // namespace

TEST_CASE("core population: compaction equals a plain serial compaction", "[core][population]") {
  Model m(test::small_scenario(), 11);
  m.step();
  m.step();
  World w = m.world();
  REQUIRE(w.pop.h.size() > 3 * 2048);  // several blocks of the plan

  SECTION("a population from a run") {
    check_compaction(w, 1);
  }
  SECTION("households without members, which are dropped and end a run of the same shift") {
    std::mt19937_64 g(2);
    Population pop;
    for (std::uint32_t h = 0; h < 5000; ++h) {
      const auto n = static_cast<std::uint16_t>(h % 7 == 3 ? 0 : g() % 5);
      pop.h.resize(h + 1);
      pop.h.id[h] = 1000 + h;
      pop.h.first[h] = static_cast<std::uint32_t>(pop.p.size());
      pop.h.members[h] = n;
      pop.h.zone[h] = static_cast<std::uint8_t>(h % 3);
      pop.h.land_mu[h] = static_cast<float>(h);
      for (std::uint16_t k = 0; k < n; ++k) {
        const std::size_t i = pop.p.size();
        pop.p.resize(i + 1);
        pop.p.id[i] = 10 * (1000 + h) + k;
        pop.p.birth_year[i] = static_cast<std::int16_t>(w.year() - static_cast<int>(g() % 60));
        pop.p.flags[i] = static_cast<std::uint16_t>(g() % 2 ? pflag::female : 0);
        pop.p.wage[i] = static_cast<float>(i);
      }
    }
    w.pop = std::move(pop);
    check_compaction(w, 3);
  }
}

TEST_CASE("core population: the model state holds at most 64 bytes per person", "[core][population]") {
  Model m(test::small_scenario(), 5);
  while (!m.finished()) {
    m.step();
    const Population& pop = m.world().pop;
    INFO("year " << m.world().year());
    CHECK(static_cast<double>(pop.bytes()) / static_cast<double>(pop.p.size()) <= 64.0);
  }
}

TEST_CASE("core population: append joins blocks in order and shifts their first members", "[core][population]") {
  const auto block = [](std::uint64_t id, std::uint16_t members) {
    Population b;
    b.h.resize(1);
    b.h.id[0] = id;
    b.h.members[0] = members;
    b.p.resize(members);
    for (std::uint16_t k = 0; k < members; ++k) b.p.id[k] = id * 10 + k;
    return b;
  };
  Population pop = block(1, 2);
  std::vector<Population> blocks;
  blocks.push_back(block(2, 3));
  blocks.push_back(block(3, 1));
  append(pop, std::move(blocks));
  CHECK(pop.h.id == std::vector<std::uint64_t>{1, 2, 3});
  CHECK(pop.h.first == std::vector<std::uint32_t>{0, 2, 5});
  CHECK(pop.p.id == std::vector<std::uint64_t>{10, 11, 20, 21, 22, 30});
}
