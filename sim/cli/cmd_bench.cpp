// `hukou bench`: the figures of the performance issue (docs/performance.md): per
// phase timings, agent-steps per second, memory per person, thread speedup, and
// rates against a bound kernel measured in the same process; then each goal with
// "met" / "not met". --json prints one JSON object instead of the tables.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "bench/goals.hpp"
#include "bench/json.hpp"
#include "bench/measure.hpp"
#include "cli/commands.hpp"
#include "cli/memory_policy.hpp"
#include "cli/version.hpp"

namespace hukou::cli {

namespace {
struct BenchOptions {
  bench::Options run;
  bool json = false;
  bool quiet = false;
};

std::string fmt(const char* f, double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, x);
  return buf;
}

// One table row: a label and a value per run of one size (one per thread count).
template <class F>
void row(const std::vector<const bench::Run*>& runs, const std::string& label, const char* f, F value) {
  std::printf("  %-34s", label.c_str());
  for (const bench::Run* r : runs) std::printf("%14s", fmt(f, value(*r)).c_str());
  std::printf("\n");
}

void print_size(const bench::Result& res, std::int64_t agents) {
  std::vector<const bench::Run*> runs;
  for (const auto& r : res.runs)
    if (r.agents_requested == agents) runs.push_back(&r);
  const bench::Run& a = *runs.front();
  std::printf(
      "\n%lld agents requested (scale %.5g persons/agent): %lld agents in %lld households built, %lld after "
      "the last period\n",
      static_cast<long long>(agents), a.scale, static_cast<long long>(a.persons), static_cast<long long>(a.households),
      static_cast<long long>(a.persons_end));
  std::printf("  %-34s", "threads");
  for (const auto* r : runs) std::printf("%14d", r->threads);
  std::printf("\n");
  row(runs, "population build (s)", "%.3f", [](const auto& r) { return r.build_seconds; });
  for (std::size_t p = 0; p < kPhaseCount; ++p)
    row(runs, "  " + std::string(phase_name(static_cast<Phase>(p))) + " (s, all periods)", "%.3f",
        [p](const auto& r) { return r.phase_seconds[p]; });
  row(runs, "periods (s)", "%.3f", [](const auto& r) { return r.period_seconds; });
  row(runs, "seconds per period", "%.3f", [](const auto& r) { return r.seconds_per_period(); });
  row(runs, "output writing (s)", "%.4f", [](const auto& r) { return r.output_seconds; });
  row(runs, "output share of the run", "%.2f%%", [](const auto& r) { return 100 * r.output_share(); });
  row(runs, "agent-steps/s", "%.4g", [](const auto& r) { return r.agent_steps_per_second(); });
  row(runs, "decision phase agents/s", "%.4g", [](const auto& r) { return r.decision_rate(); });
  row(runs, "kernel decisions/s (median)", "%.4g", [](const auto& r) { return r.kernel_rate; });
  row(runs, "period rate / kernel", "%.3f", [](const auto& r) { return r.period_vs_kernel(); });
  row(runs, "decision rate / kernel", "%.3f", [](const auto& r) { return r.decision_vs_kernel(); });
  row(runs, "model bytes/person", "%.1f", [](const auto& r) { return r.bytes_per_person(); });
  row(runs, "peak RSS bytes/person", "%.1f", [](const auto& r) { return r.rss_per_person(); });
  row(runs, "peak RSS (MiB)", "%.0f", [](const auto& r) { return r.peak_rss_bytes / 1048576.0; });
  // Other processes' CPU use during the run: figures are comparable only when it is near 0.
  row(runs, "other processes' CPU share", "%.0f%%", [](const auto& r) { return 100 * r.other_load; });
  if (const double s = res.speedup(agents); s > 0.0) {
    const double k = res.kernel_speedup(agents);
    std::printf("  speedup of the periods, 1 -> 2 threads: %.2fx (the kernel's: %.2fx)\n", s, k);
    if (const std::string caveat = bench::machine_scaling_caveat(res, agents); !caveat.empty())
      std::printf("  note: %s,\n  so this speedup and the 2-thread ratios say little about the model\n",
                  caveat.c_str());
  }
}

void print_text(const bench::Result& res, const std::vector<bench::Goal>& goals) {
  std::string threads;
  for (const int t : res.options.threads) threads += (threads.empty() ? "" : ",") + std::to_string(t);
  std::printf("%s bench: scenario %s, %d periods, threads %s, best of %d run(s); kernel over %zu agents; malloc: %s\n",
              res.options.build.c_str(), res.options.scenario.c_str(), res.options.periods, threads.c_str(),
              res.options.repeats, res.kernel_agents, res.options.malloc.c_str());
  for (const auto n : res.options.agents) print_size(res, n);
  std::printf("\nGoals\n");
  for (const auto& g : goals) {
    const std::string target = g.op + " " + fmt("%g", g.threshold);
    const std::string measured = g.measured ? fmt("%.3g", *g.measured) : "-";
    // An unmeasured goal's basis already says "not measured: why".
    const std::string verdict = !g.met ? g.basis : std::string(*g.met ? "met" : "not met") + " (" + g.basis + ")";
    std::printf("  %-72s %-8s %8s  %s\n", g.description.c_str(), target.c_str(), measured.c_str(), verdict.c_str());
  }
  std::fflush(stdout);
}
}  // namespace

void add_bench(CLI::App& app) {
  auto o = std::make_shared<BenchOptions>();
  CLI::App* cmd =
      app.add_subcommand("bench", "Measure the model's speed and memory against a bound kernel (docs/performance.md)");
  cmd->add_option("--agents", o->run.agents, "Agents (persons) to build; a comma-separated list runs each size")
      ->delimiter(',')
      ->check(CLI::Range(std::int64_t{1000}, std::int64_t{1'000'000'000}))
      ->capture_default_str();
  cmd->add_option("--periods", o->run.periods, "Periods (years) to run")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  cmd->add_option("--threads", o->run.threads, "Thread counts, comma-separated; each runs the model once")
      ->delimiter(',')
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  cmd->add_option("--repeats", o->run.repeats, "Model runs per size and thread count; the fastest is kept")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  cmd->add_option("--scenario", o->run.scenario, "Scenario to resize (a built-in name or a file)")
      ->capture_default_str();
  cmd->add_flag("--json", o->json, "Print one JSON object with every figure instead of the tables");
  cmd->add_flag("-q,--quiet", o->quiet, "No progress notes on stderr");
  cmd->callback([o] {
    const auto log = [o](const std::string& s) {
      if (!o->quiet) std::cerr << "hukou bench: " << s << std::endl;
    };
    o->run.build = version_line();
    o->run.malloc = std::string(memory_policy());
    const bench::Result res = bench::run_bench(o->run, log);
    const auto goals = bench::evaluate_goals(res);
    if (o->json)
      std::cout << bench::to_json(res, goals) << std::endl;
    else
      print_text(res, goals);
  });
}

}  // namespace hukou::cli
