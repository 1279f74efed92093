#include "household_order.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <type_traits>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_reduce.h>
#include <tbb/parallel_for.h>
#include <tbb/task_group.h>

namespace hukou {

namespace {
// n households adjacent in both orders: from [hfrom] to [hto], their persons (pn)
// from [pfrom] to [pto].
struct Run {
  std::uint32_t hfrom, hto, hn, pfrom, pto, pn;
};

// The runs of a stable counting sort of the households by members.
std::vector<Run> plan(const Households& H) {
  const std::size_t nh = H.size();
  std::uint16_t top = 0;
  for (std::size_t h = 0; h < nh; ++h) top = std::max(top, H.members[h]);
  // Per size: the next household index and person index it takes.
  std::vector<std::uint32_t> next_h(top + 1u, 0), next_p(top + 1u, 0);
  for (std::size_t h = 0; h < nh; ++h) ++next_h[H.members[h]];
  std::uint32_t hsum = 0, psum = 0;
  for (std::size_t s = 0; s <= top; ++s) {
    const std::uint32_t n = next_h[s];
    next_h[s] = hsum;
    next_p[s] = psum;
    hsum += n;
    psum += n * static_cast<std::uint32_t>(s);
  }
  std::vector<Run> runs;
  for (std::uint32_t h = 0; h < nh; ++h) {
    const std::uint16_t s = H.members[h];
    const std::uint32_t to = next_h[s]++, pto = next_p[s];
    next_p[s] += s;
    if (!runs.empty()) {
      Run& r = runs.back();
      if (r.hfrom + r.hn == h && r.hto + r.hn == to && r.pfrom + r.pn == H.first[h] && r.pto + r.pn == pto) {
        ++r.hn;
        r.pn += s;
        continue;
      }
    }
    runs.push_back({h, to, 1, H.first[h], pto, s});
  }
  return runs;
}

// v moved along the runs, through `scratch` (a copy of v's elements, reused from
// array to array so that its pages are faulted once); f(value, run) gives the
// value at its new place (indices into the other table change).
template <class T, class F>
void move_along(std::vector<T>& v, const std::vector<Run>& runs, bool persons, std::vector<unsigned char>& scratch,
                F f) {
  static_assert(std::is_trivially_copyable_v<T>);
  const std::size_t bytes = v.size() * sizeof(T);
  if (scratch.size() < bytes) scratch.resize(bytes);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, bytes, std::size_t{1} << 20), [&](const auto& r) {
    std::memcpy(scratch.data() + r.begin(), reinterpret_cast<const unsigned char*>(v.data()) + r.begin(), r.size());
  });
  const T* old = reinterpret_cast<const T*>(scratch.data());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, runs.size(), 4096), [&](const auto& rr) {
    for (std::size_t k = rr.begin(); k != rr.end(); ++k) {
      const Run& r = runs[k];
      const std::uint32_t from = persons ? r.pfrom : r.hfrom, to = persons ? r.pto : r.hto, n = persons ? r.pn : r.hn;
      for (std::uint32_t j = 0; j < n; ++j) v[to + j] = f(old[from + j], r);
    }
  });
}

constexpr auto same = [](auto x, const Run&) { return x; };
}  // namespace

double size_descents(const Population& pop) {
  const auto& m = pop.h.members;
  if (m.size() < 2) return 0.0;
  const std::size_t descents = tbb::parallel_reduce(
      tbb::blocked_range<std::size_t>(1, m.size(), 1 << 16), std::size_t{0},
      [&](const tbb::blocked_range<std::size_t>& r, std::size_t n) {
        for (std::size_t h = r.begin(); h != r.end(); ++h) n += m[h] < m[h - 1];
        return n;
      },
      std::plus<>());
  return static_cast<double>(descents) / static_cast<double>(m.size() - 1);
}

void order_by_size(Population& pop) {
  const std::vector<Run> runs = plan(pop.h);
  std::vector<unsigned char> scratch;
  // Households::first holds indices into Persons, so it is remapped on the way;
  // every other array moves as it is. Picked by identity, not by type, so that an
  // array of the indices' type added later still moves as it is.
  const auto first = [](std::uint32_t i, const Run& r) { return i - r.pfrom + r.pto; };
  person_arrays([&](auto m) { move_along(pop.p.*m, runs, true, scratch, same); });
  household_arrays([&](auto m) {
    if constexpr (std::is_same_v<decltype(m), decltype(&Households::first)>) {
      if (m == &Households::first) return move_along(pop.h.*m, runs, false, scratch, first);
    }
    move_along(pop.h.*m, runs, false, scratch, same);
  });
}

namespace {
// Where each block's households of each size go, for a stable counting sort of the
// joined households by members: the sizes in ascending order, and within a size the
// blocks in their order, each block's households in theirs.
struct SizeSlots {
  std::size_t sizes = 0;                        // largest size + 1
  std::vector<std::uint32_t> household, person;  // [block * sizes + size]: first index
  std::size_t households = 0, persons = 0;

