// `hukou report FILE.h5 [--compare OPTION.h5 ...] -o report.html`: a self-contained HTML
// report of a run. The evaluation against targets (and Qiannan's county scores) is
// computed here, by sim/evaluate exactly as `hukou evaluate` computes it, and handed
// to the report in a file of groups `evaluation`, `county_scores`, `key_figures`,
// `observations` (the scenario's observations beside the simulation), `validation` and
// `validation_skill` (the run against the observations after the calibration cutoff, as
// `hukou validate` scores it), `clauses` (the scenario's clause coverage),
// `channel_names` (each channel as its document names it), `comparison` (every
// option against the run, as `hukou compare` computes it) and, for one option,
// `difference` (its paired effects in every year), written with
// fileio's AtomicFile into a private temporary directory (mode 0700) that is removed
// afterwards (on a signal too); the run file is never changed. The report itself is
// built by the analysis package (analysis/hukou_analysis, Python with Debian's h5py,
// xarray, pandas, matplotlib, scipy), which prints the HTML on a pipe; this
// subcommand writes it with fileio's AtomicFile, like every output.
//
// No code from the working directory runs: Python is started by cli/python.hpp,
// the one runner (isolated, by absolute path, in "/"). The run files are checked first (output::read_run_file, which
// cannot crash on a damaged file), so h5py never meets one. Exit codes are Python's (0 ok, 1 failure, 2 bad input); a
// file that is not a run file is bad input (2).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/python.hpp"
#include "cli/validation_tables.hpp"
#include "evaluate/county_score.hpp"
#include "evaluate/evaluate.hpp"
#include "evaluate/observations.hpp"
#include "evaluate/options.hpp"
#include "fileio/atomic_file.hpp"
#include "fileio/cleanup.hpp"
#include "fileio/output_lock.hpp"
#include "fileio/private_dir.hpp"
#include "fileio/target_check.hpp"
#include "output/hdf5_reader.hpp"
#include "output/table_group.hpp"
#include "scenario/clauses.hpp"
#include "scenario/loader.hpp"

namespace hukou::cli {

namespace {
namespace fs = std::filesystem;
struct ReportOptions {
  std::string file, output;
  std::vector<std::string> compare;
  std::vector<int> midterm{2018};
  std::string lang = "en";
};

[[noreturn]] void fail(const std::string& message, int code) {
  std::cerr << "hukou report: " << message << "\n";
  throw CLI::RuntimeError(code);
}

// The run's clause coverage table, from the scenario text the run file stores (read
// again as `hukou diff` reads it); none when the scenario has no table, or when the
// stored text no longer loads (a run of an older version): the report then omits it.
std::optional<output::Table> clause_table(const output::RunFile& f) {
  Scenario s;
  try {
    s = run_scenario(f);
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
  groups.emplace_back("key_figures", evaluate::compare_options(f, {&f}, {"this run"},
                                                               {{"registered_urbanization_rate", ""},
                                                                {"resident_urbanization_rate", ""},
                                                                {evaluate::kSettledToDate, ""},
                                                                {evaluate::kPublicCostToDate, ""}},
                                                               evaluate::default_years(f)));
  // The scenario the run used: its observations beside the simulation, and its
  // channels as the documents name them (a file whose scenario cannot be read
  // again has neither).
  try {
    const Scenario sc = run_scenario(f);
    if (!sc.observations.empty()) groups.emplace_back("observations", evaluate::observations_table(f, sc));
    // The run against its observations after the cutoff, as `hukou validate` scores it
    // (the report reads the run file's own `validation` group first, if it has one).
    try {
      RunValidation v = validate_ensemble(sc, f.replicates, f.path.string());
      groups.emplace_back("validation", std::move(v.points));
      groups.emplace_back("validation_skill", std::move(v.skill));
    } catch (const NothingToValidate&) {
      // The report's validation section says there is nothing to score.
    }
    output::Table names;
    names.columns = {{"channel_code", "", "the channel's identifier in the scenario"},
                     {"channel_title", "", "the channel as its document names it"},
                     {"channel_label", "", "title and identifier, as tables and legends show the channel"}};
    for (const auto& c : sc.channels) names.add({c.name, c.title, evaluate::channel_label(c)});
    if (!sc.channels.empty()) groups.emplace_back("channel_names", names);
  } catch (const std::exception& e) {
    std::cerr << "hukou report: note: no observations or channel titles: the scenario recorded in " << f.path.string()
              << " cannot be read again (" << e.what() << ")\n";
  }
  if (!options.empty()) {
    std::vector<const output::RunFile*> ptrs;
    std::vector<std::string> labels;
    for (const auto& r : options) {
      ptrs.push_back(&r);
      labels.push_back(fs::absolute(r.path).string());  // as the report names the option's file
    }
    groups.emplace_back("comparison", evaluate::compare_options(f, ptrs, labels, evaluate::option_indicators(f, ptrs),
                                                                evaluate::default_years(f)));
    // One what-if: its paired effect on the rates and settlements in every year, for the
    // comparison section's plot and tables (hukou compare --all-years computes the same).
    if (options.size() == 1)
      groups.emplace_back("difference", evaluate::compare_options(f, ptrs, labels,
                                                                  {{"registered_urbanization_rate", ""},
                                                                   {"resident_urbanization_rate", ""},
                                                                   {"settlements", ""}},
                                                                  f.replicates.front().years));
  }
  output::write_table_file(to, groups);
}

void report(const ReportOptions& o) {
  std::error_code ec;
  std::vector<std::string> inputs{o.file};
  inputs.insert(inputs.end(), o.compare.begin(), o.compare.end());
  std::optional<output::RunFile> run;
  std::vector<output::RunFile> options;
  for (const auto& f : inputs) {
    if (!fs::exists(f, ec)) fail(f + ": no such file", bad_input);
    try {
      // Checked (and recorded as an input, so no output replaces it).
      output::RunFile read = output::read_run_file(f);
      if (!run)
        run = std::move(read);
      else
        options.push_back(std::move(read));
    } catch (const output::OutputError& e) {  // not a run file, or a damaged one: the input is bad
      fail(e.what(), bad_input);
    }
  }
  const fs::path out = o.output.empty() ? fs::path(o.file).replace_extension(".html") : fs::path(o.output);
  fileio::check_target(out);
  const fileio::OutputLock lock(out);

  const fileio::PrivateDir tmp("hukou-report");
  const fs::path tables = tmp.path() / "evaluation.h5";
  const fileio::CleanupOnSignal tables_cleanup(tables.string());  // before the directory, on a signal
  try {
    write_evaluation(*run, options, o.midterm, tables);
  } catch (const evaluate::EvaluationError& e) {  // options that cannot be paired with the run
    fail(e.what(), bad_input);
  }

  std::vector<std::string> args{fs::absolute(o.file).string(), "--evaluation", tables.string(), "--lang", o.lang};
  for (const auto& c : o.compare) args.insert(args.end(), {"--compare", fs::absolute(c).string()});
  args.insert(args.end(), {"-o", "-"});
  std::string html;
  if (const int code = run_analysis("hukou report", "report", args, &html); code != ok) throw CLI::RuntimeError(code);
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
  cmd->add_option("--lang", o->lang, "Language of the report: en (English, the default) or zh (中文)")
      ->check(CLI::IsMember({"en", "zh"}));
  cmd->callback([o] { report(*o); });
}

}  // namespace hukou::cli
