// `hukou calibrate SCENARIO -o post.h5`: ABC-SMC over the scenario's
// [calibration.priors] against its observations up to the cutoff
// (docs/calibration.md). Each completed generation is written at once, so a run
// killed at any moment resumes with --resume from the last one and ends with the
// same posterior, bitwise (proposals draw from (seed, generation, index) alone).
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>

#include "calibrate/error.hpp"
#include "calibrate/posterior.hpp"
#include "cli/calibration_problem.hpp"
#include "cli/commands.hpp"
#include "cli/posterior_file.hpp"
#include "cli/version.hpp"
#include "output/hdf5_writer.hpp"
#include "scenario/loader.hpp"

namespace hukou::cli {

namespace {
struct CalibrateOptions {
  std::string scenario, output;
  std::size_t particles = 200, generations = 8;
  double min_epsilon = 0.0, scale = 0.0;
  int threads = 0;
  std::uint64_t seed = 1;
  bool resume = false, quiet = false;
  std::vector<std::string> set;
};

std::string fmt_seconds(double s) {
  if (!std::isfinite(s)) return "?";
  const long t = std::lround(s);
  return t >= 60 ? std::to_string(t / 60) + " min " + std::to_string(t % 60) + " s" : std::to_string(t) + " s";
}

void print_summary(const Scenario& sc, const calibrate::Problem& problem, const calibrate::State& last) {
  const auto sum = calibrate::summarise(problem.parameters, last.particles, last.weights);
  std::cout << "Posterior of " << sc.name << " after generation " << last.generation << " (stopped: "
            << calibrate::to_string(last.stop) << "; " << last.simulations << " runs)\n";
  for (const auto& p : sum)
    std::cout << "  " << p.name << ": median " << p.q50 << ", 90% [" << p.q05 << ", " << p.q95 << "]  (prior mean "
              << p.prior_mean << ", sd " << p.prior_sd << "; posterior sd " << p.sd << ")\n";
}

// No observation to calibrate on: the file holds the prior (calibrate::prior_generation).
int write_prior(const CalibrateOptions& o, const Scenario& sc, const calibrate::Problem& problem,
                const calibrate::Settings& s, CalibrationRecord& rec, const std::filesystem::path& out) {
  if (!o.quiet)
    std::cerr << "hukou calibrate: " << sc.name << ": no observation inside the simulated years up to the cutoff"
              << " (base_year " << sc.base_year << ", cutoff " << sc.calibration->cutoff
              << "): the posterior is the prior; writing " << s.particles << " prior draws\n";
  rec.generations = {calibrate::prior_generation(problem.parameters, s)};
  write_posterior_file(out, sc, problem, rec);
  print_summary(sc, problem, rec.generations.back());
  std::cout << "Wrote " << out.string() << " (method: " << kMethodPrior << ")\n";
  return ok;
}

int calibrate_scenario(const CalibrateOptions& o) {
  std::vector<std::string> set = o.set;
  if (o.scale > 0) set.push_back("scale=" + std::to_string(o.scale));
  const Scenario sc = scenario::load(o.scenario, set);
  const std::filesystem::path out = o.output.empty() ? std::filesystem::path(sc.name + "_posterior.h5") : std::filesystem::path(o.output);
  const int threads = o.threads > 0 ? o.threads : tbb::info::default_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));

  calibrate::Problem problem;
  try {
    problem = calibration_problem(sc);
  } catch (const calibrate::CalibrationError& e) {
    std::cerr << "hukou calibrate: " << e.what() << "\n";
    return bad_input;
  }
  calibrate::Settings s;
  s.particles = o.particles;
  s.max_generations = o.generations;
  s.min_epsilon = o.min_epsilon;
  s.seed = o.seed;

  CalibrationRecord rec;
  rec.provenance = {{"tool_version", kVersion},       {"git_commit", kGitCommit},
                    {"scenario", sc.name},            {"scenario_text", sc.source_text},
                    {"seed", std::to_string(s.seed)}, {"particles", std::to_string(s.particles)},
                    {"max_generations", std::to_string(s.max_generations)},
                    {"min_epsilon", std::to_string(s.min_epsilon)},
                    {"scale", std::to_string(sc.scale)}, {"quantile", std::to_string(s.quantile)},
                    {"cutoff", std::to_string(sc.calibration->cutoff)}, {"created", output::utc_now()}};
  rec.observations = calibration_observations(sc);
  const bool prior_only = problem.observations.empty();
  rec.provenance.emplace_back("method", prior_only ? kMethodPrior : kMethodAbcSmc);
  if (prior_only) return write_prior(o, sc, problem, s, rec, out);

