// Parallel loop over households with per-thread counters. Each household's work
// depends only on its own state and counter-based draws, so the result does not
// depend on how TBB splits the range or on the number of threads.
#pragma once
#include <algorithm>
#include <cstdint>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "world.hpp"

namespace hukou {

inline constexpr std::uint32_t kGrain = 2048;

// f(h, counters) for every household; the per-thread counters are added into
// `total` at the end (the period's flows unless another tally is given).
template <class F>
void for_households(World& w, Counters& total, F&& f) {
  LocalCounters lc(total);
  const auto n = static_cast<std::uint32_t>(w.pop.h.size());
  tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, n, kGrain),
                    [&](const tbb::blocked_range<std::uint32_t>& r) {
                      Counters& c = lc.local();
                      for (std::uint32_t h = r.begin(); h != r.end(); ++h) f(h, c);
                    });
  lc.merge_into(total);
}

// f(b, begin, end, counters) for each block b of kGrain households [begin, end):
// fixed blocks, for work recorded per block (compact_plan.hpp) whatever the
// thread count.
template <class F>
void for_household_blocks(World& w, Counters& total, F&& f) {
  LocalCounters lc(total);
  const auto n = static_cast<std::uint32_t>(w.pop.h.size());
  const std::uint32_t blocks = (n + kGrain - 1) / kGrain;
  tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, blocks, 1), [&](const tbb::blocked_range<std::uint32_t>& r) {
    Counters& c = lc.local();
    for (std::uint32_t b = r.begin(); b != r.end(); ++b) f(b, b * kGrain, std::min(n, (b + 1) * kGrain), c);
  });
  lc.merge_into(total);
}

template <class F>
void for_households(World& w, F&& f) {
  for_households(w, w.flows, std::forward<F>(f));
}

}  // namespace hukou
