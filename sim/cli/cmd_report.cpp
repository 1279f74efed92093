// `hukou report FILE.h5 [--compare OPTION.h5 ...] -o report.html`: a self-contained HTML
// report of a run. The evaluation against targets (and Qiannan's county scores) is
// computed here, by sim/evaluate exactly as `hukou evaluate` computes it, and handed
// to the report in a file of groups `evaluation`, `county_scores`, `clauses` (the
// scenario's clause coverage), `key_figures` and
// `comparison` (every option against the run, as `hukou compare` computes it), written with
// fileio's AtomicFile into a private temporary directory (mode 0700) that is removed
// afterwards (on a signal too); the run file is never changed. The report itself is
// built by the analysis package (analysis/hukou_analysis, Python with Debian's h5py,
// xarray, pandas, matplotlib, scipy), which prints the HTML on a pipe; this
// subcommand writes it with fileio's AtomicFile, like every output.
//
// No code from the working directory runs: Python starts isolated (-I: no
// PYTHONPATH, no user site, no current directory or script directory on sys.path)
// with the package's absolute directory as the only addition to sys.path, and in
// the directory "/" (matplotlib, for one, reads a matplotlibrc from the current
// directory). The run files are checked first (output::read_run_file, which cannot
// crash on a damaged file), so h5py never meets one. Exit codes are Python's (0 ok,
// 1 failure, 2 bad input); a file that is not a run file is bad input (2).
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "evaluate/county_score.hpp"
#include "evaluate/evaluate.hpp"
#include "evaluate/options.hpp"
#include "fileio/atomic_file.hpp"
#include "fileio/cleanup.hpp"
#include "fileio/output_lock.hpp"
#include "fileio/target_check.hpp"
#include "output/hdf5_reader.hpp"
#include "output/table_group.hpp"
#include "scenario/clauses.hpp"
#include "scenario/loader.hpp"

#ifndef HUKOU_ANALYSIS_DIR
#define HUKOU_ANALYSIS_DIR ""
#endif

namespace hukou::cli {

namespace {
namespace fs = std::filesystem;
constexpr const char* kPython = "/usr/bin/python3";
// Puts the package first on sys.path (argv[1]) and runs the report's main on the rest.
constexpr const char* kBootstrap =
    "import sys; sys.path.insert(0, sys.argv[1]); from hukou_analysis.report import main; "
    "sys.exit(main(sys.argv[2:]))";

struct ReportOptions {
  std::string file, output;
  std::vector<std::string> compare;
  std::vector<int> midterm{2018};
};

// analysis/ of the source tree (set at build time), or $HUKOU_ANALYSIS_DIR; absolute.
fs::path analysis_dir() {
  const char* env = std::getenv("HUKOU_ANALYSIS_DIR");
  const std::string dir = env && *env ? env : HUKOU_ANALYSIS_DIR;
  return dir.empty() ? fs::path() : fs::absolute(dir).lexically_normal();
}

[[noreturn]] void fail(const std::string& message, int code) {
  std::cerr << "hukou report: " << message << "\n";
  throw CLI::RuntimeError(code);
}

// A new directory only this user can enter (mkdtemp: mode 0700, a name of its own
// under $TMPDIR or /tmp), removed with what is in it when this goes out of scope,
// and by the signal handler (fileio/cleanup.hpp) if the process is stopped.
class PrivateTempDir {
 public:
  PrivateTempDir() {
    std::string templ = fs::absolute(fs::temp_directory_path() / "hukou-report-XXXXXX").string();
    if (::mkdtemp(templ.data()) == nullptr)
      fail("cannot make a temporary directory in " + fs::temp_directory_path().string() + ": " +
               std::strerror(errno),
           failure);
    path_ = templ;
    cleanup_.emplace(path_.string());
  }
  ~PrivateTempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);  // ours alone (0700): nothing else can be in it
  }
  PrivateTempDir(const PrivateTempDir&) = delete;
  PrivateTempDir& operator=(const PrivateTempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
  std::optional<fileio::CleanupOnSignal> cleanup_;
};

// The run's clause coverage table, from the scenario text the run file stores (read
// again as `hukou diff` reads it); none when the scenario has no table, or when the
// stored text no longer loads (a run of an older version): the report then omits it.
std::optional<output::Table> clause_table(const output::RunFile& f) {
  Scenario s;
  try {
    s = scenario::parse(f.meta.scenario_text, f.path.string(), scenario::recorded_overrides(f.meta.scenario_text));
  } catch (const scenario::ScenarioError&) {
    return std::nullopt;
  }
  if (s.clauses.empty()) return std::nullopt;
  output::Table t;
  t.columns = {{"clause", "", "the document's clause"},
               {"topic", "", "what it is about"},
               {"status", "", "simulated, partly or not_simulated"},
               {"cited_by", "", "what in the scenario reads it"},
               {"why", "", "how the model reads it, or what is missing and why"},
               {"keys", "", "parameters that read it"}};
  for (const auto& c : s.clauses) {
    std::string keys;
    for (const auto& k : c.keys) keys += (keys.empty() ? "" : ", ") + k;
    t.add({c.id, c.topic, std::string(scenario::status_name(c.status)), scenario::cited_by(s, c), c.why, keys});
  }
  return t;
}

// The run's evaluation tables, as `hukou evaluate` would store them, its key figures
// and every option against it, as `hukou compare` computes them, in `to`.
void write_evaluation(const output::RunFile& f, const std::vector<output::RunFile>& options,
                      const std::vector<int>& midterm, const fs::path& to) {
  std::vector<std::pair<std::string, output::Table>> groups;
  if (!f.meta.targets.empty()) groups.emplace_back("evaluation", evaluate::evaluate_targets(f, midterm));
  const bool scored = std::any_of(f.meta.extra.begin(), f.meta.extra.end(),
                                  [](const auto& kv) { return kv.first == "county_score_year"; });
  if (scored) groups.emplace_back("county_scores", evaluate::county_scores(f));
  if (auto clauses = clause_table(f)) groups.emplace_back("clauses", std::move(*clauses));
  // The four figures a decision maker reads first, in the target years and the horizon.
  groups.emplace_back("key_figures", evaluate::compare_options(
                                         f, {&f}, {"this run"},
                                         {{"registered_urbanization_rate", ""}, {"resident_urbanization_rate", ""},
                                          {evaluate::kSettledToDate, ""}, {evaluate::kPublicCostToDate, ""}},
                                         evaluate::default_years(f)));
  if (!options.empty()) {
    std::vector<const output::RunFile*> ptrs;
    std::vector<std::string> labels;
    for (const auto& r : options) {
      ptrs.push_back(&r);
      labels.push_back(fs::absolute(r.path).string());  // as the report names the option's file
    }
    groups.emplace_back("comparison", evaluate::compare_options(f, ptrs, labels, evaluate::option_indicators(f, ptrs),
                                                                evaluate::default_years(f)));
  }
  output::write_table_file(to, groups);
}

// Runs Python as above; returns its exit code and its stdout (the HTML) in `out`.
int run_python(const std::vector<std::string>& args, std::string& out) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) fail(std::string("cannot make a pipe: ") + std::strerror(errno), failure);
  std::cout.flush();
  std::cerr.flush();
  const pid_t pid = ::fork();
  if (pid < 0) fail(std::string("cannot start ") + kPython + ": " + std::strerror(errno), failure);
  if (pid == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    if (::chdir("/") != 0) ::_exit(1);
    ::setenv("MPLBACKEND", "Agg", 1);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(kPython, argv.data());
    const std::string msg = std::string("hukou report: cannot run ") + kPython + ": " + std::strerror(errno) + "\n";
    if (::write(STDERR_FILENO, msg.data(), msg.size()) < 0) ::_exit(1);
    ::_exit(1);
  }
  ::close(fds[1]);
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  fail("the analysis package was stopped by signal " + std::to_string(WTERMSIG(status)), failure);
}