  const calibrate::State* resume = nullptr;
  calibrate::State resumed;
  if (o.resume && std::filesystem::exists(out)) {
    CalibrationRecord old = read_posterior_file(out, problem);
    for (const char* k : {"scenario_text", "seed", "particles", "scale", "quantile"}) {
      std::string a, b;
      for (const auto& [key, v] : old.provenance) if (key == k) a = v;
      for (const auto& [key, v] : rec.provenance) if (key == k) b = v;
      if (a != b) {
        std::cerr << "hukou calibrate: cannot resume " << out.string() << ": its " << k
                  << " differs from this run's\n";
        return bad_input;
      }
    }
    rec.generations = std::move(old.generations);
    if (!rec.generations.empty()) {
      resumed = rec.generations.back();
      resume = &resumed;
      if (!o.quiet) std::cerr << "resuming after generation " << resumed.generation << "\n";
    }
  }

  const auto t0 = std::chrono::steady_clock::now();
  std::uint64_t sims0 = resume ? resume->simulations : 0;
  calibrate::Callbacks cb;
  cb.on_batch = [&](const calibrate::Progress& p) {
    if (o.quiet) return;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    // Share of the planned work done: whole generations plus this one's acceptances
    // (an upper bound on what is left: a tolerance stop may end sooner).
    const double first = resume ? resume->generation + 1.0 : 0.0;
    const double planned = static_cast<double>(s.max_generations) - first;
    const double done = (p.generation - first + static_cast<double>(p.accepted) / static_cast<double>(p.particles)) / planned;
    const double left = done > 0 ? secs * (1.0 - done) / done : NAN;
    std::cerr << "\rgeneration " << p.generation << ": " << p.accepted << "/" << p.particles << " accepted of "
              << p.proposals << " proposals, " << (p.simulations - sims0) << " runs, " << fmt_seconds(secs)
              << " elapsed, at most " << fmt_seconds(left) << " left   " << std::flush;
  };
  cb.on_generation = [&](const calibrate::State& st) {
    rec.generations.push_back(st);
    write_posterior_file(out, sc, problem, rec);
    if (!o.quiet)
      std::cerr << "\rgeneration " << st.generation << " done: epsilon " << st.epsilon << ", acceptance "
                << st.acceptance_rate << ", ESS " << st.ess << "                    \n";
  };
  const calibrate::State last = calibrate::run(problem, s, cb, resume);
  rec.generations.back().stop = last.stop;
  write_posterior_file(out, sc, problem, rec);

  print_summary(sc, problem, last);
  std::cout << "Wrote " << out.string() << "\n";
  return ok;
}
}  // namespace

void add_calibrate(CLI::App& app) {
  auto o = std::make_shared<CalibrateOptions>();
  CLI::App* cmd = app.add_subcommand("calibrate", "Estimate a scenario's [calibration.priors] by ABC-SMC against its observations up to the cutoff");
  cmd->add_option("scenario", o->scenario, "Scenario file (.toml) or built-in name")->required();
  cmd->add_option("-o,--output", o->output, "Posterior file (default: NAME_posterior.h5)");
  cmd->add_option("--particles", o->particles, "Particles per generation")->check(CLI::Range(std::size_t{2}, std::size_t{1000000}));
  cmd->add_option("--generations", o->generations, "At most this many generations, the prior's included")->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
  cmd->add_option("--tolerance", o->min_epsilon, "Stop once a generation ran at a tolerance at or below this")->check(CLI::NonNegativeNumber);
  cmd->add_option("--scale", o->scale, "Persons per agent for the calibration runs (default: the scenario's)")->check(CLI::PositiveNumber);
  cmd->add_option("--threads", o->threads, "Worker threads (default: all cores); results do not depend on it")->check(CLI::Range(1, 4096));
  cmd->add_option("--seed", o->seed, "Random seed of the calibration");
  cmd->add_flag("--resume", o->resume, "Continue from the last complete generation stored in the output file");
  cmd->add_option("--set", o->set, "Override a parameter (repeatable)")->allow_extra_args(false);
  cmd->add_flag("-q,--quiet", o->quiet, "No progress line");
  cmd->callback([o] {
    const int rc = calibrate_scenario(*o);
    if (rc != ok) throw CLI::RuntimeError(rc);
  });
}

}  // namespace hukou::cli
