// Running a sweep's runs on one machine: in parallel across runs (oneTBB), each
// run's replicates nested inside it, each finished run written as its own file.
//
// Seeds (common random numbers): every run uses the sweep's master seed, and its
// replicate r uses replicate_seed(master, r). Two design points then differ only
// in their parameters, never in their random draws, which removes most of the
// noise from differences between points (and from sensitivity estimates), and
// a run's result depends only on its parameter values: not on the run index,
// the order runs finish, the shard or the number of threads. That is what makes
// kill-and-resume and shards give results identical to one uninterrupted sweep.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/scenario.hpp"
#include "design.hpp"

namespace hukou::sweep {

// Runs with index % shard_count == shard that have no finished result yet: no
// file, or one that is not this run's (run_check.hpp). Each such file's problem is
// added to `problems` if given.
std::vector<std::size_t> pending_runs(const std::filesystem::path& dir, std::size_t runs, const std::string& hash,
                                      std::size_t shard = 0, std::size_t shard_count = 1,
                                      std::vector<std::string>* problems = nullptr);

// The base scenario with the fixed overrides and this design row applied.
Scenario run_scenario(const SweepSpec& s, const std::vector<double>& row);

// Memory one run may need: each replicate is budgeted ~60 bytes per agent
// (rural-origin persons / scale, with room for growth).
std::size_t run_memory_bytes(const Scenario& sc, std::size_t replicates);
// Memory-aware cap on concurrent runs: at most `cores` runs, at least one, within
// half of the budget (memory_budget.hpp: the machine's or the job's limit).
std::size_t concurrent_runs(const Scenario& sc, std::size_t replicates, std::size_t cores, std::size_t budget_bytes);

// Written into each run file's root attributes.
struct Tool {
  std::string version, commit;
};

// Simulates one run and writes DIR/runs/run_NNNNNN.h5 (serialised: the HDF5
// library is not thread-safe). Returns seconds taken.
double execute_run(const SweepSpec& s, const std::vector<double>& row, std::size_t run,
                   const std::filesystem::path& dir, const Tool& tool);

// Executes `todo` with at most `concurrency` runs at a time; `done(n)` is called
// (serialised) after each run with the number finished so far.
void execute_runs(const SweepSpec& s, const Matrix& design, const std::vector<std::size_t>& todo,
                  const std::filesystem::path& dir, const Tool& tool, std::size_t concurrency,
                  const std::function<void(std::size_t)>& done);

}  // namespace hukou::sweep
