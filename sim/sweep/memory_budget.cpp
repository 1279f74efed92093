#include "memory_budget.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace hukou::sweep {

namespace {
namespace fs = std::filesystem;
constexpr std::size_t kMiB = std::size_t{1} << 20;

// A limit file's number of bytes; none for "max", a missing file or a value so
// large it means "no limit" (cgroup v1 writes the page-rounded maximum).
std::optional<std::size_t> limit_file(const fs::path& p) {
  std::ifstream in(p);
  std::string text;
  if (!(in >> text) || text == "max") return std::nullopt;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  if (end == text.c_str() || *end != '\0' || v >= (1ull << 60)) return std::nullopt;
  return static_cast<std::size_t>(v);
}

std::optional<std::size_t> mem_available(const std::string& root) {
  std::ifstream in(root + "/proc/meminfo");
  std::string key, unit;
  std::size_t kb = 0;
  while (in >> key >> kb >> unit)
    if (key == "MemAvailable:") return kb * 1024;
  return std::nullopt;
}

void take(MemoryBudget& b, std::optional<std::size_t> bytes, const std::string& source) {
  if (bytes && *bytes > 0 && (b.bytes == 0 || *bytes < b.bytes)) b = {*bytes, source};
}

// The process's cgroup limits: v2 ("0::/path": the tightest memory.max from the
// cgroup up to the root) and v1 ("N:...memory...:/path").
void cgroup_limits(MemoryBudget& b, const std::string& root) {
  std::ifstream in(root + "/proc/self/cgroup");
  for (std::string line; std::getline(in, line);) {
    const auto c1 = line.find(':'), c2 = line.find(':', c1 + 1);
    if (c1 == std::string::npos || c2 == std::string::npos) continue;
    const std::string controllers = line.substr(c1 + 1, c2 - c1 - 1);
    const fs::path rel = fs::path(line.substr(c2 + 1)).relative_path();
    if (controllers.empty()) {
      for (fs::path p = rel;; p = p.parent_path()) {
        take(b, limit_file(fs::path(root + "/sys/fs/cgroup") / p / "memory.max"), "cgroup memory.max");
        if (p.empty()) break;
      }
    } else if (("," + controllers + ",").find(",memory,") != std::string::npos) {
      take(b, limit_file(fs::path(root + "/sys/fs/cgroup/memory") / rel / "memory.limit_in_bytes"),
           "cgroup memory.limit_in_bytes");
    }
  }
}

std::optional<std::size_t> mebibytes(const char* text, std::size_t times = 1) {
  if (!text || !*text) return std::nullopt;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(text, &end, 10);
  if (end == text || (*end != '\0' && *end != 'M')) return std::nullopt;
  return static_cast<std::size_t>(v) * kMiB * times;
}
}  // namespace

MemoryBudget memory_budget(const std::string& root, const EnvReader& env_reader) {
  const EnvReader env = env_reader ? env_reader : EnvReader([](const char* k) { return std::getenv(k); });
  MemoryBudget b;
  take(b, mem_available(root), "MemAvailable");
  cgroup_limits(b, root);
  take(b, mebibytes(env("SLURM_MEM_PER_NODE")), "SLURM_MEM_PER_NODE");
  if (const auto per_cpu = mebibytes(env("SLURM_MEM_PER_CPU"))) {
    const char* cpus = env("SLURM_CPUS_ON_NODE");
    if (!cpus) cpus = env("SLURM_CPUS_PER_TASK");
    const std::size_t n = cpus ? std::max<std::size_t>(1, std::strtoull(cpus, nullptr, 10)) : 1;
    take(b, *per_cpu * n, "SLURM_MEM_PER_CPU");
  }
  if (b.bytes == 0) b = {std::size_t{4} << 30, "unknown (4 GiB assumed)"};
  return b;
}

}  // namespace hukou::sweep
