// `hukou run SCENARIO`: one run of a scenario (a file or a built-in name) to an
// HDF5 file, with a progress line on stderr and a summary table on stdout.
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "cli/memory_check.hpp"
#include "cli/posterior_draws.hpp"
#include "cli/progress.hpp"
#include "cli/version.hpp"
#include "core/replicates.hpp"
#include "fileio/output_lock.hpp"
#include "fileio/target_check.hpp"
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
  std::string posterior;    // a posterior file, "shipped", or "" (no parameter draws)
  std::size_t draws = 20;
};

// The run's scenario and the scenarios it extends, nearest first: a posterior of
// any of them serves it (a what-if runs under its baseline's posterior).
std::vector<std::string> scenario_chain(const RunOptions& o, const Scenario& sc, const std::string& parent) {
  std::vector<std::string> names{sc.name};
  std::string next = parent;
  for (int depth = 0; depth < 8 && !next.empty(); ++depth) {
    const Scenario ps = scenario::load(next, {});
    if (std::find(names.begin(), names.end(), ps.name) == names.end()) names.push_back(ps.name);
    next = next == o.scenario ? std::string() : scenario::lineage(next, {}, ps).parent;
  }
  return names;
}

// Draw d's scenario: the run's, with the draw's values applied as --set applies them.
std::vector<Scenario> draw_scenarios(const RunOptions& o, const PosteriorDraws& post) {
  for (const auto& s : o.set)
    for (const auto& n : post.names)
      if (s.starts_with(n + "="))
        throw PosteriorError("--set " + s + ": " + n + " is drawn from the posterior " + post.path.string() +
                             "; leave it out, or run without --posterior");
  std::vector<Scenario> out;
  for (std::size_t d = 0; d < post.draws(); ++d) {
    std::vector<std::string> set = o.set;
    for (auto& kv : post.settings(d)) set.push_back(std::move(kv));
    try {
      out.push_back(scenario::load(o.scenario, set));
    } catch (const scenario::ScenarioError& e) {
      throw PosteriorError("the posterior " + post.path.string() + " does not fit scenario " + o.scenario +
                           " (a parameter it draws cannot be set there):\n" + e.what());
    }
  }
  return out;
}

