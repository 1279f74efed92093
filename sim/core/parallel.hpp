// Parallel loop over households with per-thread counters. Each household's work
// depends only on its own state and counter-based draws, and counters are integer
// sums, so the result does not depend on how the range is split or on the number
// of threads.
#pragma once
#include <algorithm>
#include <cstdint>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "world.hpp"

namespace hukou {

inline constexpr std::uint32_t kGrain = 2048;

// f(first, last, counters) for each block [first, last) of kGrain households from
// `begin` to `end`: fixed blocks whatever the thread count, for work recorded per
// block (compact_plan.hpp). Each thread's counters are added into `total` at the end.
template <class F>
void for_household_blocks(std::uint32_t begin, std::uint32_t end, Counters& total, F&& f) {
  LocalCounters lc(total);
  const std::uint32_t blocks = (end - begin + kGrain - 1) / kGrain;
  tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, blocks, 1), [&](const tbb::blocked_range<std::uint32_t>& r) {
    Counters& c = lc.local();
    for (std::uint32_t b = r.begin(); b != r.end(); ++b) {
      const std::uint32_t first = begin + b * kGrain;
      f(first, std::min(end, first + kGrain), c);
    }
  });
  lc.merge_into(total);
}

}  // namespace hukou
