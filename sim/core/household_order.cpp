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

}  // namespace hukou
