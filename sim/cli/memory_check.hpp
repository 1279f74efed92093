// The memory a run may use, and refusing one that cannot fit before it starts
// (rather than being killed, or failing with std::bad_alloc, hours in).
#pragma once
#include <cstddef>
#include <string>

#include "core/scenario.hpp"

namespace hukou::cli {

struct MemoryLimit {
  double bytes = 0;    // the tightest of the limits below
  std::string source;  // which: "MemAvailable", "cgroup memory.max", "RLIMIT_AS"
};

// The least of: MemAvailable (/proc/meminfo), the cgroup v2 limit less what the
// cgroup uses (memory.max - memory.current), and the address-space limit
// (RLIMIT_AS) less what this process has mapped (VmSize).
MemoryLimit memory_limit();

// A message naming the estimate (core/footprint.hpp) and the limit if `live`
// replicates of `sc` at once do not fit, else "".
std::string memory_refusal(const Scenario& sc, std::size_t live);

}  // namespace hukou::cli
