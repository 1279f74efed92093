// Households in order of size (core/household_order.hpp): the reordering keeps every
// household and person with all its fields and its members adjacent and in order,
// (the results' independence of the order: tests/scenario/test_household_order.cpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <map>

#include "core/engine.hpp"
#include "core/household_order.hpp"
#include "fixtures.hpp"

using namespace hukou;

namespace {
// Everything of one household, its members' fields in their order, keyed by id.
struct Snapshot {
  std::vector<std::uint64_t> h;  // household fields, each widened
  std::vector<std::uint64_t> p;  // members' fields, in member order
  bool operator==(const Snapshot&) const = default;
};

std::map<std::uint64_t, Snapshot> by_id(const Population& pop) {
  const auto& H = pop.h;
  const auto& P = pop.p;
  std::map<std::uint64_t, Snapshot> out;
  for (std::size_t h = 0; h < H.size(); ++h) {
    Snapshot s;
    std::uint32_t land = 0;
    std::memcpy(&land, &H.land_mu[h], sizeof land);
    s.h = {H.members[h], H.zone[h], H.origin[h], static_cast<std::uint64_t>(H.loc[h]),
           static_cast<std::uint64_t>(H.tenure[h]), H.tenure_years[h], H.flags[h], H.channel[h], H.rental_wait[h], land};
    for (std::uint32_t i = H.first[h]; i < H.first[h] + H.members[h]; ++i) {
      std::uint32_t wage = 0;
      std::memcpy(&wage, &P.wage[i], sizeof wage);
      s.p.insert(s.p.end(), {P.id[i], static_cast<std::uint64_t>(P.birth_year[i]), P.flags[i],
                             static_cast<std::uint64_t>(P.edu[i]), static_cast<std::uint64_t>(P.emp[i]), P.si_years[i],
                             P.town_years[i], P.permit_years[i], wage});
    }
    REQUIRE(out.emplace(H.id[h], std::move(s)).second);
  }
  return out;
}

// Members adjacent, households' persons in household order.
void check_layout(const Population& pop) {
  const auto& H = pop.h;
  std::uint32_t next = 0;
  for (std::uint32_t h = 0; h < H.size(); ++h) {
    REQUIRE(H.first[h] == next);
    next += H.members[h];
  }
  REQUIRE(next == pop.p.size());
}
}  // namespace

TEST_CASE("core household order: households by size, each with all its fields and members", "[core][order]") {
  Model m(test::small_scenario(), 5, false);
  for (int t = 0; t < 3; ++t) m.step();  // deaths, births and the inflow in the arrays
  Population pop = m.world().pop;
  check_layout(pop);
  const auto before = by_id(pop);
  REQUIRE(size_descents(pop) > 0.2);  // the order households are made in

  order_by_size(pop);
  check_layout(pop);
  CHECK(size_descents(pop) == 0.0);
  CHECK(by_id(pop) == before);
  // Stable: equal sizes keep their order (the ids' order before, among each size).
  const auto& old_pop = m.world().pop;
  std::map<std::uint16_t, std::vector<std::uint64_t>> old_order, new_order;
  for (std::size_t h = 0; h < old_pop.h.size(); ++h) old_order[old_pop.h.members[h]].push_back(old_pop.h.id[h]);
  for (std::size_t h = 0; h < pop.h.size(); ++h) new_order[pop.h.members[h]].push_back(pop.h.id[h]);
  CHECK(old_order == new_order);
  // The spare room stays: the arrays keep their capacity.
  CHECK(pop.p.id.capacity() >= old_pop.p.id.size());

  Population again = pop;
  order_by_size(again);  // in order already: nothing moves
  check_layout(again);
  CHECK(again.h.id == pop.h.id);
  CHECK(again.p.id == pop.p.id);
}

