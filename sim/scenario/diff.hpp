// What differs between two scenarios, setting by setting: every value a run uses,
// named as `hukou check` and diagnostics name it ("decision.asc_settle",
// "zones.小店区.purchase_subsidy", "channels.four_groups.condition",
// "targets.registered_urbanization_rate.2020"), with the document's clause where
// the setting belongs to a channel, event or target. For `hukou diff`, and for a
// run's record of what it changed from its parent scenario.
#pragma once
#include <string>
#include <vector>

#include "core/scenario.hpp"

namespace hukou::scenario {

struct Setting {
  std::string key, value, clause;
};
// Every setting of a scenario, in `hukou check`'s order.
std::vector<Setting> settings(const Scenario& s);

struct Change {
  std::string key;
  std::string before, after;  // "" where the setting does not exist on that side
  std::string clause;         // the changed side's clause (the second scenario's if both)
};
// The settings of `b` that differ from `a`'s, in `a`'s order, then those only in `b`.
std::vector<Change> diff(const Scenario& a, const Scenario& b);

}  // namespace hukou::scenario
