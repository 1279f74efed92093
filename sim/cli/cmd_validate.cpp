// `hukou validate RUN.h5`: the run against its scenario's observations after the
// calibration cutoff (issue 23 item 7; the scoring is calibrate/validation.hpp).
// Per indicator and year: observed, median, 90% interval, error; per indicator and
// overall: MAE, coverage of the 90% intervals and the skill ratios against the two
// naive forecasts. The ensemble is every simulated path the files hold (a run's
// replicates; a posterior run's draws x replicates; several runs of one scenario
// with different parameter values, pooled). Printed; --json for scripts; with
// --store, stored in the (one) file's `validation` and `validation_skill` groups.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/validation_tables.hpp"
#include "output/display.hpp"
#include "output/json.hpp"
#include "output/table_group.hpp"
#include "scenario/loader.hpp"

namespace hukou::cli {

namespace {
struct ValidateOptions {
  std::vector<std::string> files;
  bool json = false, csv = false, store = false;
};

void skill_json(output::Json& j, const calibrate::Skill& s) {
  j.open('{').key("points").integer(static_cast<long long>(s.points)).key("mae").num(s.mae);
  j.key("coverage").num(s.coverage).key("naive_points").integer(static_cast<long long>(s.naive_points));
  j.key("mae_naive_change").num(s.mae_naive_change).key("mae_naive_trend").num(s.mae_naive_trend);
  j.key("skill_change").num(s.skill_change).key("skill_trend").num(s.skill_trend).close('}');
}

std::string to_json(const std::string& file, const Scenario& sc, std::size_t paths, const ValidationInput& in,
                    const calibrate::Scorecard& card) {
  output::Json j;
  j.open('{').key("file").text(file).key("scenario").text(sc.name).key("cutoff").integer(in.cutoff);
  j.key("level").num(kValidationLevel).key("ensemble").integer(static_cast<long long>(paths));
  j.key("indicators").open('[');
  for (std::size_t i = 0; i < card.indicators.size(); ++i) {
    const auto& ind = card.indicators[i];
    j.open('{').key("name").text(ind.name).key("units").text(in.units[i]).key("points").open('[');
    for (const auto& p : ind.points) {
      j.open('{').key("year").integer(p.year).key("observed").num(p.observed).key("median").num(p.median);
      j.key("lo").num(p.lo).key("hi").num(p.hi).key("error").num(p.error).key("covered").boolean(p.covered);
      j.key("naive_change").num(p.naive_change).key("naive_trend").num(p.naive_trend).close('}');
    }
    j.close(']').key("skill");
    skill_json(j, ind.skill);
    j.close('}');
  }
  j.close(']').key("overall");
  skill_json(j, card.overall);
  j.key("not_simulated").open('[');
  for (const auto& s : in.not_simulated) j.text(s);
  j.close(']').close('}');
  return j.take();
}

// The simulated paths of every file, which must be runs of one scenario over the
// same years; empty (after a message) when they are not.
std::vector<RunResult> pooled(const std::vector<std::string>& files, output::RunFile& first) {
  std::vector<RunResult> all;
  for (const auto& path : files) {
    output::RunFile f = read_run_input("hukou validate", path);
    if (all.empty()) {
      first = f;
    } else if (f.meta.scenario_name != first.meta.scenario_name ||
               f.replicates.front().years != first.replicates.front().years) {
      std::cerr << "hukou validate: " << path << " is a run of " << f.meta.scenario_name << " over other years than "
                << files.front() << " (" << first.meta.scenario_name << "): pool runs of one scenario only\n";
      return {};
    }
    all.insert(all.end(), f.replicates.begin(), f.replicates.end());
  }
  return all;
}

int validate_run(const ValidateOptions& o) {
  if (o.store && o.files.size() > 1) {
    std::cerr << "hukou validate: --store needs one run file, not " << o.files.size() << "\n";
    return bad_input;
  }
  output::RunFile f;
  const std::vector<RunResult> paths = pooled(o.files, f);
  if (paths.empty()) return bad_input;
  const std::string file =
      o.files.size() == 1 ? o.files.front() : o.files.front() + " and " + std::to_string(o.files.size() - 1) + " more";
  // The scenario the run used: its stored text with the recorded --set overrides.
  const Scenario sc =
      scenario::parse(f.meta.scenario_text, o.files.front(), scenario::recorded_overrides(f.meta.scenario_text));
  RunValidation v;
  try {
    v = validate_ensemble(sc, paths, file);
  } catch (const NothingToValidate& e) {
    std::cerr << "hukou validate: " << e.what() << "\n";
    return bad_input;
  }
  const ValidationInput& in = v.input;
  const calibrate::Scorecard& card = v.card;
  const output::Table &points = v.points, &skill = v.skill;
  if (o.json) {
    std::cout << to_json(file, sc, paths.size(), in, card) << std::endl;
  } else if (o.csv) {
    output::print_csv(std::cout, points);
    std::cout << "\n";
    output::print_csv(std::cout, skill);
  } else {
    std::cout << "Validation of " << sc.name << " in " << file << " against its observations after the cutoff "
              << in.cutoff << " (ensemble of " << paths.size() << " simulated paths)\n\n";
    output::print_text(
        std::cout,
        output::for_reading(points, {"observed", "median", "lo", "hi", "naive_change", "naive_trend"}, {"error"}));
    std::cout << "\n";
    output::print_text(std::cout,
                       output::for_reading(skill, {}, {}, "units", {"mae", "mae_naive_change", "mae_naive_trend"}));
    std::cout << "\nRates in percent, errors in percentage points (pp); lo..hi: the ensemble's 90% interval; "
                 "skill: MAE of the model over MAE of the naive forecast (below 1: the model does better).\n";
    if (!in.not_simulated.empty()) {
      std::cout << "Not simulated by this run, so not scored:";
      for (const auto& s : in.not_simulated) std::cout << " " << s << ";";
      std::cout << "\n";
    }
  }
  if (o.store) {
    output::store_table(o.files.front(), "validation", points);
    output::store_table(o.files.front(), "validation_skill", skill);
  }
  return ok;
}
}  // namespace

void add_validate(CLI::App& app) {
  auto o = std::make_shared<ValidateOptions>();
  CLI::App* cmd =
      app.add_subcommand("validate", "Score a run against its scenario's observations after the calibration cutoff");
  cmd->add_option("files", o->files,
                  "Run file written by `hukou run` (with or without --posterior); several runs of one scenario are "
                  "pooled into one ensemble")
      ->required();
  cmd->add_flag("--json", o->json, "Print one JSON object instead of the tables");
  cmd->add_flag("--csv", o->csv, "Print CSV instead of the tables")->excludes("--json");
  // The run file is an input: changed only when asked.
  cmd->add_flag("--store", o->store, "Also store the tables in the run file (groups `validation`, `validation_skill`)");
  cmd->callback([o] {
    const int rc = validate_run(*o);
    if (rc != ok) throw CLI::RuntimeError(rc);
  });
}

}  // namespace hukou::cli