int run(const RunOptions& o) {
  const Scenario sc = scenario::load(o.scenario, o.set);
  const std::filesystem::path out = o.output.empty() ? std::filesystem::path(sc.name + ".h5") : std::filesystem::path(o.output);
  // Before simulating: a target that may not be replaced (a device, a FIFO, the
  // scenario itself) is refused, and a second `run` to the same file fails now
  // rather than both simulating and one replacing the other's file.
  fileio::check_target(out);
  const fileio::OutputLock lock(out);
  const int threads = o.threads > 0 ? o.threads : tbb::info::default_concurrency();
  const std::uint64_t seed = o.seed_given ? o.seed : sc.seed;
  // What this run changed from its parent scenario: reports open with it.
  const scenario::Lineage lin = scenario::lineage(o.scenario, o.set, sc);
  std::optional<PosteriorDraws> post;
  std::vector<Scenario> draws;
  if (!o.posterior.empty()) {
    // The reader's bound on runs in one file (output/hdf5_reader.cpp), as --replicates'.
    if (o.draws * o.replicates > 100000) {
      std::cerr << "hukou run: --draws x --replicates is " << o.draws * o.replicates << ", more than 100000 runs\n";
      return bad_input;
    }
    try {
      const auto chain = scenario_chain(o, sc, lin.parent);
      const std::filesystem::path file = o.posterior == "shipped" ? shipped_posterior(chain) : std::filesystem::path(o.posterior);
      post = draw_posterior(file, seed, o.draws, chain);
      draws = draw_scenarios(o, *post);
    } catch (const PosteriorError& e) {
      std::cerr << "hukou run: " << e.what() << "\n";
      return bad_input;
    }
  }
  const std::size_t runs = o.replicates * std::max<std::size_t>(draws.size(), 1);
  const auto live = std::min<std::size_t>(runs, static_cast<std::size_t>(threads));
  if (const std::string why = memory_refusal(sc, live); !why.empty()) {
    std::cerr << "hukou run: " << sc.name << ": " << why << "\n";
    return failure;
  }
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));

  ProgressLine progress(sc.name, !o.quiet);
  const auto t0 = std::chrono::steady_clock::now();
  const auto on_progress = [&](std::size_t d, std::size_t n) { progress.update(static_cast<int>(d), static_cast<int>(n)); };
  const std::vector<RunResult> reps =
      post ? simulate_draws(draws, seed, o.replicates, on_progress) : simulate_replicates(sc, seed, o.replicates, on_progress);
  progress.finish();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  output::RunMetadata meta = output::run_metadata(sc, {kVersion, kGitCommit, seed, o.replicates, threads});
  meta.extra.emplace_back("title", lin.title);
  meta.extra.emplace_back("parent_scenario", lin.parent);
  for (const auto& c : lin.changes) meta.changes.push_back({c.key, c.before, c.after, c.clause});
  if (post) {
    meta.draws = post->draws();
    meta.posterior_parameters = post->names;
    meta.posterior_values = post->values;
    meta.posterior_particles = post->particles;
    meta.extra.emplace_back("posterior_path", std::filesystem::absolute(post->path).lexically_normal().string());
    meta.extra.emplace_back("posterior_sha256", post->sha256);
    meta.extra.emplace_back("posterior_scenario", post->scenario);
  }
  output::write_run_file(out, reps, meta);

  output::print_summary(std::cout, sc, reps, meta.draws);
  std::cout << "\nWrote " << out.string() << " (seed " << seed << ", "
            << (post ? std::to_string(post->draws()) + " posterior draw" + (post->draws() == 1 ? "" : "s") + " x " : "")
            << o.replicates << " replicate" << (o.replicates == 1 ? "" : "s") << ", " << threads << " thread"
            << (threads == 1 ? "" : "s") << ", " << static_cast<int>(secs * 10) / 10.0 << " s)\n";
  return ok;
}
}  // namespace

// A seed as the scenario file takes it: decimal digits, 0 to 2^63-1. (CLI11
// would read "-1" into a uint64 as 2^64-1 without a word.)
static std::uint64_t parse_seed(const std::string& text) {
  std::uint64_t v = 0;
  const char* end = text.data() + text.size();
  const auto [p, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || p != end || v > static_cast<std::uint64_t>(INT64_MAX))
    throw CLI::ValidationError("--seed", "expected an integer from 0 to " + std::to_string(INT64_MAX) + ", found '" +
                                             text + "'");
  return v;
}

void add_run(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Run a scenario and write its outputs to an HDF5 (netCDF-4) file");
  cmd->add_option("scenario", o->scenario, "Scenario file (.toml) or built-in name (see `hukou scenarios`)")->required();
  cmd->add_option("-o,--output", o->output, "Output file (default: NAME.h5 in the current directory)");
  cmd->add_option_function<std::string>(
      "--seed", [o](const std::string& s) { o->seed = parse_seed(s); o->seed_given = true; },
      "Random seed, 0 to 2^63-1 (default: the scenario's seed)");
  cmd->add_option("--threads", o->threads, "Worker threads (default: all cores); results do not depend on it")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--replicates", o->replicates, "Independent replicates (random streams), run in parallel")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
  cmd->add_option("--set", o->set, "Override a parameter, e.g. --set decision.asc_settle=-3 (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("-q,--quiet", o->quiet, "No progress line on stderr");
  CLI::Option* post = cmd->add_option(
      "--posterior", o->posterior,
      "Posterior file of `hukou calibrate`, or `shipped` (scenarios/posteriors/NAME.h5): run --draws parameter "
      "draws x --replicates (docs/calibration.md)");
  cmd->add_option("--draws", o->draws, "Parameter draws from the posterior (default 20; needs --posterior)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))
      ->needs(post);
  cmd->callback([o] {
    const int code = run(*o);
    if (code != ok) throw CLI::RuntimeError(code);
  });
}

}  // namespace hukou::cli
