// `hukou report FILE.h5 [--compare OTHER.h5] -o report.html`: a self-contained HTML
// report of a run. The evaluation against targets (and Qiannan's county scores) is
// computed here, by sim/evaluate exactly as `hukou evaluate` computes it, and handed
// to the report in a temporary file of groups `evaluation` and `county_scores`; the
// run file is never changed. The report itself is the analysis package's command
// (analysis/hukou_analysis, Python with Debian's h5py, xarray, pandas, matplotlib,
// scipy): /usr/bin/python3 -m hukou_analysis.report with PYTHONPATH set to the
// package's directory; its exit code is the report's (0 ok, 1 failure, 2 bad input).
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "evaluate/county_score.hpp"
#include "evaluate/evaluate.hpp"
#include "output/table_group.hpp"

#ifndef HUKOU_ANALYSIS_DIR
#define HUKOU_ANALYSIS_DIR ""
#endif

extern char** environ;

namespace hukou::cli {

namespace {
constexpr const char* kPython = "/usr/bin/python3";
namespace fs = std::filesystem;

struct ReportOptions {
  std::string file, compare, output;
  std::vector<int> midterm{2018};
};

// analysis/ of the source tree (set at build time), or $HUKOU_ANALYSIS_DIR.
std::string analysis_dir() {
  if (const char* env = std::getenv("HUKOU_ANALYSIS_DIR"); env && *env) return env;
  return HUKOU_ANALYSIS_DIR;
}

// Removes the file when it goes out of scope.
struct TempFile {
  fs::path path;
  ~TempFile() {
    std::error_code ec;
    fs::remove(path, ec);
  }
};

// The run's evaluation tables, as `hukou evaluate` would store them.
void write_evaluation(const ReportOptions& o, const fs::path& to) {
  const output::RunFile f = output::read_run_file(o.file);
  std::vector<std::pair<std::string, output::Table>> groups;
  if (!f.meta.targets.empty()) groups.emplace_back("evaluation", evaluate::evaluate_targets(f, o.midterm));
  const bool scored = std::any_of(f.meta.extra.begin(), f.meta.extra.end(),
                                  [](const auto& kv) { return kv.first == "county_score_year"; });
  if (scored) groups.emplace_back("county_scores", evaluate::county_scores(f));
  output::write_table_file(to, groups);
}

// Runs the command and returns its exit code (failure if it could not run or died).
int run_python(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::cout.flush();
  std::cerr.flush();
  pid_t pid = 0;
  if (const int err = ::posix_spawn(&pid, kPython, nullptr, nullptr, argv.data(), environ); err != 0) {
    std::cerr << "hukou report: cannot run " << kPython << ": " << std::strerror(err) << "\n";
    return failure;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return failure;
  return WIFEXITED(status) ? WEXITSTATUS(status) : failure;
}

int report(const ReportOptions& o) {
  const std::string dir = analysis_dir();
  if (::access(kPython, X_OK) != 0) {
    std::cerr << "hukou report: " << kPython << " not found: install python3 and scripts/install-deps' packages\n";
    return failure;
  }
  std::error_code ec;
  if (dir.empty() || !fs::is_regular_file(fs::path(dir) / "hukou_analysis" / "report.py", ec)) {
    std::cerr << "hukou report: the analysis package was not found in '" << dir
              << "' (expected hukou_analysis/report.py there); set HUKOU_ANALYSIS_DIR to the analysis/ "
                 "directory of the hukou sources\n";
    return failure;
  }
  for (const std::string& f : {o.file, o.compare})
    if (!f.empty() && !fs::is_regular_file(f, ec)) {
      std::cerr << "hukou report: " << f << ": no such file\n";
      return bad_input;
    }
  const TempFile tables{fs::temp_directory_path() / ("hukou-report-" + std::to_string(::getpid()) + ".h5")};
  try {
    write_evaluation(o, tables.path);
  } catch (const output::OutputError& e) {  // not a run file: the input is bad
    std::cerr << "hukou report: " << e.what() << "\n";
    return bad_input;
  }
  std::string path = dir;
  if (const char* old = std::getenv("PYTHONPATH"); old && *old) path += std::string(":") + old;
  ::setenv("PYTHONPATH", path.c_str(), 1);
  std::vector<std::string> args{kPython, "-m", "hukou_analysis.report", o.file, "--evaluation", tables.path.string()};
  if (!o.compare.empty()) args.insert(args.end(), {"--compare", o.compare});
  if (!o.output.empty()) args.insert(args.end(), {"-o", o.output});
  return run_python(std::move(args));
}
}  // namespace

void add_report(CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Write a self-contained HTML report of a run (provenance, targets, plots; needs /usr/bin/python3)");
  cmd->add_option("file", o->file, "Run file written by `hukou run`")->required();
  cmd->add_option("--compare", o->compare, "A what-if run to compare with (same --seed and --replicates)");
  cmd->add_option("-o,--output", o->output, "HTML file to write (default: FILE with .html)");
  cmd->add_option("--midterm", o->midterm, "Mid-term evaluation years (default 2018)");
  cmd->callback([o] {
    const int code = report(*o);
    if (code != ok) throw CLI::RuntimeError(code);
  });
}

}  // namespace hukou::cli