void report(const ReportOptions& o) {
  const fs::path dir = analysis_dir();
  if (::access(kPython, X_OK) != 0)
    fail(std::string(kPython) + " not found: install python3 and scripts/install-deps' packages", failure);
  std::error_code ec;
  if (dir.empty() || !fs::is_regular_file(dir / "hukou_analysis" / "report.py", ec))
    fail("the analysis package was not found in '" + dir.string() +
             "' (expected hukou_analysis/report.py there); set HUKOU_ANALYSIS_DIR to the analysis/ directory of the "
             "hukou sources",
         failure);
  std::vector<std::string> inputs{o.file};
  inputs.insert(inputs.end(), o.compare.begin(), o.compare.end());
  std::optional<output::RunFile> run;
  std::vector<output::RunFile> options;
  for (const auto& f : inputs) {
    if (!fs::exists(f, ec)) fail(f + ": no such file", bad_input);
    try {
      // Checked (and recorded as an input, so no output replaces it).
      output::RunFile read = output::read_run_file(f);
      if (!run) run = std::move(read);
      else options.push_back(std::move(read));
    } catch (const output::OutputError& e) {  // not a run file, or a damaged one: the input is bad
      fail(e.what(), bad_input);
    }
  }
  const fs::path out = o.output.empty() ? fs::path(o.file).replace_extension(".html") : fs::path(o.output);
  fileio::check_target(out);
  const fileio::OutputLock lock(out);

  const PrivateTempDir tmp;
  const fs::path tables = tmp.path() / "evaluation.h5";
  const fileio::CleanupOnSignal tables_cleanup(tables.string());  // before the directory, on a signal
  try {
    write_evaluation(*run, options, o.midterm, tables);
  } catch (const evaluate::EvaluationError& e) {  // options that cannot be paired with the run
    fail(e.what(), bad_input);
  }

  std::vector<std::string> args{kPython, "-I", "-c", kBootstrap, dir.string(), fs::absolute(o.file).string(),
                                "--evaluation", tables.string()};
  for (const auto& c : o.compare) args.insert(args.end(), {"--compare", fs::absolute(c).string()});
  args.insert(args.end(), {"-o", "-"});
  std::string html;
  if (const int code = run_python(args, html); code != ok) throw CLI::RuntimeError(code);
  fileio::write_file_atomically(out, html);
  std::cout << "Wrote " << out.string() << "\n";
}
}  // namespace

void add_report(CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Write a self-contained HTML report of a run (provenance, targets, plots; needs /usr/bin/python3)");
  cmd->add_option("file", o->file, "Run file written by `hukou run`")->required();
  cmd->add_option("--compare", o->compare,
                  "A policy option's run to compare with, same --seed and --replicates (repeatable)");
  cmd->add_option("-o,--output", o->output, "HTML file to write (default: FILE with .html)");
  cmd->add_option("--midterm", o->midterm, "Mid-term evaluation years (default 2018)");
  cmd->callback([o] { report(*o); });
}

}  // namespace hukou::cli
