// The memory a sweep may use: the least of MemAvailable, the cgroup's limit and
// Slurm's allocation, read from a fake /proc and /sys tree and environment.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include <unistd.h>

#include "sweep/memory_budget.hpp"

namespace fs = std::filesystem;
using hukou::sweep::memory_budget;

namespace {
constexpr std::size_t MiB = std::size_t{1} << 20;

struct FakeMachine {
  fs::path root = fs::temp_directory_path() / ("hukou_membudget_" + std::to_string(::getpid()));
  std::map<std::string, std::string> env;
  FakeMachine() {
    fs::remove_all(root);
    write("proc/meminfo", "MemTotal: 67108864 kB\nMemAvailable: 33554432 kB\n");  // 32 GiB available
  }
  ~FakeMachine() { fs::remove_all(root); }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << text;
  }
  hukou::sweep::MemoryBudget budget() {
    return memory_budget(root.string(), [this](const char* k) -> const char* {
      const auto it = env.find(k);
      return it == env.end() ? nullptr : it->second.c_str();
    });
  }
};
}  // namespace

TEST_CASE("sweep memory budget: the machine's available memory without limits", "[sweep][memory]") {
  FakeMachine m;
  m.write("proc/self/cgroup", "0::/user.slice/session-1.scope\n");
  m.write("sys/fs/cgroup/user.slice/session-1.scope/memory.max", "max\n");
  const auto b = m.budget();
  CHECK(b.bytes == 32768 * MiB);
  CHECK(b.source == "MemAvailable");
}

TEST_CASE("sweep memory budget: cgroup v2 limits, the tightest ancestor counts", "[sweep][memory]") {
  FakeMachine m;
  m.write("proc/self/cgroup", "0::/system.slice/slurmstepd.scope/job_42/step_0\n");
  m.write("sys/fs/cgroup/system.slice/slurmstepd.scope/job_42/step_0/memory.max", "max\n");
  m.write("sys/fs/cgroup/system.slice/slurmstepd.scope/job_42/memory.max", std::to_string(8192 * MiB) + "\n");
  m.write("sys/fs/cgroup/system.slice/memory.max", std::to_string(16384 * MiB) + "\n");
  const auto b = m.budget();
  CHECK(b.bytes == 8192 * MiB);
  CHECK(b.source == "cgroup memory.max");
}

TEST_CASE("sweep memory budget: cgroup v1 limit, and v1's 'no limit' value", "[sweep][memory]") {
  FakeMachine m;
  m.write("proc/self/cgroup", "5:memory:/slurm/uid_0/job_7\n4:cpu,cpuacct:/slurm/uid_0/job_7\n");
  m.write("sys/fs/cgroup/memory/slurm/uid_0/job_7/memory.limit_in_bytes", std::to_string(4096 * MiB));
  CHECK(m.budget().bytes == 4096 * MiB);
  CHECK(m.budget().source == "cgroup memory.limit_in_bytes");
  m.write("sys/fs/cgroup/memory/slurm/uid_0/job_7/memory.limit_in_bytes", "9223372036854771712");
  CHECK(m.budget().source == "MemAvailable");
}

TEST_CASE("sweep memory budget: Slurm's allocation per node or per CPU", "[sweep][memory]") {
  FakeMachine m;
  m.env["SLURM_MEM_PER_NODE"] = "16384";
  CHECK(m.budget().bytes == 16384 * MiB);
  CHECK(m.budget().source == "SLURM_MEM_PER_NODE");
  m.env.clear();
  m.env["SLURM_MEM_PER_CPU"] = "2000";
  m.env["SLURM_CPUS_ON_NODE"] = "4";
  CHECK(m.budget().bytes == 8000 * MiB);
  CHECK(m.budget().source == "SLURM_MEM_PER_CPU");
  m.env["SLURM_MEM_PER_CPU"] = "64000";  // more than the machine has: the machine's counts
  CHECK(m.budget().source == "MemAvailable");
}
