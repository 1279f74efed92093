// How much memory a sweep on this machine may use: the least of what the machine
// has available (MemAvailable) and the job's own limit where there is one, since a
// batch job that exceeds its limit is killed however much the node has free:
// the process's cgroup (v2 memory.max of its cgroup and every ancestor; v1
// memory.limit_in_bytes) and Slurm's allocation (SLURM_MEM_PER_NODE, or
// SLURM_MEM_PER_CPU times the job's CPUs on the node), both in MiB.
#pragma once
#include <cstddef>
#include <functional>
#include <string>

namespace hukou::sweep {

struct MemoryBudget {
  std::size_t bytes = 0;
  std::string source;  // what set it, for messages: "MemAvailable", "cgroup memory.max", "SLURM_MEM_PER_NODE", ...
};

// `root` prefixes /proc and /sys (tests point it at a fake tree); `env` reads an
// environment variable (nullptr when unset).
using EnvReader = std::function<const char*(const char*)>;
MemoryBudget memory_budget(const std::string& root = "", const EnvReader& env = {});

}  // namespace hukou::sweep
