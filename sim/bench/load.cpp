#include "load.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>

namespace hukou::bench {

namespace {
struct Times {
  double busy = 0.0, total = 0.0, own = 0.0;
};

Times now() {
  Times t;
  std::ifstream in("/proc/stat");
  std::string cpu;
  // user nice system idle iowait irq softirq steal: jiffies summed over all CPUs.
  double f[8] = {};
  if (in >> cpu && cpu == "cpu" && in >> f[0] >> f[1] >> f[2] >> f[3] >> f[4] >> f[5] >> f[6] >> f[7]) {
    const double hz = static_cast<double>(sysconf(_SC_CLK_TCK));
    for (const double x : f) t.total += x / hz;
    t.busy = t.total - (f[3] + f[4]) / hz;
  }
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  t.own = static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
          static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
  return t;
}
}  // namespace

OtherLoad::OtherLoad() {
  const Times t = now();
  busy_ = t.busy;
  total_ = t.total;
  own_ = t.own;
}

double OtherLoad::share() const {
  const Times t = now();
  const double total = t.total - total_;
  if (total <= 0.0) return 0.0;
  // Jiffies are coarse (10 ms): clamp the small negative values rounding gives.
  return std::clamp(((t.busy - busy_) - (t.own - own_)) / total, 0.0, 1.0);
}

}  // namespace hukou::bench
