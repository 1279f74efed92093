// `hukou report FILE.h5 [--compare OTHER.h5] -o report.html`: a self-contained HTML
// report of a run. The report is the analysis package's command (analysis/hukou_analysis,
// Python with Debian's h5py, xarray, pandas, matplotlib, scipy); this subcommand only
// execs /usr/bin/python3 -m hukou_analysis.report with PYTHONPATH set to the package's
// directory, so the exit code is the report's (0 ok, 1 failure, 2 bad input).
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"

#ifndef HUKOU_ANALYSIS_DIR
#define HUKOU_ANALYSIS_DIR ""
#endif

namespace hukou::cli {

namespace {
constexpr const char* kPython = "/usr/bin/python3";

struct ReportOptions {
  std::string file, compare, output;
  std::vector<int> midterm;
};

// analysis/ of the source tree (set at build time), or $HUKOU_ANALYSIS_DIR.
std::string analysis_dir() {
  if (const char* env = std::getenv("HUKOU_ANALYSIS_DIR"); env && *env) return env;
  return HUKOU_ANALYSIS_DIR;
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
    const std::string dir = analysis_dir();
    namespace fs = std::filesystem;
    if (::access(kPython, X_OK) != 0) {
      std::cerr << "hukou report: " << kPython << " not found: install python3 and scripts/install-deps' packages\n";
      throw CLI::RuntimeError(failure);
    }
    std::error_code ec;
    if (dir.empty() || !fs::is_regular_file(fs::path(dir) / "hukou_analysis" / "report.py", ec)) {
      std::cerr << "hukou report: the analysis package was not found in '" << dir
                << "' (expected hukou_analysis/report.py there); set HUKOU_ANALYSIS_DIR to the analysis/ "
                   "directory of the hukou sources\n";
      throw CLI::RuntimeError(failure);
    }
    std::string path = dir;
    if (const char* old = std::getenv("PYTHONPATH"); old && *old) path += std::string(":") + old;
    ::setenv("PYTHONPATH", path.c_str(), 1);
    std::vector<std::string> args{kPython, "-m", "hukou_analysis.report", o->file};
    if (!o->compare.empty()) args.insert(args.end(), {"--compare", o->compare});
    if (!o->output.empty()) args.insert(args.end(), {"-o", o->output});
    for (int y : o->midterm) args.insert(args.end(), {"--midterm", std::to_string(y)});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::cout.flush();
    std::cerr.flush();
    ::execv(kPython, argv.data());
    std::cerr << "hukou report: cannot run " << kPython << ": " << std::strerror(errno) << "\n";
    throw CLI::RuntimeError(failure);
  });
}

}  // namespace hukou::cli
