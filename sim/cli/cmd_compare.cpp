// `hukou compare BASE.h5 WHATIF.h5`: the policy's effect per indicator and year,
// as the mean paired difference over replicates with its 90% interval.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/export.hpp"
#include "cli/inputs.hpp"
#include "evaluate/compare.hpp"

namespace hukou::cli {

namespace {
struct CompareOptions {
  std::string base, whatif, export_to;
  std::vector<std::string> indicators;
  bool csv = false;
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
}  // namespace

void add_compare(CLI::App& app) {
  auto o = std::make_shared<CompareOptions>();
  CLI::App* cmd = app.add_subcommand("compare", "Paired difference of a what-if run against a baseline (same seed)");
  cmd->add_option("baseline", o->base, "Baseline run file")->required();
  cmd->add_option("what_if", o->whatif, "What-if run file, run with the same --seed and --replicates")->required();
  cmd->add_option("--indicator", o->indicators,
                  "Output variable to compare, optionally VARIABLE:ZONE (repeatable; default: urbanization rates, "
                  "settlements and the baseline's targets)");
  cmd->add_flag("--csv", o->csv, "Print CSV instead of a table");
  cmd->add_option("--export", o->export_to,
                  "Also write the table to FILE.csv (Excel-ready CSV, units in headers) or FILE.xlsx (a workbook)");
  cmd->callback([o] {
    if (const std::string why = o->export_to.empty() ? "" : export_problem(o->export_to); !why.empty()) {
      std::cerr << "hukou compare: " << why << "\n";
      throw CLI::RuntimeError(bad_input);
    }
    const auto base = read_run_input("hukou compare", o->base);
    const auto whatif = read_run_input("hukou compare", o->whatif);
    const auto inds = o->indicators.empty() ? evaluate::default_indicators(base) : parse_indicators(o->indicators);
    const output::Table t = evaluate::compare(base, whatif, inds);
    const auto exported = [&] {
      if (o->export_to.empty()) return;
      Provenance p = run_provenance(base, "baseline ");
      for (auto& kv : run_provenance(whatif, "what-if ")) p.push_back(std::move(kv));
      const int code = export_tables("hukou compare", o->export_to, {{"comparison", t}}, p);
      if (code != ok) throw CLI::RuntimeError(code);
    };
    if (o->csv) {
      output::print_csv(std::cout, t);
      exported();
      return;
    }
    std::cout << "What-if " << o->whatif << " against baseline " << o->base << " (" << base.replicates.size()
              << " paired replicate" << (base.replicates.size() == 1 ? "" : "s") << ")\n\n";
    output::print_text(std::cout, t);
    std::cout << "\ndifference = what-if - baseline; diff_lo..diff_hi: 90% confidence interval of the mean paired "
                 "difference (a single replicate has none).\n";
    exported();
  });
}

}  // namespace hukou::cli
