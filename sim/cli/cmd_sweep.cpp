// `hukou sweep SWEEP.toml -o DIR`: every run of a parameter sweep, in parallel, one
// file per run, then the master file DIR/sweep.h5. Re-running (or --resume) skips
// finished runs; --shard K/N runs one share (Slurm job arrays set it by default).
// `hukou sweep merge DIR` rewrites the master file (after all shards finished).
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/memory_check.hpp"
#include "cli/sweep_plan.hpp"
#include "cli/version.hpp"
#include "scenario/diagnostics.hpp"
#include "sweep/master.hpp"
#include "sweep/memory_budget.hpp"
#ifdef HUKOU_MPI
#include "sweep/mpi_session.hpp"
#endif
#include "sweep/runner.hpp"
#include "sweep/store.hpp"

namespace hukou::cli {

namespace {
namespace fs = std::filesystem;

struct SweepOptions {
  std::string file, dir, shard, merge_dir;
  bool resume = false, quiet = false, mpi = false, dry_run = false;
  int threads = 0;
};

std::ostream& null_stream() {
  static std::ostream none(nullptr);  // badbit set: discards output
  return none;
}

std::string clock_text(double secs) {
  if (secs < 60) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", secs);
    return buf;
  }
  const auto s = static_cast<long>(secs + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return buf;
}

int merge(const SweepOptions& o) {
  const sweep::Stored st = sweep::read_dir(o.merge_dir);
  std::vector<std::string> problems;
  const auto todo = sweep::pending_runs(o.merge_dir, st.runs(), st.info.at("hash"), 0, 1, &problems);
  if (!problems.empty()) {
    // A master file that maps a foreign or damaged run file would give wrong results.
    std::cerr << "hukou sweep merge: " << problems.size() << " run file" << (problems.size() == 1 ? " is" : "s are")
              << " not this sweep's finished runs; resume the sweep to redo them (`hukou sweep SWEEP.toml -o "
              << o.merge_dir << " --resume`):\n";
    for (const auto& p : problems) std::cerr << "  " << p << "\n";
    return failure;
  }
  sweep::write_master(o.merge_dir);
  std::cout << "Wrote " << (fs::path(o.merge_dir) / "sweep.h5").string() << " (" << st.runs() - todo.size() << " of "
            << st.runs() << " runs finished" << (todo.empty() ? "" : "; the others read as NaN") << ")\n";
  return ok;
}

// Rank `rank` of `ranks` (1 without MPI) runs shard rank/ranks; rank 0 alone
// prepares the directory and writes the master file.
int run(const SweepOptions& o, int rank = 0, int ranks = 1, const std::function<void()>& barrier = {},
        const std::function<int(int)>& from_root = {}) {
  std::size_t shard = 0, shards = 1;
  if (ranks > 1 || barrier) {
    shard = static_cast<std::size_t>(rank);
    shards = static_cast<std::size_t>(ranks);
  } else {
    Shard sh;
    std::string why;
    if (!shard_of(o.shard, sh, why)) {
      std::cerr << "hukou sweep: " << why << "\n";
      return bad_input;
    }
    shard = sh.index;
    shards = sh.count;
  }
  const bool root = rank == 0;
  const fs::path dir = o.dir;
  if (o.resume && !fs::exists(dir / "sweep.info")) {
    std::cerr << "hukou sweep: --resume: " << dir.string() << " holds no sweep to resume\n";
    return bad_input;
  }
  const sweep::SweepSpec spec = sweep::load_spec(o.file);
  const sweep::Matrix design = sweep::build_design(spec);
  int status = ok;
  if (root) {
    try {
      sweep::prepare_dir(dir, spec, design);
    } catch (const sweep::StoreError& e) {
      std::cerr << "hukou sweep: " << e.what() << "\n";
      status = bad_input;
    }
  }
  if (from_root) status = from_root(status);  // the other ranks wait for the directory
  if (status != ok) return status;
  const std::string hash = sweep::spec_hash(spec);
  std::vector<std::string> redo;
  const auto todo = sweep::pending_runs(dir, design.size(), hash, shard, shards, &redo);
  for (const auto& why : redo) std::cerr << "hukou sweep: running again: " << why << "\n";
  const std::size_t cores =
      o.threads > 0 ? static_cast<std::size_t>(o.threads) : static_cast<std::size_t>(tbb::info::default_concurrency());
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, cores);
  const sweep::Tool tool{kVersion, kGitCommit};
  const Scenario first = sweep::run_scenario(spec, design.at(0));
  if (const std::string why = memory_refusal(first, std::min<std::size_t>(spec.replicates, cores)); !why.empty()) {
    std::cerr << "hukou sweep: run 0: " << why << "\n";
    return failure;
  }
  const sweep::MemoryBudget budget = sweep::memory_budget();
  const std::size_t conc = sweep::concurrent_runs(first, spec.replicates, cores, budget.bytes);
  std::ostream& out = root ? std::cout : null_stream();
  out << "Sweep " << o.file << ": " << design.size() << " runs (" << sweep::to_string(spec.kind) << " design, "
      << spec.params.size() << " parameters, " << spec.replicates << " replicate" << (spec.replicates == 1 ? "" : "s")
      << " each, seed " << spec.seed << ")";
  if (shards > 1) out << "; shard " << shard << "/" << shards;
  out << "; " << todo.size() << " to run, " << conc << " at a time (memory: " << budget.source << ")" << std::endl;

