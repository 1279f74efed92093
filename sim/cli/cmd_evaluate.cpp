// `hukou evaluate FILE.h5`: the scenario's targets against the simulation, in
// mid-term and final views, and its observations beside the simulated values;
// printed, and with --store stored in the file's `evaluation` (`county_scores`,
// `observations`) groups.
#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/export.hpp"
#include "cli/inputs.hpp"
#include "evaluate/county_score.hpp"
#include "evaluate/evaluate.hpp"
#include "evaluate/observations.hpp"
#include "output/display.hpp"
#include "output/table_group.hpp"

namespace hukou::cli {

namespace {
// The scenario the run used, for its observations; a file whose recorded scenario
// this version cannot read again is still evaluated against its targets.
Scenario scenario_or_note(const output::RunFile& f) {
  try {
    return run_scenario(f);
  } catch (const std::exception& e) {
    std::cerr << "hukou evaluate: note: observations not shown: the scenario recorded in " << f.path.string()
              << " cannot be read again (" << e.what() << ")\n";
    return {};
  }
}

struct EvaluateOptions {
  std::string file, export_to;
  std::vector<int> midterm{2018};
  bool csv = false, store = false, no_store = false;
};
}  // namespace

void add_evaluate(CLI::App& app) {
  auto o = std::make_shared<EvaluateOptions>();
  CLI::App* cmd = app.add_subcommand("evaluate", "Evaluate a run against its scenario's targets and observations");
  cmd->add_option("file", o->file, "Run file written by `hukou run`")->required();
  cmd->add_option("--midterm", o->midterm,
                  "Mid-term evaluation years (default 2018, the national mid-term evaluation; 国办发〔2016〕72号)");
  cmd->add_flag("--csv", o->csv, "Print CSV instead of a table");
  // The run file is an input: changed only when asked.
  cmd->add_flag("--store", o->store, "Also store the tables in the run file (groups `evaluation`, `county_scores`, `observations`)");
  cmd->add_flag("--no-store", o->no_store, "Leave the run file unchanged (the default)")->excludes("--store");
  cmd->add_option("--export", o->export_to,
                  "Also write the tables to FILE.csv (Excel-ready CSV, units in headers) or FILE.xlsx (one workbook)");
  cmd->callback([o] {
    if (const std::string why = o->export_to.empty() ? "" : export_problem(o->export_to); !why.empty()) {
      std::cerr << "hukou evaluate: " << why << "\n";
      throw CLI::RuntimeError(bad_input);
    }
    const auto f = read_run_input("hukou evaluate", o->file);
    const Scenario sc = scenario_or_note(f);
    if (f.meta.targets.empty() && sc.observations.empty()) {
      std::cerr << "hukou evaluate: " << o->file << " (scenario " << f.meta.scenario_name
                << ") has no targets and no observations: nothing to evaluate\n";
      throw CLI::RuntimeError(bad_input);
    }
    std::vector<NamedTable> tables;
    const auto show = [&](const std::string& name, const output::Table& t, const std::string& heading,
                          const output::Table& readable, const std::string& note) {
      if (o->csv) {
        if (!tables.empty()) std::cout << "\n";
        output::print_csv(std::cout, t);
      } else {
        std::cout << (tables.empty() ? "" : "\n") << heading << "\n\n";
        output::print_text(std::cout, readable);
        if (!note.empty()) std::cout << "\n" << note << "\n";
      }
      if (o->store) output::store_table(o->file, name, t);
      tables.push_back({name, t});
    };
    const std::string reps =
        f.meta.draws > 0
            ? " (" + std::to_string(f.meta.draws) + " posterior draws x " +
                  std::to_string(f.replicates.size() / f.meta.draws) + " replicates; uncertainty: parameters and seeds)"
            : " (" + std::to_string(f.replicates.size()) + " replicate" + (f.replicates.size() == 1 ? "" : "s") +
                  "; uncertainty: seeds only, run with --posterior to include the parameters)";
    if (!f.meta.targets.empty()) {
      const output::Table t = evaluate::evaluate_targets(f, o->midterm);
      show("evaluation", t, "Targets of " + f.meta.scenario_name + " in " + o->file + reps,
           output::for_reading(t, {"target_value", "simulated", "lo", "hi"}, {"gap"}),
           "Rates in percent, gaps of rates in percentage points (pp); lo..hi: where 90% of runs lie; "
           "share_met: share of runs at or above the target, the probability it is met; parameter_share, "
           "noise_share: shares of the variance due to the parameters and to simulation noise "
           "(docs/evaluation.md).");
    }
    const bool scored = std::any_of(f.meta.extra.begin(), f.meta.extra.end(),
                                    [](const auto& kv) { return kv.first == "county_score_year"; });
    if (scored) {
      const output::Table scores = evaluate::county_scores(f);
      show("county_scores", scores, "County evaluation (scores out of 100: rate 40, settlement 30, relocation 30)",
           output::for_reading(scores, {}, {"required_rise", "rise"}), "");
    }
    if (!sc.observations.empty()) {
      const output::Table obs = evaluate::observations_table(f, sc);
      show("observations", obs, "Observations of " + f.meta.scenario_name + " beside the simulation" + reps,
           output::for_reading(obs, {"simulated", "lo", "hi", "observed"}, {}),
           "simulated: median over replicates; lo..hi: where 90% of replicates lie; ratio: simulated / observed; "
           "n/a: a year the run does not simulate. Rates in percent.");
    }
    if (o->export_to.empty()) return;
    const int code = export_tables("hukou evaluate", o->export_to, tables, run_provenance(f));
    if (code != ok) throw CLI::RuntimeError(code);
  });
}

}  // namespace hukou::cli
