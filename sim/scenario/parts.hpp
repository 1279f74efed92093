// Internal: the readers of each part of a scenario table. validate() calls them in
// order; each reports its problems to the context and fills what it can.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "toml_reads.hpp"
#include "core/scenario.hpp"

namespace hukou {
struct SeriesSpec;
}

namespace hukou::scenario::detail {

// Names declared by [[zones]] or [[channels]], in order. `complete` is false when
// some table had no valid name, so that unknown references are not reported
// (they may mean the unnamed one).
struct Names {
  std::vector<std::string> list;
  bool complete = true;
  std::optional<std::size_t> find(std::string_view name) const;
};

// Years known valid (base_year < horizon), for range checks of events and targets.
struct Years {
  bool ok = false;
  int base = 0, horizon = 0;
};

Years read_top(ReadContext& ctx, const toml::table& root, Scenario& s);
void read_sections(ReadContext& ctx, const toml::table& root, Scenario& s);
Names read_zones(ReadContext& ctx, const toml::table& root, Scenario& s);
Names read_channels(ReadContext& ctx, const toml::table& root, const Names& zones, Scenario& s);
void read_public_rental(ReadContext& ctx, const toml::table& root, Scenario& s);
void read_events(ReadContext& ctx, const toml::table& root, const Names& zones, const Names& channels,
                 const Years& years, Scenario& s);
void read_targets(ReadContext& ctx, const toml::table& root, const Names& zones, const Years& years,
                  Scenario& s);

void read_calibration(ReadContext& ctx, const toml::table& root, const Names& zones, const Years& years,
                      Scenario& s);
// After read_calibration: an observation's use follows the cutoff.
void read_observations(ReadContext& ctx, const toml::table& root, const Names& zones, const Names& channels,
                       const Years& years, Scenario& s);

// [[clauses]], after everything that cites a clause (clauses.cpp).
void read_clauses(ReadContext& ctx, const toml::table& root, Scenario& s);

void read_county_score(ReadContext& ctx, const toml::table& root, const Names& channels, const Years& years, Scenario& s);

// Refuses a scenario of no agents, or of more than the model holds (agents.cpp).
void check_agents(ReadContext& ctx, const toml::table& root, const Scenario& s);

// The whole scenario from its (merged, overridden) table; source_text is left empty.
Scenario validate(ReadContext& ctx, const toml::table& root);

// The tables of an array of tables `key` ([[zones]]); nullptr if absent or wrong.
const toml::array* table_array(ReadContext& ctx, const toml::table& root, std::string_view key,
                               std::size_t max_size);
// The index of the name that node `n` (a string) gives, reporting an unknown name
// with "did you mean" (`what`: "zone", "channel").
std::optional<std::size_t> read_reference(ReadContext& ctx, const toml::node& n, const std::string& key,
                                          const Names& names, std::string_view what);
// The output series that node `n` names, reporting an unknown name with "did you
// mean" (selection.cpp).
const hukou::SeriesSpec* read_indicator(ReadContext& ctx, const toml::node& n, const std::string& key);
// The zone a target or observation `t` of `series` is read in: none for the
// prefecture; a missing zone of a rate per zone, or a zone of a prefecture-wide
// series, is reported (selection.cpp).
std::optional<std::size_t> read_zone_selection(ReadContext& ctx, const toml::table& t, const std::string& path,
                                               const hukou::SeriesSpec* series, const Names& zones);
// A condition string compiled by policy::parse_condition; errors are reported at
// their place inside the string.
std::optional<hukou::Condition> read_condition(ReadContext& ctx, const toml::node& n,
                                               const std::string& key);

}  // namespace hukou::scenario::detail
