#include "memory_check.hpp"

#include <sys/resource.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/footprint.hpp"

namespace hukou::cli {

namespace {
// The value of `key` in a "Key:  N kB" file (/proc/meminfo, /proc/self/status), in bytes.
double kb_field(const char* file, const std::string& key) {
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(key + ":", 0) == 0) {
      std::istringstream ss(line.substr(key.size() + 1));
      double kb = 0;
      if (ss >> kb) return kb * 1024.0;
    }
  return -1;
}

double number_in(const std::string& file) {
  std::ifstream in(file);
  std::string word;
  if (!(in >> word) || word == "max") return -1;
  try {
    return std::stod(word);
  } catch (const std::exception&) {
    return -1;
  }
}

// This process's cgroup v2 directory ("0::/path" in /proc/self/cgroup).
std::string cgroup_dir() {
  std::ifstream in("/proc/self/cgroup");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("0::", 0) == 0) return "/sys/fs/cgroup" + line.substr(3);
  return "";
}

std::string gib(double bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f GiB", bytes / (1024.0 * 1024.0 * 1024.0));
  return buf;
}
}  // namespace

MemoryLimit memory_limit() {
  MemoryLimit m{kb_field("/proc/meminfo", "MemAvailable"), "available memory (MemAvailable)"};
  if (m.bytes < 0) m = {INFINITY, "no known limit"};
  if (const std::string dir = cgroup_dir(); !dir.empty()) {
    const double max = number_in(dir + "/memory.max"), used = number_in(dir + "/memory.current");
    if (max >= 0 && max - std::max(used, 0.0) < m.bytes) m = {max - std::max(used, 0.0), "the cgroup's memory.max"};
  }
  rlimit as{};
  if (getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY) {
    const double left = static_cast<double>(as.rlim_cur) - std::max(kb_field("/proc/self/status", "VmSize"), 0.0);
    if (left < m.bytes) m = {left, "the address-space limit (RLIMIT_AS, ulimit -v)"};
  }
  return m;
}

std::string memory_refusal(const Scenario& sc, std::size_t live) {
  const double need = estimated_bytes(sc, live);
  const MemoryLimit m = memory_limit();
  if (need <= m.bytes) return "";
  char agents[32];
  std::snprintf(agents, sizeof agents, "%.3g", expected_agents(sc));
  return "the run needs about " + gib(need) + " of memory (" + agents + " agents x " + std::to_string(live) +
         " replicate" + (live == 1 ? "" : "s") + " at once) but " + gib(std::max(m.bytes, 0.0)) + " is available (" +
         m.source + "); raise scale, run fewer replicates at once (--threads) or free memory";
}

}  // namespace hukou::cli
