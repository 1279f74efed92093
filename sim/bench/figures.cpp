#include "figures.hpp"

#include <cstdio>
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

const Run* Result::find(std::int64_t agents_requested, int threads) const {
  for (const Run& r : runs)
    if (r.agents_requested == agents_requested && r.threads == threads) return &r;
  return nullptr;
}

double Result::speedup(std::int64_t agents_requested, int from, int to) const {
  const Run* a = find(agents_requested, from);
  const Run* b = find(agents_requested, to);
  return a && b ? a->period_seconds / b->period_seconds : 0.0;
}

double Result::kernel_speedup(std::int64_t agents_requested, int from, int to) const {
  const Run* a = find(agents_requested, from);
  const Run* b = find(agents_requested, to);
  return a && b && a->kernel_rate > 0.0 ? b->kernel_rate / a->kernel_rate : 0.0;
}

std::string machine_scaling_caveat(const Result& r, std::int64_t agents_requested) {
  const double k = r.kernel_speedup(agents_requested);
  char buf[512];
  if (k <= 0.0) return "";
  if (r.kernel_agents < kMachineScalingAgents)
    std::snprintf(
        buf, sizeof buf,
        "the kernel's passes over %zu agents are too short to tell whether the machine ran 2 threads at full speed",
        r.kernel_agents);
  else if (k < kMachineScaling)
    std::snprintf(buf, sizeof buf,
                  "the kernel, parallel without a serial part, sped up only %.2fx: the machine did not run 2 threads "
                  "at full speed",
                  k);
  else
    return "";
  return buf;
}

}  // namespace hukou::bench
