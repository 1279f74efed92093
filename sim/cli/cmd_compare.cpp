// `hukou compare BASE.h5 OPT1.h5 [OPT2.h5 ...]`: every policy option against one
// baseline, per indicator and year, as the mean paired difference over replicates
// with its 90% interval, and each option's public cost per additional settler
// (evaluate/options.hpp). Rates read in percent and percentage points.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/export.hpp"
#include "cli/inputs.hpp"
#include "evaluate/channels.hpp"
#include "evaluate/compare.hpp"
#include "evaluate/observations.hpp"
#include "evaluate/options.hpp"
#include "output/display.hpp"

namespace hukou::cli {

namespace {
struct CompareOptions {
  std::vector<std::string> runs;
  std::string export_to;
  std::vector<std::string> indicators;
  std::vector<int> years;
  bool all_years = false, csv = false;
};

std::vector<evaluate::Indicator> parse_indicators(const std::vector<std::string>& specs) {
  std::vector<evaluate::Indicator> v;
  for (const auto& s : specs) {
    const auto colon = s.find(':');
    v.push_back(colon == std::string::npos ? evaluate::Indicator{s, ""}
                                           : evaluate::Indicator{s.substr(0, colon), s.substr(colon + 1)});
  }
  return v;
}

// The baseline's channels as their documents name them (evaluate::channel_label),
// from the scenario it records; the identifiers if that cannot be read again.
std::vector<std::string> channel_labels(const output::RunFile& base) {
  try {
    std::vector<std::string> out;
    for (const auto& c : run_scenario(base).channels) out.push_back(evaluate::channel_label(c));
    return out;
  } catch (const std::exception&) {
    return base.replicates.front().channels;
  }
}

std::string title_of(const output::RunFile& f) {
  for (const auto& [k, v] : f.meta.extra)
    if (k == "title" && !v.empty()) return v;
  return f.meta.scenario_name;
}
}  // namespace

void add_compare(CLI::App& app) {
  auto o = std::make_shared<CompareOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Policy options against a baseline: paired differences, public cost per additional settler");
  cmd->add_option("runs", o->runs,
                  "Baseline run file, then one or more option run files, all run with the same --seed and "
                  "--replicates")
      ->required()
      ->expected(2, 1000);
  cmd->add_option("--indicator", o->indicators,
                  "Output variable (or settlements_to_date, public_cost_to_date, cost_per_additional_settler) to "
                  "compare, optionally VARIABLE:ZONE (repeatable; default: urbanization rates, settlements, public "
                  "cost, the baseline's targets, and per zone where an option changes some zones)");
  cmd->add_option("--year", o->years, "Year to show (repeatable; default: the baseline's target years and the horizon)");
  cmd->add_flag("--all-years", o->all_years, "Show every year of the runs");
  cmd->add_flag("--csv", o->csv, "Print CSV (rates as fractions) instead of a table");
  cmd->add_option("--export", o->export_to,
                  "Also write the table to FILE.csv (Excel-ready CSV, units in headers) or FILE.xlsx (a workbook)");
  cmd->callback([o] {
    if (const std::string why = o->export_to.empty() ? "" : export_problem(o->export_to); !why.empty()) {
      std::cerr << "hukou compare: " << why << "\n";
      throw CLI::RuntimeError(bad_input);
    }
    const auto base = read_run_input("hukou compare", o->runs.front());
    std::vector<output::RunFile> opts;
    for (std::size_t i = 1; i < o->runs.size(); ++i) opts.push_back(read_run_input("hukou compare", o->runs[i]));
    std::vector<const output::RunFile*> ptrs;
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < opts.size(); ++i) {
      ptrs.push_back(&opts[i]);
      labels.push_back(o->runs[i + 1]);
    }
    const auto inds = o->indicators.empty() ? evaluate::option_indicators(base, ptrs) : parse_indicators(o->indicators);
    const auto years = o->all_years ? base.replicates.front().years
                                    : (o->years.empty() ? evaluate::default_years(base) : o->years);
    const output::Table t = evaluate::compare_options(base, ptrs, labels, inds, years);
    // Where each option moves people: settled to date by channel, at the last year shown.
    const output::Table by_channel =
        evaluate::channel_settlements(base, ptrs, labels, channel_labels(base), years.empty() ? 0 : years.back());
    const auto exported = [&] {
      if (o->export_to.empty()) return;
      Provenance p = run_provenance(base, "baseline ");
      for (std::size_t i = 0; i < opts.size(); ++i)
        for (auto& kv : run_provenance(opts[i], "option " + std::to_string(i + 1) + " ")) p.push_back(std::move(kv));
      const int code = export_tables("hukou compare", o->export_to, {{"comparison", t}, {"by_channel", by_channel}}, p);
      if (code != ok) throw CLI::RuntimeError(code);
    };
    if (o->csv) {
      output::print_csv(std::cout, t);
      exported();
      return;
    }
    std::cout << "Baseline " << o->runs.front() << ": " << title_of(base) << "\n";
    for (std::size_t i = 0; i < opts.size(); ++i)
      std::cout << "Option   " << o->runs[i + 1] << ": " << title_of(opts[i]) << "\n";
    if (base.meta.draws > 0)
      std::cout << "(" << base.replicates.size() << " paired runs: " << base.meta.draws << " posterior draws x "
                << base.replicates.size() / base.meta.draws << " replicates; uncertainty: parameters and seeds)\n\n";
    else
      std::cout << "(" << base.replicates.size() << " paired replicate" << (base.replicates.size() == 1 ? "" : "s")
                << "; uncertainty: seeds only)\n\n";
    output::print_text(std::cout, output::for_reading(t, {"baseline", "what_if"},
                                                      {"difference", "diff_lo", "diff_hi", "effect_median", "effect_lo",
                                                       "effect_hi"}));
    std::cout << "\ndifference = option - baseline, rates in percentage points (pp); diff_lo..diff_hi: 90% "
                 "confidence interval of the mean paired difference (a single replicate has none); "
                 "effect_median, effect_lo..effect_hi: median and central 90% of the paired differences over runs. "
                 "To date: summed from the base year. cost_per_additional_settler: extra public cost to date "
                 "(yuan) over extra settlers to date.\n";
    if (!by_channel.rows.empty()) {
      std::cout << "\nSettled to date by channel, " << std::get<long long>(by_channel.rows.front()[2]) << "\n\n";
      output::print_text(std::cout, output::for_reading(by_channel, {"baseline", "what_if"},
                                                        {"difference", "diff_lo", "diff_hi"}, ""));
    }
    exported();
  });
}

}  // namespace hukou::cli