namespace {
// The households of `whole` cut into blocks at `cuts` (household indices), each
// block with its first members from 0, as the synthesis and the inflow make them.
std::vector<Population> cut(const Population& whole, const std::vector<std::size_t>& cuts) {
  std::vector<Population> blocks;
  for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
    Population b;
    for (std::size_t h = cuts[c]; h < cuts[c + 1]; ++h) {
      const std::uint32_t at = static_cast<std::uint32_t>(b.p.size());
      household_arrays([&](auto f) { (b.h.*f).push_back((whole.h.*f)[h]); });
      b.h.first.back() = at;
      for (std::uint32_t i = whole.h.first[h]; i < whole.h.first[h] + whole.h.members[h]; ++i)
        person_arrays([&](auto f) { (b.p.*f).push_back((whole.p.*f)[i]); });
    }
    blocks.push_back(std::move(b));
  }
  return blocks;
}

void check_same_arrays(const Population& got, const Population& expected) {
  person_arrays([&](auto f) { CHECK((got.p.*f) == (expected.p.*f)); });
  household_arrays([&](auto f) { CHECK((got.h.*f) == (expected.h.*f)); });
}
}  // namespace

TEST_CASE("core household order: join_by_size equals append then order_by_size", "[core][order]") {
  Model m(test::small_scenario(), 5, false);
  for (int t = 0; t < 3; ++t) m.step();  // sizes after deaths, births and the inflow
  const Population& whole = m.world().pop;
  // Uneven blocks, the first empty.
  const std::size_t n = whole.h.size();
  const std::vector<Population> blocks = cut(whole, {0, 0, 7, n / 3, n - 1, n});
  Population expected;
  append(expected, blocks);
  order_by_size(expected);
  const Population joined = join_by_size(blocks);
  check_layout(joined);
  CHECK(size_descents(joined) == 0.0);
  check_same_arrays(joined, expected);
  // Room to grow, as append() leaves.
  CHECK(joined.p.id.capacity() == room_to_grow(joined.p.size()));
  CHECK(joined.h.id.capacity() == room_to_grow(joined.h.size()));
  CHECK(join_by_size({}).p.size() == 0);
}

TEST_CASE("core household order: append_by_size appends the blocks joined in order of size", "[core][order]") {
  Model m(test::small_scenario(), 5, false);
  for (int t = 0; t < 3; ++t) m.step();
  const Population& whole = m.world().pop;
  const std::size_t n = whole.h.size();
  // A population of the first half's households (not in order of size), then
  // blocks of the second half as the inflow's zones make them (one empty).
  const std::vector<Population> halves = cut(whole, {0, n / 2, n});
  const std::vector<Population> blocks = cut(whole, {n / 2, n / 2 + 5, n / 2 + 5, 3 * n / 4, n});
  REQUIRE(halves[0].h.size() > 100);

  // Room enough, and too little (the arrays grow, keeping what they held).
  for (const bool roomy : {true, false}) {
    Population got = halves[0];
    if (roomy) {
      got.p.reserve(whole.p.size());
      got.h.reserve(whole.h.size());
    } else {
      got.p.id.shrink_to_fit();
      got.h.id.shrink_to_fit();
    }
    append_by_size(got, blocks);
    Population expected = halves[0];
    append(expected, {join_by_size(blocks)});
    check_layout(got);
    check_same_arrays(got, expected);
    CHECK(by_id(got) == by_id(whole));
    // The appended households in order of size, the first half's as they were.
    CHECK(std::is_sorted(got.h.members.begin() + static_cast<std::ptrdiff_t>(n / 2), got.h.members.end()));
    CHECK(std::equal(halves[0].h.id.begin(), halves[0].h.id.end(), got.h.id.begin()));
    if (!roomy) CHECK(got.p.id.capacity() == room_to_grow(got.p.size()));
  }
  Population unchanged = halves[0];
  append_by_size(unchanged, {});
  check_same_arrays(unchanged, halves[0]);
}

TEST_CASE("core household order: size_descents counts households smaller than the one before", "[core][order]") {
  Population pop;
  pop.h.members = {1, 2, 2, 3};
  CHECK(size_descents(pop) == 0.0);
  pop.h.members = {3, 2, 1, 1, 4};
  CHECK(size_descents(pop) == 0.5);  // 2 of 4 pairs
  pop.h.members = {2};
  CHECK(size_descents(pop) == 0.0);
}
