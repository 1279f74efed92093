#include "measure.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <tbb/global_control.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "kernel.hpp"
#include "load.hpp"
#include "output/hdf5_writer.hpp"
#include "output/run_metadata.hpp"
#include "sizing.hpp"

namespace hukou::bench {

namespace {
// The kernel's arrays stay this small at any size (17 bytes an agent): far beyond
// the caches, so memory traffic is real, yet they add little to the peak RSS
// reported for the model. The kernel is compute-bound; its rate does not depend
// on the size past the caches.
constexpr std::size_t kKernelMaxAgents = 4'000'000;
constexpr std::uint64_t kKernelSeed = 1;  // any: the kernel's cost does not depend on its draws

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

std::string seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f s", s);
  return buf;
}

std::size_t peak_rss_bytes() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<std::size_t>(u.ru_maxrss) * 1024;  // Linux reports KiB
}

double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

double time_output(const Model& m, const Sized& s, int threads) {
  const auto path = std::filesystem::temp_directory_path() / ("hukou-bench-" + std::to_string(::getpid()) + ".h5");
  const output::RunMetadata meta = output::run_metadata(s.sc, {"bench", "", s.sc.seed, 1, threads});
  const std::vector<RunResult> reps{m.result()};  // copied outside the timing, as `hukou run` holds its results
  const auto t0 = Clock::now();
  output::write_run_file(path, reps, meta);
  const double secs = since(t0);
  std::error_code ec;
  std::filesystem::remove(path, ec);
  return secs;
}

// One model run, with kernel passes before, between and after its periods.
Run run_once(const Sized& s, std::int64_t agents, int threads, int periods, LogitKernel& kernel, const Log& log) {
  const OtherLoad others;
  Run r;
  r.agents_requested = agents;
  r.scale = s.sc.scale;
  r.threads = threads;
  r.periods = periods;
  std::uint32_t pass = 0;
  r.kernel_rates.push_back(kernel.run(pass++));

  auto t0 = Clock::now();
  Model m(s.sc, s.sc.seed);
  r.build_seconds = since(t0);
  r.persons = static_cast<std::int64_t>(m.world().pop.p.size());
  r.households = static_cast<std::int64_t>(m.world().pop.h.size());
  if (log) log("  built " + std::to_string(r.persons) + " agents in " + seconds(r.build_seconds));

  for (int p = 0; p < periods; ++p) {
    r.kernel_rates.push_back(kernel.run(pass++));
    r.agent_steps += static_cast<double>(m.world().pop.p.size());
    t0 = Clock::now();
    m.step();
    const double secs = since(t0);
    r.period_seconds += secs;
    if (log) log("  period " + std::to_string(p + 1) + ": " + seconds(secs));
  }
  r.kernel_rates.push_back(kernel.run(pass++));
  r.phase_seconds = m.phase_seconds();
  r.persons_end = static_cast<std::int64_t>(m.world().pop.p.size());
  r.model_bytes = m.world().pop.bytes();
  r.output_seconds = time_output(m, s, threads);
  r.peak_rss_bytes = peak_rss_bytes();
  r.other_load = others.share();
  return r;
}
}  // namespace

Result run_bench(Options o, const Log& log) {
  std::sort(o.agents.begin(), o.agents.end());  // ascending, so the process's peak RSS is this size's
  o.agents.erase(std::unique(o.agents.begin(), o.agents.end()), o.agents.end());
  Result res;
  res.options = o;
  res.kernel_agents = static_cast<std::size_t>(std::min<std::int64_t>(o.agents.back(), kKernelMaxAgents));
  // One kernel for every size, so its rate is comparable across them.
  LogitKernel kernel(res.kernel_agents, kKernelSeed);
  for (const std::int64_t agents : o.agents) {
    if (log) log("sizing " + o.scenario + " to " + std::to_string(agents) + " agents");
    const Sized s = scenario_for(o.scenario, agents, o.periods);
    // Repeats outermost, thread counts inside: a burst of load from other
    // processes then falls on both thread counts rather than on one.
    std::vector<Run> best(o.threads.size());
    std::vector<std::vector<double>> rates(o.threads.size());
    for (int rep = 0; rep < o.repeats; ++rep) {
      for (std::size_t k = 0; k < o.threads.size(); ++k) {
        const int threads = o.threads[k];
        const tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                                        static_cast<std::size_t>(threads));
        if (log)
          log(std::to_string(agents) + " agents, " + std::to_string(threads) + " thread(s), run " +
              std::to_string(rep + 1) + " of " + std::to_string(o.repeats));
        Run r = run_once(s, agents, threads, o.periods, kernel, log);
        rates[k].insert(rates[k].end(), r.kernel_rates.begin(), r.kernel_rates.end());
        if (rep == 0 || r.period_seconds < best[k].period_seconds) best[k] = std::move(r);
      }
    }
    for (std::size_t k = 0; k < o.threads.size(); ++k) {
      best[k].kernel_rates = rates[k];
      best[k].kernel_rate = median(rates[k]);
      res.runs.push_back(std::move(best[k]));
    }
  }
  return res;
}

}  // namespace hukou::bench
