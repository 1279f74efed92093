// `hukou run SCENARIO`: one run of a scenario (a file or a built-in name) to an
// HDF5 file, with a progress line on stderr and a summary table on stdout.
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "cli/version.hpp"
#include "core/replicates.hpp"
#include "output/hdf5_writer.hpp"
#include "output/run_metadata.hpp"
#include "output/summary.hpp"
#include "scenario/lineage.hpp"
#include "scenario/loader.hpp"

namespace hukou::cli {

namespace {
struct RunOptions {
  std::string scenario;
  std::string output;
  std::uint64_t seed = 0;
  bool seed_given = false;
  int threads = 0;
  std::size_t replicates = 1;
  std::vector<std::string> set;
  bool quiet = false;
};

int run(const RunOptions& o) {
  const Scenario sc = scenario::load(o.scenario, o.set);
  const std::filesystem::path out = o.output.empty() ? std::filesystem::path(sc.name + ".h5") : std::filesystem::path(o.output);
  const auto dir = out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(dir)) {
    std::cerr << "hukou run: cannot write " << out << ": directory " << dir << " does not exist\n";
    return bad_input;
  }
  const int threads = o.threads > 0 ? o.threads : tbb::info::default_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  const std::uint64_t seed = o.seed_given ? o.seed : sc.seed;

  ProgressLine progress(sc.name, !o.quiet);
  const auto t0 = std::chrono::steady_clock::now();
  const std::vector<RunResult> reps = simulate_replicates(sc, seed, o.replicates, [&](std::size_t d, std::size_t n) {
    progress.update(static_cast<int>(d), static_cast<int>(n));
  });
  progress.finish();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  output::RunMetadata meta = output::run_metadata(sc, {kVersion, kGitCommit, seed, o.replicates, threads});
  // What this run changed from its parent scenario: reports open with it.
  const scenario::Lineage lin = scenario::lineage(o.scenario, o.set, sc);
  meta.extra.emplace_back("title", lin.title);
  meta.extra.emplace_back("parent_scenario", lin.parent);
  for (const auto& c : lin.changes) meta.changes.push_back({c.key, c.before, c.after, c.clause});
  output::write_run_file(out, reps, meta);

  output::print_summary(std::cout, sc, reps);
  std::cout << "\nWrote " << out.string() << " (seed " << seed << ", " << o.replicates << " replicate"
            << (o.replicates == 1 ? "" : "s") << ", " << threads << " thread"
            << (threads == 1 ? "" : "s") << ", " << static_cast<int>(secs * 10) / 10.0 << " s)\n";
  return ok;
}
}  // namespace

void add_run(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Run a scenario and write its outputs to an HDF5 (netCDF-4) file");
  cmd->add_option("scenario", o->scenario, "Scenario file (.toml) or built-in name (see `hukou scenarios`)")->required();
  cmd->add_option("-o,--output", o->output, "Output file (default: NAME.h5 in the current directory)");
  cmd->add_option_function<std::uint64_t>(
      "--seed", [o](const std::uint64_t& s) { o->seed = s; o->seed_given = true; },
      "Random seed (default: the scenario's seed)");
  cmd->add_option("--threads", o->threads, "Worker threads (default: all cores); results do not depend on it")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--replicates", o->replicates, "Independent replicates (random streams), run in parallel")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
  cmd->add_option("--set", o->set, "Override a parameter, e.g. --set decision.asc_settle=-3 (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("-q,--quiet", o->quiet, "No progress line on stderr");
  cmd->callback([o] {
    const int code = run(*o);
    if (code != ok) throw CLI::RuntimeError(code);
  });
}

}  // namespace hukou::cli
