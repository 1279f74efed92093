// `hukou evaluate FILE.h5`: the scenario's targets against the simulation, in
// mid-term and final views; printed, and with --store stored in the file's
// `evaluation` (and `county_scores`) groups.
#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/export.hpp"
#include "cli/inputs.hpp"
#include "evaluate/county_score.hpp"
#include "evaluate/evaluate.hpp"
#include "output/display.hpp"
#include "output/table_group.hpp"

namespace hukou::cli {

namespace {
struct EvaluateOptions {
  std::string file, export_to;
  std::vector<int> midterm{2018};
  bool csv = false, store = false, no_store = false;
};
}  // namespace

void add_evaluate(CLI::App& app) {
  auto o = std::make_shared<EvaluateOptions>();
  CLI::App* cmd = app.add_subcommand("evaluate", "Evaluate a run against its scenario's targets");
  cmd->add_option("file", o->file, "Run file written by `hukou run`")->required();
  cmd->add_option("--midterm", o->midterm,
                  "Mid-term evaluation years (default 2018, the national mid-term evaluation; 国办发〔2016〕72号)");
  cmd->add_flag("--csv", o->csv, "Print CSV instead of a table");
  // The run file is an input: changed only when asked.
  cmd->add_flag("--store", o->store, "Also store the tables in the run file (groups `evaluation`, `county_scores`)");
  cmd->add_flag("--no-store", o->no_store, "Leave the run file unchanged (the default)")->excludes("--store");
  cmd->add_option("--export", o->export_to,
                  "Also write the tables to FILE.csv (Excel-ready CSV, units in headers) or FILE.xlsx (one workbook)");
  cmd->callback([o] {
    if (const std::string why = o->export_to.empty() ? "" : export_problem(o->export_to); !why.empty()) {
      std::cerr << "hukou evaluate: " << why << "\n";
      throw CLI::RuntimeError(bad_input);
    }
    const auto f = read_run_input("hukou evaluate", o->file);
    if (f.meta.targets.empty()) {
      std::cerr << "hukou evaluate: " << o->file << " (scenario " << f.meta.scenario_name
                << ") has no targets: nothing to evaluate\n";
      throw CLI::RuntimeError(bad_input);
    }
    const output::Table t = evaluate::evaluate_targets(f, o->midterm);
    if (o->csv) {
      output::print_csv(std::cout, t);
    } else {
      std::cout << "Targets of " << f.meta.scenario_name << " in " << o->file << " (";
      if (f.meta.draws > 0)
        std::cout << f.meta.draws << " posterior draws x " << f.replicates.size() / f.meta.draws
                  << " replicates; uncertainty: parameters and seeds)\n\n";
      else
        std::cout << f.replicates.size() << " replicate" << (f.replicates.size() == 1 ? "" : "s")
                  << "; uncertainty: seeds only, run with --posterior to include the parameters)\n\n";
      output::print_text(std::cout, output::for_reading(t, {"target_value", "simulated", "lo", "hi"}, {"gap"}));
      std::cout << "\nRates in percent, gaps of rates in percentage points (pp); lo..hi: where 90% of runs lie; "
                   "share_met: share of runs at or above the target, the probability it is met; parameter_share, "
                   "noise_share: shares of the variance due to the parameters and to simulation noise "
                   "(docs/evaluation.md).\n";
    }
    if (o->store) output::store_table(o->file, "evaluation", t);
    std::vector<NamedTable> tables{{"evaluation", t}};
    const bool scored = std::any_of(f.meta.extra.begin(), f.meta.extra.end(),
                                    [](const auto& kv) { return kv.first == "county_score_year"; });
    if (scored) {
      const output::Table scores = evaluate::county_scores(f);
      if (o->csv) {
        std::cout << "\n";
        output::print_csv(std::cout, scores);
      } else {
        std::cout << "\nCounty evaluation (scores out of 100: rate 40, settlement 30, relocation 30)\n\n";
        output::print_text(std::cout, output::for_reading(scores, {}, {"required_rise", "rise"}));
      }
      if (o->store) output::store_table(o->file, "county_scores", scores);
      tables.push_back({"county_scores", scores});
    }
    if (o->export_to.empty()) return;
    const int code = export_tables("hukou evaluate", o->export_to, tables, run_provenance(f));
    if (code != ok) throw CLI::RuntimeError(code);
  });
}

}  // namespace hukou::cli
