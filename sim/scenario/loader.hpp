// Scenario files: one city's hukou reform as TOML, turned into a validated,
// immutable hukou::Scenario. Every problem in a file is reported, all at once, as
// one ScenarioError whose diagnostics say file:line:column, the key and what was
// expected. Nothing here prints or exits.
//
// The format (every key not marked optional is required):
//
//   name = "taiyuan"            # [a-z0-9_]+
//   title = "太原市 ..."         # non-empty string
//   description = "..."         # optional string
//   base_year = 2017            # integer year
//   horizon = 2025              # integer year > base_year, at most 100 periods on
//   scale = 1.0                 # optional number > 0: persons per agent (default 1)
//   seed = 20180208             # optional integer >= 0 (default 1)
//   extends = "taiyuan"         # optional: a file (relative to this one) or a built-in
//
//   [demography]                # one optional table per parameter section:
//   birth_rate = 0.0104         #   demography moves jobs housing permits decision
//                               #   policy population. Keys: params.def names of the
//                               #   section; double: a number (integers allowed), int:
//                               #   an integer, bool: true/false; bounds checked.
//   [population]
//   permit_share = 0.4
//   migrant_edu = [0.14, 0.586, 0.101, 0.07, 0.103]   # population.def compositions:
//                               #   exact length, each in [0,1], summing to 1 (1e-6)
//
//   [[zones]]                   # 1 to 254 zones, in order
//   name = "小店区"             # unique, non-empty
//   kind = "urban_district"     # urban_district | county | county_city
//   tier = "relaxed"            # optional string (default "")
//   urban_hukou = 1000000       # zones.def fields (numbers, bounds checked); those
//                               #   marked required must be given
//
//   [[channels]]                # 0 to 32 settlement channels; order matters
//   name = "four_groups"        # unique, [a-z0-9_]+
//   clause = "并政办发〔2018〕11号 二(二)"   # non-empty string
//   condition = "(college_grad or skilled_worker) and employed"   # condition language
//   zones = ["小店区"]          # optional zone names   } open in the union of both;
//   tiers = ["relaxed"]         # optional zone tiers   } neither given: every zone
//   from = 2018-02-08           # optional date (or "YYYY-MM-DD"), default 0000-01-01
//   until = 2020-12-31          # optional date not before `from`, default 9999-12-31
//   events_only = false         # optional: settles only through scheduled events
//   kind = "settle"             # optional: "settle" (default) or "return": lets a settled
//                               #   household of local origin move back to its village
//                               #   and re-register there (Liaocheng 三(二))
//
//   [public_rental]
//   condition = "settled and formal_job"   # optional (default "true")
//
//   [[events]]
//   kind = "reclassify"         # reclassify | relocation | workplace_registration
//   zone = "都匀市"             # a zone name
//   year = 2018                 # base_year < year <= horizon
//   share = 0.05                # reclassify, relocation: in [0,1]
//   persons = 1200              # workplace_registration: >= 0
//   channel = "relocation"      # relocation, workplace_registration: a channel name
//   clause = "..."
//
//   [[targets]]
//   indicator = "registered_urbanization_rate"   # an output series of dims P or PZ
//   year = 2020                 # base_year <= year <= horizon
//   value = 0.812
//   clause = "并政办发〔2018〕11号 一(三)"
//   zone = "小店区"             # PZ series: required; P series: not allowed
//
//   [county_score]              # optional: Qiannan appendix 1 county evaluation
//   year = 2018                 # the year scored (base_year < year <= horizon)
//   relocation_channel = "relocation"   # the channel of poverty-relocation settlement
//   clause = "黔南 附件1"
//
//   [[clauses]]                 # optional: the document's clause coverage (clauses.cpp)
//   id = "二(二)"               # unique; what a `clause` string cites: its text before ':'
//   topic = "四类人员"
//   status = "simulated"        # simulated | partly | not_simulated
//   why = "channel four_groups" # one line
//   keys = ["policy.x"]         # optional: parameters that read an uncited clause
//
// With `extends`, the parent's table is read first and this file's table merged over
// it: tables key by key; [[zones]] and [[channels]] by name (an entry with a parent's
// name changes only the keys it gives, `drop = true` removes it, a new name is
// added at the end); [[events]], [[targets]] and [[clauses]] replaced whole (`events = []`
// drops the parent's events). Diagnostics name the file each value
// came from; Scenario::source_text holds this file, then each parent as comments.
//
// Keys in diagnostics: "horizon", "demography.gompertz_level_male", "zones.小店区.wage"
// (or "zones[3].wage", counting from 1, while the zone has no valid name),
// "channels.four_groups.condition", "events[2].year", "targets[1].zone".
//
// Overrides (`hukou run --set key=value`): key is "section.name" (a registry
// parameter or composition), "zones.<zone name>.<field>" (a zones.def field, kind
// or tier), or one of scale, seed, horizon, base_year. The value is TOML: 2.5,
// true, "text", [0.2, 0.8]. It is checked as if written in the file; problems are
// reported with file "--set", line 0 and the --set key.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario.hpp"
#include "diagnostics.hpp"

namespace hukou::scenario {

struct BuiltinInfo {
  std::string name, title;
};
// The scenarios compiled in from scenarios/*.toml, sorted by name.
std::vector<BuiltinInfo> builtin_scenarios();
// The text of a built-in scenario (by its `name`, or its file name without .toml).
std::optional<std::string> builtin_text(std::string_view name);

// Parses scenario text; `source` names it in messages (a path, or
// "builtin:taiyuan") and is the base of a relative `extends`. `overrides` are
// "key=value" strings from --set.
// How resolve_text records the --set overrides at the end of source_text (as
// comments "# key = value"), and reading them back: a run file's stored text, with
// these, is the scenario the run used.
inline constexpr std::string_view kOverridesMarker = "\n# --set overrides applied:\n";
std::vector<std::string> recorded_overrides(std::string_view source_text);

Scenario parse(std::string_view text, const std::string& source,
               const std::vector<std::string>& overrides = {});
Scenario load_file(const std::filesystem::path& path,
                   const std::vector<std::string>& overrides = {});
// A path to an existing file, else a built-in name, else a ScenarioError that
// lists the built-in names (with "did you mean").
Scenario load(std::string_view name_or_path, const std::vector<std::string>& overrides = {});

// A valid scenario and where each value came from (for `hukou check`). origin maps
// a key, as diagnostics name it ("scale", "demography.gompertz_level_male",
// "population.migrant_edu", "zones.小店区.wage", "channels.four_groups.from",
// "events[2].year", "public_rental.condition", "county_score.year"; arrays of tables
// also whole: "zones", "channels", "events", "targets"), to "file" (the scenario file
// itself), "parent NAME" (a file reached through `extends`: a built-in's name or a
// path as in messages) or "--set". An absent key has its default (the registry's,
// or the format's).
struct Resolved {
  Scenario scenario;
  std::map<std::string, std::string> origin;
  std::vector<std::string> files;  // the scenario file, then each file it extends
  // origin[key], or "default".
  std::string origin_of(const std::string& key) const;
};
// As parse() and load(), problems included; load() is resolve() without origins.
Resolved resolve_text(std::string_view text, const std::string& source,
                      const std::vector<std::string>& overrides = {});
Resolved resolve(std::string_view name_or_path, const std::vector<std::string>& overrides = {});

}  // namespace hukou::scenario