  explicit SizeSlots(const std::vector<Population>& blocks) {
    std::uint16_t top = 0;
    for (const Population& b : blocks)
      for (const std::uint16_t m : b.h.members) top = std::max(top, m);
    sizes = top + 1u;
    household.assign(blocks.size() * sizes, 0);
    person.assign(blocks.size() * sizes, 0);
    for (std::size_t b = 0; b < blocks.size(); ++b)
      for (const std::uint16_t m : blocks[b].h.members) ++household[b * sizes + m];
    std::uint32_t hsum = 0, psum = 0;
    for (std::size_t m = 0; m < sizes; ++m)
      for (std::size_t b = 0; b < blocks.size(); ++b) {
        const std::uint32_t n = household[b * sizes + m];
        household[b * sizes + m] = hsum;
        person[b * sizes + m] = psum;
        hsum += n;
        psum += n * static_cast<std::uint32_t>(m);
      }
    households = hsum;
    persons = psum;
  }
};

// Whether member pointer m is `target` (false for a member of another type).
template <class M, class N>
bool same_member(M m, N target) {
  if constexpr (std::is_same_v<M, N>)
    return m == target;
  else
    return false;
}

// Copies one array of every block to its place in v, after v's `base` elements:
// f(block, k, next household slot, next person slot) for each household k, in
// order, with its size's slots (which it advances), counted from the bases of the
// household and person arrays. v grows to base + n, with room to grow if it
// lacks the room (as append()'s arrays do).
template <class T, class F>
void place(const SizeSlots& slots, const std::vector<Population>& blocks, std::vector<T>& v, std::size_t base,
           std::size_t n, std::uint32_t hbase, std::uint32_t pbase, F f) {
  if (v.capacity() < base + n) v.reserve(room_to_grow(base + n));
  v.resize(base + n);
  std::vector<std::uint32_t> hnext(slots.sizes), pnext(slots.sizes);
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    std::copy_n(slots.household.begin() + static_cast<std::ptrdiff_t>(b * slots.sizes), slots.sizes, hnext.begin());
    std::copy_n(slots.person.begin() + static_cast<std::ptrdiff_t>(b * slots.sizes), slots.sizes, pnext.begin());
    const auto& members = blocks[b].h.members;
    for (std::size_t k = 0; k < members.size(); ++k) {
      const std::uint16_t m = members[k];
      f(b, k, hbase + hnext[m]++, pbase + pnext[m]);
      pnext[m] += m;
    }
  }
}
}  // namespace

void append_by_size(Population& pop, std::vector<Population> blocks) {
  const SizeSlots slots(blocks);
  const std::size_t hbase = pop.h.size(), pbase = pop.p.size();
  // One task per array, as in append(). Each task walks the blocks' households
  // through their members and first members (so those two arrays are freed last)
  // instead of reading a list of destinations made once: such a list, 8 bytes per
  // household, is the kind of memory this join exists to save.
  tbb::task_group g;
  person_arrays([&](auto m) {
    g.run([&, m] {
      auto& v = pop.p.*m;
      place(slots, blocks, v, pbase, slots.persons, static_cast<std::uint32_t>(hbase),
            static_cast<std::uint32_t>(pbase), [&](std::size_t b, std::size_t k, std::uint32_t, std::uint32_t to) {
              const auto& from = blocks[b].p.*m;
              const std::uint32_t first = blocks[b].h.first[k];
              std::copy_n(from.begin() + first, blocks[b].h.members[k], v.begin() + to);
            });
      for (Population& b : blocks) std::remove_reference_t<decltype(b.p.*m)>().swap(b.p.*m);
    });
  });
  household_arrays([&](auto m) {
    g.run([&, m] {
      auto& v = pop.h.*m;
      // Households::first holds indices into Persons: each gets its new one.
      // Picked by identity, not by type (see order_by_size).
      const bool first = same_member(m, &Households::first);
      place(slots, blocks, v, hbase, slots.households, static_cast<std::uint32_t>(hbase),
            static_cast<std::uint32_t>(pbase), [&](std::size_t b, std::size_t k, std::uint32_t to, std::uint32_t p) {
              v[to] = first ? static_cast<std::remove_reference_t<decltype(v[to])>>(p) : (blocks[b].h.*m)[k];
            });
      if (!first && !same_member(m, &Households::members))
        for (Population& b : blocks) std::remove_reference_t<decltype(b.h.*m)>().swap(b.h.*m);
    });
  });
  g.wait();
}  // the blocks' members and first members go with `blocks`

Population join_by_size(std::vector<Population> blocks) {
  Population pop;
  append_by_size(pop, std::move(blocks));
  return pop;
}

}  // namespace hukou
