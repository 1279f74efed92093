// `hukou diff A B`: what differs between two scenarios (built-in names or files,
// each with its --set overrides) or the scenarios of two run files, setting by
// setting, with the document's clause where a setting belongs to one.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "output/table.hpp"
#include "scenario/diff.hpp"
#include "scenario/loader.hpp"

namespace hukou::cli {

namespace {
struct DiffOptions {
  std::string a, b;
  std::vector<std::string> set_a, set_b;
  bool csv = false;
};

// A run file's scenario is the resolved text it stores, read again (a relative
// `extends` from beside the run file, else the built-in of that name).
Scenario scenario_of(const std::string& what, const std::vector<std::string>& set) {
  if (what.ends_with(".h5")) {
    const output::RunFile f = read_run_input("hukou diff", what);
    std::vector<std::string> all = scenario::recorded_overrides(f.meta.scenario_text);
    all.insert(all.end(), set.begin(), set.end());
    return scenario::parse(f.meta.scenario_text, what, all);
  }
  return scenario::load(what, set);
}

std::string described(const Scenario& s) { return s.title.empty() ? s.name : s.name + " (" + s.title + ")"; }
}  // namespace

void add_diff(CLI::App& app) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand("diff", "What differs between two scenarios or the scenarios of two run files");
  cmd->add_option("a", o->a, "First scenario (file or built-in name) or run file (.h5)")->required();
  cmd->add_option("b", o->b, "Second scenario or run file")->required();
  cmd->add_option("--set-a", o->set_a, "Override in the first, as `hukou run --set` (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--set-b", o->set_b, "Override in the second (repeatable)")->allow_extra_args(false);
  cmd->add_flag("--csv", o->csv, "Print CSV instead of a table");
  cmd->callback([o] {
    const Scenario a = scenario_of(o->a, o->set_a), b = scenario_of(o->b, o->set_b);
    const auto changes = scenario::diff(a, b);
    output::Table t;
    t.columns = {{"setting", "", "key, as `hukou check` names it"},
                 {"first", "", o->a},
                 {"second", "", o->b},
                 {"clause", "", "the document's clause of the setting, where it has one"}};
    for (const auto& c : changes)
      t.add({c.key, c.before.empty() ? "(none)" : c.before, c.after.empty() ? "(none)" : c.after, c.clause});
    if (o->csv) {
      output::print_csv(std::cout, t);
      return;
    }
    std::cout << "first:  " << o->a << ": " << described(a) << "\nsecond: " << o->b << ": " << described(b) << "\n\n";
    if (changes.empty()) {
      std::cout << "No setting differs.\n";
      return;
    }
    std::cout << changes.size() << " setting" << (changes.size() == 1 ? " differs" : "s differ") << "\n\n";
    output::print_text(std::cout, t);
  });
}

}  // namespace hukou::cli