  if (!todo.empty()) {
    // Time the first run alone (it is real work), then extrapolate.
    const double t1 = sweep::execute_run(spec, design[todo[0]], todo[0], dir, tool);
    const std::size_t rest = todo.size() - 1;
    // The timed run already had every core (replicates and agents in parallel), so
    // running several at once mostly shares the same cores: scale by the count.
    out << "One run took " << clock_text(t1) << "; estimated time for the rest: about "
        << clock_text(t1 * static_cast<double>(rest)) << std::endl;
    const auto t0 = std::chrono::steady_clock::now();
    const bool tty = ::isatty(STDERR_FILENO);
    std::size_t last_decile = 0;
    sweep::execute_runs(spec, design, {todo.begin() + 1, todo.end()}, dir, tool, conc, [&](std::size_t done) {
      if (o.quiet || !root) return;
      const double el = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      const double eta = el / static_cast<double>(done) * static_cast<double>(rest - done);
      const std::size_t decile = done * 10 / rest;
      if (!tty && decile == last_decile && done != rest) return;  // logs: one line per 10%
      last_decile = decile;
      std::cerr << (tty ? "\r" : "") << "sweep: " << done + 1 << "/" << todo.size() << " runs, elapsed "
                << clock_text(el) << ", ETA " << clock_text(eta) << (tty ? "   " : "\n") << std::flush;
    });
    if (tty && !o.quiet && root && rest > 0) std::cerr << "\n";
  }
  if (barrier) barrier();  // every rank's runs are written
  if (!root) return ok;
  if (!sweep::pending_runs(dir, design.size(), hash).empty()) {
    std::cout << "This shard is done; when every shard is, run `hukou sweep merge " << dir.string() << "`\n";
    return ok;
  }
  sweep::write_master(dir);
  std::cout << "Wrote " << (dir / "sweep.h5").string() << " (" << design.size() << " runs in "
            << (dir / "runs").string() << ")\n";
  return ok;
}

#ifdef HUKOU_MPI
int run_mpi(const SweepOptions& o) {
  if (!o.shard.empty()) {
    std::cerr << "hukou sweep: --mpi and --shard exclude each other (each rank is a shard)\n";
    return bad_input;
  }
  const sweep::MpiSession mpi;
  try {
    return run(
        o, mpi.rank(), mpi.size(), [&] { mpi.barrier(); }, [&](int v) { return mpi.from_root(v); });
  } catch (const scenario::ScenarioError&) {
    throw;  // found by every rank alike, before any collective call
  } catch (const std::exception& e) {
    std::cerr << "hukou sweep: rank " << mpi.rank() << ": " << e.what() << "\n";
    mpi.abort(failure);
  }
}
#endif
}  // namespace

void add_sweep(CLI::App& app) {
  auto o = std::make_shared<SweepOptions>();
  CLI::App* cmd = app.add_subcommand("sweep", "Run a parameter sweep (see docs/sweeps.md) into a directory");
  cmd->add_option("sweep_file", o->file, "Sweep file (.toml)");
  cmd->add_option("-o,--output", o->dir, "Output directory (runs/, design.csv, sweep.h5)");
  cmd->add_flag("--resume", o->resume, "Continue a sweep in DIR (re-running the same command does too)");
  cmd->add_option("--shard", o->shard,
                  "Run only runs with index % N == K (in a Slurm job array: --shard \"$SLURM_ARRAY_TASK_ID/N\")");
  cmd->add_option("--threads", o->threads, "Worker threads (default: all cores); results do not depend on it")
      ->check(CLI::Range(1, 4096));
  cmd->add_flag("-q,--quiet", o->quiet, "No progress line on stderr");
  cmd->add_flag("--dry-run", o->dry_run,
                "Print the design and an estimate of time and memory (from a short timed run); write nothing");
  // Declared in every build, so that a build without MPI can say so.
  cmd->add_flag("--mpi", o->mpi, "Under mpirun: rank r of n runs shard r/n; rank 0 writes the master file"
#ifndef HUKOU_MPI
                                  " (this build has no MPI: configure with -DHUKOU_MPI=ON)"
#endif
  );
  CLI::App* m = cmd->add_subcommand("merge", "Write DIR/sweep.h5 from the run files present (joins shards)");
  m->add_option("dir", o->merge_dir, "Sweep directory")->required();
  m->callback([o] {
    int code = bad_input;
    try {
      code = merge(*o);
    } catch (const sweep::StoreError& e) {
      std::cerr << "hukou sweep merge: " << e.what() << "\n";
    }
    if (code != ok) throw CLI::RuntimeError(code);
  });
  cmd->callback([o, cmd] {
    if (cmd->got_subcommand("merge")) return;
    if (o->file.empty() || o->dir.empty()) {
      std::cerr << "hukou sweep: expected SWEEP.toml -o DIR (or `hukou sweep merge DIR`)\n";
      throw CLI::RuntimeError(bad_input);
    }
    if (o->dry_run) {
      Shard sh;
      std::string why;
      if (!shard_of(o->shard, sh, why)) {
        std::cerr << "hukou sweep: " << why << "\n";
        throw CLI::RuntimeError(bad_input);
      }
      const int cores = o->threads > 0 ? o->threads : tbb::info::default_concurrency();
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(cores));
      const int code = sweep_dry_run(o->file, o->dir, sh, static_cast<std::size_t>(cores));
      if (code != ok) throw CLI::RuntimeError(code);
      return;
    }
#ifdef HUKOU_MPI
    const int code = o->mpi ? run_mpi(*o) : run(*o);
#else
    if (o->mpi) {
      std::cerr << "hukou sweep: --mpi: this hukou was built without MPI; rebuild with -DHUKOU_MPI=ON "
                   "(docs/cluster.md), or run shards with --shard K/N or a Slurm job array\n";
      throw CLI::RuntimeError(bad_input);
    }
    const int code = run(*o);
#endif
    if (code != ok) throw CLI::RuntimeError(code);
  });
}

}  // namespace hukou::cli
