#include "sweep_plan.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "core/replicates.hpp"
#include "scenario/toml_reads.hpp"
#include "sweep/memory_budget.hpp"
#include "sweep/runner.hpp"
#include "sweep/store.hpp"

namespace hukou::cli {

namespace {
constexpr std::size_t kShownRows = 40;

std::string bytes_text(double b) {
  char buf[32];
  if (b >= double(1u << 30)) std::snprintf(buf, sizeof buf, "%.1f GiB", b / double(1u << 30));
  else std::snprintf(buf, sizeof buf, "%.0f MiB", b / double(1u << 20));
  return buf;
}

std::string duration_text(double s) {
  char buf[32];
  if (s < 60) std::snprintf(buf, sizeof buf, "%.1f s", s);
  else if (s < 3600) std::snprintf(buf, sizeof buf, "%.1f min", s / 60);
  else std::snprintf(buf, sizeof buf, "%.1f h", s / 3600);
  return buf;
}

// Run 0 timed at a coarser scale (at most kTimedAgents agents, so the dry run stays
// short), then scaled up by the ratio of agents: the model's work grows with them.
constexpr double kTimedAgents = 20000;

struct Timing {
  double seconds = 0, factor = 1, scale = 1;
};

Timing time_short_run(const sweep::SweepSpec& spec, const std::vector<double>& row, double agents) {
  Timing t;
  const Scenario full = sweep::run_scenario(spec, row);
  t.factor = std::max(1.0, std::ceil(agents / kTimedAgents));
  t.scale = full.scale * t.factor;
  sweep::SweepSpec coarse = spec;
  if (t.factor > 1) coarse.set.push_back("scale=" + scenario::fmt(t.scale));
  const Scenario sc = sweep::run_scenario(coarse, row);
  const auto t0 = std::chrono::steady_clock::now();
  simulate_replicates(sc, spec.seed, spec.replicates);
  t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() * t.factor;
  return t;
}
}  // namespace

bool shard_of(const std::string& text, Shard& shard, std::string& why) {
  if (text.empty()) {
    if (const char* id = std::getenv("SLURM_ARRAY_TASK_ID")) {
      why = std::string("this is task ") + id +
            " of a Slurm job array: give the sweep's shard explicitly, --shard \"$SLURM_ARRAY_TASK_ID/N\" with N the "
            "number of shards (docs/cluster.md), so that a resubmitted subset of tasks runs just those shards";
      return false;
    }
    shard = {};
    return true;
  }
  unsigned long k = 0, n = 0;
  char extra = 0;
  if (std::sscanf(text.c_str(), "%lu/%lu%c", &k, &n, &extra) != 2 || n == 0 || k >= n) {
    why = "--shard expects K/N with 0 <= K < N, found '" + text + "'";
    return false;
  }
  shard = {k, n};
  return true;
}

int sweep_dry_run(const std::string& sweep_file, const std::filesystem::path& dir, Shard shard, std::size_t cores) {
  const sweep::SweepSpec spec = sweep::load_spec(sweep_file);
  const sweep::Matrix design = sweep::build_design(spec);
  std::cout << "Sweep " << sweep_file << " (dry run: nothing is written): " << design.size() << " runs, "
            << sweep::to_string(spec.kind) << " design, " << spec.replicates << " replicate"
            << (spec.replicates == 1 ? "" : "s") << " each, seed " << spec.seed << "\n\nrun";
  for (const auto& p : spec.params) std::cout << "," << p.key;
  std::cout << "\n";
  for (std::size_t r = 0; r < design.size(); ++r) {
    if (r == kShownRows && design.size() > kShownRows + 1) {
      std::cout << "... " << design.size() - kShownRows - 1 << " more rows (all in " << (dir / "design.csv").string()
                << " once the sweep starts) ...\n";
      r = design.size() - 1;
    }
    std::cout << r;
    for (double v : design[r]) std::cout << "," << scenario::fmt(v);
    std::cout << "\n";
  }
  const auto todo = sweep::pending_runs(dir, design.size(), sweep::spec_hash(spec), shard.index, shard.count);
  const Scenario sc = sweep::run_scenario(spec, design.at(0));
  const sweep::MemoryBudget budget = sweep::memory_budget();
  const std::size_t per_run = sweep::run_memory_bytes(sc, spec.replicates);
  const std::size_t conc = sweep::concurrent_runs(sc, spec.replicates, cores, budget.bytes);
  const double agents = double(per_run) / (60.0 * double(spec.replicates));  // runner.hpp's budget per agent
  const Timing t = time_short_run(spec, design.at(0), agents);
  const double run_secs = t.seconds;
  std::cout << "\n";
  if (shard.count > 1) std::cout << "Shard " << shard.index << "/" << shard.count << ": ";
  std::cout << todo.size() << " of " << design.size() << " runs to run"
            << (todo.size() < design.size() && shard.count == 1 ? " (the others have finished)" : "") << "\n"
            << "Timed: run 0";
  if (t.factor > 1) std::cout << " at scale " << scenario::fmt(t.scale) << " (1/" << std::lround(t.factor)
                              << " of its agents; the time scaled up by as much)";
  std::cout << "\nEstimate: " << duration_text(run_secs) << " a run, about " << duration_text(run_secs * double(todo.size()))
            << " for " << todo.size() << " runs on " << cores << " thread" << (cores == 1 ? "" : "s")
            << " (runs share the cores)\n"
            << "Memory: about " << bytes_text(double(per_run)) << " a run, " << conc << " at a time ("
            << bytes_text(double(per_run * conc)) << ") within half of " << bytes_text(double(budget.bytes)) << " ("
            << budget.source << ")\n";
  return ok;
}

}  // namespace hukou::cli
