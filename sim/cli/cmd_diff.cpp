// `hukou diff A B`: what differs between two scenarios (built-in names or files,
// each with its --set overrides) or the scenarios of two run files, setting by
// setting, with the document's clause where a setting belongs to one.
// `hukou diff RUN.h5`: what the run changed from its parent scenario, as the run
// file records it (group `changes`, scenario/lineage.hpp).
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

// A run file's scenario is the resolved text it stores, read again (inputs.hpp).
Scenario scenario_of(const std::string& what, const std::vector<std::string>& set) {
  if (what.ends_with(".h5")) {
    return run_scenario(read_run_input("hukou diff", what), set);
  }
  return scenario::load(what, set);
}

std::string described(const Scenario& s) { return s.title.empty() ? s.name : s.name + " (" + s.title + ")"; }

std::string attr(const output::RunFile& f, const std::string& key) {
  for (const auto& [k, v] : f.meta.extra)
    if (k == key) return v;
  return "";
}

output::Table changes_table(const std::vector<scenario::Change>& changes, const std::string& first,
                            const std::string& second) {
  output::Table t;
  t.columns = {{"setting", "", "key, as `hukou check` names it"},
               {"first", "", first},
               {"second", "", second},
               {"clause", "", "the document's clause of the setting, where it has one"}};
  for (const auto& c : changes)
    t.add({c.key, c.before.empty() ? "(none)" : c.before, c.after.empty() ? "(none)" : c.after, c.clause});
  return t;
}

void print(const output::Table& t, std::size_t n, bool csv) {
  if (csv) {
    output::print_csv(std::cout, t);
    return;
  }
  if (n == 0) {
    std::cout << "No setting differs.\n";
    return;
  }
  std::cout << n << " setting" << (n == 1 ? " differs" : "s differ") << "\n\n";
  output::print_text(std::cout, t);
}

// One run file: the changes it recorded when it ran.
void recorded(const std::string& path, bool csv) {
  const output::RunFile f = read_run_input("hukou diff", path);
  const std::string parent = attr(f, "parent_scenario");
  std::vector<scenario::Change> changes;
  for (const auto& c : f.meta.changes) changes.push_back({c.setting, c.parent_value, c.value, c.clause});
  output::Table t = changes_table(changes, "parent (" + parent + ")", path);
  t.columns[1].name = "parent";
  t.columns[2].name = "run";
  if (!csv) {
    std::cout << path << ": " << attr(f, "title") << "\n";
    if (parent.empty()) {
      std::cout << "A baseline: run from its scenario as written, without --set and without `extends`.\n";
      return;
    }
    std::cout << "parent scenario: " << parent << "\n\n";
  }
  print(t, changes.size(), csv);
}
}  // namespace

void add_diff(CLI::App& app) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand("diff", "What differs between two scenarios or the scenarios of two run files");
  cmd->add_option("a", o->a, "First scenario (file or built-in name) or run file (.h5)")->required();
  cmd->add_option("b", o->b, "Second scenario or run file (without it, A must be a run file: what it changed "
                            "from its parent scenario)");
  cmd->add_option("--set-a", o->set_a, "Override in the first, as `hukou run --set` (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--set-b", o->set_b, "Override in the second (repeatable)")->allow_extra_args(false);
  cmd->add_flag("--csv", o->csv, "Print CSV instead of a table");
  cmd->callback([o] {
    if (o->b.empty()) {
      if (!o->a.ends_with(".h5")) {
        std::cerr << "hukou diff: one argument must be a run file (.h5); give two scenarios to compare them\n";
        throw CLI::RuntimeError(bad_input);
      }
      recorded(o->a, o->csv);
      return;
    }
    const Scenario a = scenario_of(o->a, o->set_a), b = scenario_of(o->b, o->set_b);
    const auto changes = scenario::diff(a, b);
    const output::Table t = changes_table(changes, o->a, o->b);
    if (!o->csv)
      std::cout << "first:  " << o->a << ": " << described(a) << "\nsecond: " << o->b << ": " << described(b) << "\n\n";
    print(t, changes.size(), o->csv);
  });
}

}  // namespace hukou::cli
