// `hukou report FILE.h5 [--compare OPTION.h5 ...] -o report.html`: a self-contained HTML
// report of a run. The evaluation against targets (and Qiannan's county scores) is
// computed here, by sim/evaluate exactly as `hukou evaluate` computes it, and handed
// to the report in a temporary file of groups `evaluation`, `county_scores` and
// `comparison` (every option against the run, as `hukou compare` computes it); the
// run file is never changed. The report itself is the analysis package's command
// (analysis/hukou_analysis, Python with Debian's h5py, xarray, pandas, matplotlib,
// scipy), run by cli/python.hpp; its exit code is the report's (0 ok, 1 failure,
// 2 bad input).
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/python.hpp"
#include "evaluate/county_score.hpp"
#include "evaluate/evaluate.hpp"
#include "evaluate/options.hpp"
#include "output/table_group.hpp"

namespace hukou::cli {

namespace {
namespace fs = std::filesystem;

struct ReportOptions {
  std::string file, output;
  std::vector<std::string> compare;
  std::vector<int> midterm{2018};
};

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
  // The four figures a decision maker reads first, in the target years and the horizon.
  groups.emplace_back("key_figures", evaluate::compare_options(
                                         f, {&f}, {"this run"},
                                         {{"registered_urbanization_rate", ""}, {"resident_urbanization_rate", ""},
                                          {evaluate::kSettledToDate, ""}, {evaluate::kPublicCostToDate, ""}},
                                         evaluate::default_years(f)));
  if (!o.compare.empty()) {  // every option against this run, as `hukou compare` computes it
    std::vector<output::RunFile> opts;
    for (const auto& c : o.compare) opts.push_back(output::read_run_file(c));
    std::vector<const output::RunFile*> ptrs;
    std::vector<std::string> labels;
    for (const auto& r : opts) {
      ptrs.push_back(&r);
      labels.push_back(r.path.string());
    }
    groups.emplace_back("comparison", evaluate::compare_options(f, ptrs, labels, evaluate::option_indicators(f, ptrs),
                                                                evaluate::default_years(f)));
  }
  output::write_table_file(to, groups);
}

int report(const ReportOptions& o) {
  std::error_code ec;
  std::vector<std::string> inputs{o.file};
  inputs.insert(inputs.end(), o.compare.begin(), o.compare.end());
  for (const std::string& f : inputs)
    if (!fs::is_regular_file(f, ec)) {
      std::cerr << "hukou report: " << f << ": no such file\n";
      return bad_input;
    }
  const TempFile tables{fs::temp_directory_path() / ("hukou-report-" + std::to_string(::getpid()) + ".h5")};
  try {
    write_evaluation(o, tables.path);
  } catch (const output::OutputError& e) {  // not a run file: the input is bad
    std::cerr << "hukou report: " << e.what() << "\n";
    return bad_input;
  } catch (const evaluate::EvaluationError& e) {  // options that cannot be paired with the run
    std::cerr << "hukou report: " << e.what() << "\n";
    return bad_input;
  }
  std::vector<std::string> args{o.file, "--evaluation", tables.path.string()};
  for (const auto& c : o.compare) args.insert(args.end(), {"--compare", c});
  if (!o.output.empty()) args.insert(args.end(), {"-o", o.output});
  return run_analysis("hukou report", "report", args);
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
  cmd->callback([o] {
    const int code = report(*o);
    if (code != ok) throw CLI::RuntimeError(code);
  });
}

}  // namespace hukou::cli
