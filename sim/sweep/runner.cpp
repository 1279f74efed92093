#include "runner.hpp"

#include <tbb/parallel_for_each.h>
#include <tbb/task_arena.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <mutex>
#include <sstream>

#include "core/replicates.hpp"
#include "output/hdf5_writer.hpp"
#include "output/run_metadata.hpp"
#include "scenario/loader.hpp"
#include "scenario/toml_reads.hpp"
#include "run_check.hpp"
#include "store.hpp"

namespace hukou::sweep {

namespace fs = std::filesystem;

namespace {
std::mutex g_hdf5;  // Debian's HDF5 is built without thread safety

std::string value_text(const SweptParam& p, double v) {
  if (p.boolean) return v != 0.0 ? "true" : "false";
  if (p.integer) return std::to_string(std::llround(v));
  return scenario::fmt(v);
}
}  // namespace

std::vector<std::size_t> pending_runs(const fs::path& dir, std::size_t runs, const std::string& hash,
                                      std::size_t shard, std::size_t shard_count, std::vector<std::string>* problems) {
  std::vector<std::size_t> out;
  for (std::size_t r = shard; r < runs; r += shard_count) {
    const auto problem = run_file_problem(dir, r, hash);
    if (problem && problem->empty()) continue;
    out.push_back(r);
    if (problem && problems) problems->push_back(*problem);
  }
  return out;
}

Scenario run_scenario(const SweepSpec& s, const std::vector<double>& row) {
  std::vector<std::string> set = s.set;
  for (std::size_t i = 0; i < s.params.size(); ++i)
    set.push_back(s.params[i].key + "=" + value_text(s.params[i], row[i]));
  return scenario::load(s.scenario, set);
}

std::size_t run_memory_bytes(const Scenario& sc, std::size_t replicates) {
  double persons = 0;
  for (const Zone& z : sc.zones) persons += z.f.rural_hukou_village + z.f.rural_hukou_town + z.f.migrants_outside;
  const double agents = 1.5 * persons / sc.scale;  // growth over the horizon
  return static_cast<std::size_t>(std::max(1.0, agents * 60.0 * static_cast<double>(replicates)));
}

std::size_t concurrent_runs(const Scenario& sc, std::size_t replicates, std::size_t cores, std::size_t budget_bytes) {
  const double fit = 0.5 * static_cast<double>(budget_bytes) / static_cast<double>(run_memory_bytes(sc, replicates));
  return std::max<std::size_t>(1, std::min(cores, static_cast<std::size_t>(fit)));
}

double execute_run(const SweepSpec& s, const std::vector<double>& row, std::size_t run, const fs::path& dir,
                   const Tool& tool) {
  const auto t0 = std::chrono::steady_clock::now();
  const Scenario sc = run_scenario(s, row);
  const auto reps = simulate_replicates(sc, s.seed, s.replicates);
  // threads 1: runs share the cores, and no result depends on the count.
  output::RunMetadata meta = output::run_metadata(sc, {tool.version, tool.commit, s.seed, s.replicates, 1});
  meta.extra.emplace_back("sweep_run", std::to_string(run));
  meta.extra.emplace_back("sweep_hash", spec_hash(s));
  for (std::size_t i = 0; i < s.params.size(); ++i)
    meta.extra.emplace_back("sweep_param " + s.params[i].key, value_text(s.params[i], row[i]));
  {
    std::lock_guard lock(g_hdf5);
    // A file of this name was read (and found not to be this run's) by
    // pending_runs: it is replaced on purpose.
    output::write_run_file(run_path(dir, run), reps, meta, {.replaces_input = true});
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void execute_runs(const SweepSpec& s, const Matrix& design, const std::vector<std::size_t>& todo, const fs::path& dir,
                  const Tool& tool, std::size_t concurrency, const std::function<void(std::size_t)>& done) {
  std::mutex m;
  std::size_t finished = 0;
  // The arena caps how many runs (and so how much memory) are live at once.
  tbb::task_arena arena(static_cast<int>(concurrency));
  arena.execute([&] {
    tbb::parallel_for_each(todo.begin(), todo.end(), [&](std::size_t run) {
      execute_run(s, design[run], run, dir, tool);
      std::lock_guard lock(m);
      if (done) done(++finished);
    });
  });
}

}  // namespace hukou::sweep
