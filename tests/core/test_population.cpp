// The population's storage: parallel build, inflow and compaction give the same
// arrays for any thread count, keep each household's members adjacent, and hold
// little spare room.
#include <catch2/catch.hpp>

#include <tbb/global_control.h>

#include <cstring>

#include "core/engine.hpp"
#include "fixtures.hpp"

using namespace hukou;

namespace {
template <class V>
bool same(const V& a, const V& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(typename V::value_type)) == 0;
}

bool same(const Population& a, const Population& b) {
  return same(a.p.id, b.p.id) && same(a.p.hh, b.p.hh) && same(a.p.birth_year, b.p.birth_year) &&
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
        ok = ok && pop.p.hh[i] == h && !(pop.p.flags[i] & pflag::dead);
      next += pop.h.members[h];
    }
    INFO("year " << m.world().year());
    CHECK(ok);
    CHECK(next == pop.p.size());
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

TEST_CASE("core population: append joins blocks in order and shifts their indices", "[core][population]") {
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
  CHECK(pop.p.hh == std::vector<std::uint32_t>{0, 0, 1, 1, 1, 2});
  CHECK(pop.p.id == std::vector<std::uint64_t>{10, 11, 20, 21, 22, 30});
}
