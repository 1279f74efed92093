// Where the elements go is worked out once per compaction, as runs of elements
// that move together, recorded by demography per block of households
// (compact_plan.hpp); every array is then moved run by run with memmove. Finding
// the runs household by household for each array cost more than the copies
// themselves.
//
// The arrays are moved in place, each in its own allocation, which keeps its room
// from period to period. So no period allocates or page-faults a new population,
// and each element is read and written once (gathering into a scratch column and
// copying it back would move it twice and hold 8 more bytes per person).
#include "compact.hpp"

#include <algorithm>
#include <cstring>
#include <type_traits>
#include <utility>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_group.h>

#include "compact_plan.hpp"
#include "parallel.hpp"
#include "rng.hpp"

namespace hukou {

namespace {
// China's sex ratio at birth was about 111 boys per 100 girls in 2015-2017 (NBS).
constexpr double kFemaleAtBirth = 100.0 / 211.0;

using Range = tbb::blocked_range<std::size_t>;
using Run = CompactScratch::Run;
using Block = CompactScratch::Block;

// Where each block's new elements start: sums of the blocks' totals, in block
// order. Returns the new numbers of persons and households.
std::pair<std::size_t, std::size_t> place_blocks(CompactScratch& s) {
  std::uint32_t persons = 0, households = 0;
  for (Block& b : s.blocks) {
    b.person_base = persons;
    b.household_base = households;
    persons += b.persons_kept;
    households += b.households_kept;
  }
  return {persons, households};
}

// Moves the runs of `kind` within v, which then holds the n elements of the new
// population. Runs keep their order in both places, so a run moving left (to <
// from) can overwrite only sources of earlier runs moving left, and one moving
// right only those of later runs moving right: the first are moved first to last,
// then the second last to first. That order is serial, so compact() runs the
// arrays in parallel instead.
template <class T>
void move_in_place(const CompactScratch& s, std::vector<Run> Block::*kind, std::uint32_t Block::*base,
                   std::vector<T>& v, std::size_t n) {
  const std::size_t old = v.size();
  if (v.capacity() < room_needed(n)) v.reserve(room_to_grow(n));  // keeps the elements, unlike resize_for_overwrite
  v.resize(std::max(old, n));
  T* const p = v.data();
  const auto move = [p](const Run& r, std::uint32_t to) { std::memmove(p + to, p + r.from, r.n * sizeof(T)); };
  for (const Block& b : s.blocks)
    for (const Run& r : b.*kind)
      if (b.*base + r.to < r.from) move(r, b.*base + r.to);
  for (auto b = s.blocks.rbegin(); b != s.blocks.rend(); ++b) {
    const std::vector<Run>& runs = (*b).*kind;
    const std::uint32_t to0 = (*b).*base;
    for (auto r = runs.rbegin(); r != runs.rend(); ++r)
      if (to0 + r->to > r->from) move(*r, to0 + r->to);
  }
  v.resize(n);
}

// A household array anew, from a per-household array `from` of the old
// households; with add_person_base, plus the block's new first person (for the
// first members, which demography counts from the block's).
template <class T>
void gather_households(const CompactScratch& s, const T* from, bool add_person_base, std::vector<T>& v, std::size_t n) {
  resize_for_overwrite(v, n);
  tbb::parallel_for(Range(0, s.blocks.size(), 1), [&](const Range& r) {
    for (std::size_t b = r.begin(); b != r.end(); ++b) {
      const Block& k = s.blocks[b];
      const T add = add_person_base ? static_cast<T>(k.person_base) : T{0};
      for (const Run& run : k.households) {
        T* const to = v.data() + k.household_base + run.to;
        for (std::uint32_t j = 0; j < run.n; ++j) to[j] = static_cast<T>(from[run.from + j] + add);
      }
    }
  });
}

// The newborn, last of its household, takes the mother's hukou and place (the
// mother as demography found her: the first surviving woman aged 20-39).
void add_newborns(World& w) {
  Persons& P = w.pop.p;
  const CompactScratch& s = w.pop.scratch;
  const int year = w.year();
  const auto period = static_cast<std::uint32_t>(w.t);
  tbb::parallel_for(Range(0, s.blocks.size(), 1), [&](const Range& r) {
    for (std::size_t b = r.begin(); b != r.end(); ++b)
      for (const CompactScratch::Birth& birth : s.blocks[b].births) {
        const std::uint32_t to = s.blocks[b].person_base + birth.to;
        const std::uint64_t id = rng::derive_id(birth.mother_id, period, 0);
        rng::Draws d(w.seed, period, id, rng::Stream::birth);
        P.id[to] = id;
        P.birth_year[to] = static_cast<std::int16_t>(year);
        P.flags[to] =
            static_cast<std::uint16_t>((d.uniform() < kFemaleAtBirth ? pflag::female : 0) | birth.mother_flags);
        P.edu[to] = Edu::primary;
        P.emp[to] = Emp::none;
        P.si_years[to] = 0;
        P.town_years[to] = 0;
        P.permit_years[to] = 0;
        P.wage[to] = 0.0f;
      }
  });
}
}  // namespace

void compact(World& w) {
  Population& pop = w.pop;
  CompactScratch& s = pop.scratch;
  Persons& P = pop.p;
  Households& H = pop.h;
  // Plain variables, not a structured binding: clang 14 cannot capture a binding
  // in a lambda (C++20 allows it; GCC 12 does).
  const std::pair<std::size_t, std::size_t> placed = place_blocks(s);
  const std::size_t persons = placed.first, households = placed.second;

  // The plan holds all that is read from the old arrays' layout, so the arrays are
  // independent of each other: one task each. A household's first member and size
  // are taken anew from the plan; every other array moves as it is (the first two
  // picked by identity, not by type, so that a later array of their type moves).
  tbb::task_group g;
  person_arrays([&](auto m) {
    auto& v = P.*m;
    g.run([&s, &v, n = persons] { move_in_place(s, &Block::persons, &Block::person_base, v, n); });
  });
  household_arrays([&](auto m) {
    auto& v = H.*m;
    if constexpr (std::is_same_v<decltype(m), decltype(&Households::first)>) {
      if (m == &Households::first)
        return g.run([&s, &v, n = households] { gather_households(s, s.first.data(), true, v, n); });
    }
    if constexpr (std::is_same_v<decltype(m), decltype(&Households::members)>) {
      if (m == &Households::members)
        return g.run([&s, &v, n = households] { gather_households(s, s.size.data(), false, v, n); });
    }
    g.run([&s, &v, n = households] { move_in_place(s, &Block::households, &Block::household_base, v, n); });
  });
  g.wait();
  add_newborns(w);
}

}  // namespace hukou
