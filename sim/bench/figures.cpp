#include "figures.hpp"

#include <stdexcept>

namespace hukou::bench {

const Run& Result::main_run() const {
  if (runs.empty()) throw std::logic_error("bench: no runs");
  const Run* best = &runs.front();
  for (const Run& r : runs)
    if (r.agents_requested > best->agents_requested ||
        (r.agents_requested == best->agents_requested && r.threads > best->threads))
      best = &r;
  return *best;
}

double Result::speedup(std::int64_t agents_requested, int from, int to) const {
  const Run* a = nullptr;
  const Run* b = nullptr;
  for (const Run& r : runs) {
    if (r.agents_requested != agents_requested) continue;
    if (r.threads == from && !a) a = &r;
    if (r.threads == to && !b) b = &r;
  }
  return a && b ? a->period_seconds / b->period_seconds : 0.0;
}

}  // namespace hukou::bench
