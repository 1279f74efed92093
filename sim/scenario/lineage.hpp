// What a run changed from its parent scenario, recorded in every run file: the
// parent is the scenario a what-if file `extends` (built-in or file), else, for a
// run with --set, the same scenario without them. A baseline (neither) has no
// parent and no changes. `title` is what reports call the option: the file's own
// title, with the --set overrides appended ("太原市 … (--set zones.小店区.purchase_subsidy=40000)").
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario.hpp"
#include "scenario/diff.hpp"

namespace hukou::scenario {

struct Lineage {
  std::string parent;            // "" (a baseline), a built-in's name, or a file as given
  std::string title;
  std::vector<Change> changes;   // parent -> this run's scenario, every setting that differs
};

// `sc` is load(name_or_path, overrides).
Lineage lineage(std::string_view name_or_path, const std::vector<std::string>& overrides, const Scenario& sc);

}  // namespace hukou::scenario
