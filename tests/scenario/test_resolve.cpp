// resolve: the scenario plus where each value came from (the registry default, the
// file, a parent through `extends`, or --set), as `hukou check` prints it.
#include <catch2/catch.hpp>

#include <random>

#include "core/params.hpp"
#include "helpers.hpp"

using namespace scenario_test;
using hukou::scenario::load;
using hukou::scenario::resolve;
using hukou::scenario::resolve_text;
using hukou::scenario::Resolved;

using scenario_test::TempDir;

namespace {
// How the loader names a parent file in origins and messages.
std::string parent(const fs::path& p) { return "parent " + p.lexically_normal().string(); }

std::vector<Diagnostic> resolve_errors(std::string_view name, const std::vector<std::string>& set) {
  try {
    resolve(name, set);
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  return {};
}
}  // namespace

TEST_CASE("scenario resolve: values the file does not give are defaults", "[scenario]") {
  const auto path = (test_dir() / "good" / "minimal.toml").string();
  const Resolved r = resolve(path);
  CHECK(r.files == std::vector<std::string>{path});
  for (const char* key : {"demography.gompertz_level_male", "decision.b_peer", "population.migrant_edu", "scale",
                          "seed", "zones.小店区.wage", "zones.小店区.tier", "channels", "events", "targets",
                          "public_rental.condition", "county_score.year"}) {
    INFO(key);
    CHECK(r.origin.count(key) == 0);
    CHECK(r.origin_of(key) == "default");
  }
  CHECK(r.scenario.params.demography_gompertz_level_male == hukou::find_param("demography.gompertz_level_male")->def);
  CHECK(r.scenario.zones.at(0).f.wage == hukou::find_zone_field("wage")->def);
  for (const char* key : {"name", "title", "base_year", "horizon", "zones", "zones.小店区.name",
                          "zones.小店区.kind", "zones.小店区.urban_hukou"}) {
    INFO(key);
    CHECK(r.origin_of(key) == "file");
  }
}

TEST_CASE("scenario resolve: values written in the file come from the file", "[scenario]") {
  const auto path = (test_dir() / "good" / "full.toml").string();
  const Resolved r = resolve(path);
  for (const char* key :
       {"name", "description", "scale", "seed", "demography.gompertz_level_male", "moves.adult_age",
        "policy.permit_exam_access", "population.permit_share", "population.migrant_edu",
        "zones.小店区.wage", "zones.清徐县.tier", "zones.古交市.relocation_share", "channels",
        "channels.four_groups.until", "channels.open_counties.tiers", "channels.relocation.events_only",
        "public_rental.condition", "events", "events[2].channel", "targets", "targets[2].zone"}) {
    INFO(key);
    CHECK(r.origin_of(key) == "file");
  }
  CHECK(r.origin_of("demography.gompertz_slope_male") == "default");
  CHECK(r.origin_of("zones.清徐县.wage") == "default");
  CHECK(r.origin_of("channels.open_counties.from") == "default");
  CHECK(r.origin_of("population.village_edu") == "default");
  for (const auto& [key, origin] : r.origin) {  // one file, no --set: nothing else
    INFO(key);
    CHECK(origin == "file");
  }
}

TEST_CASE("scenario resolve: values from extended files name the parent they came from", "[scenario]") {
  TempDir dir;
  const auto grand = dir.write("grand.toml", minimal_text() + "\n[demography]\ngompertz_slope_male = 0.1\n");
  const auto mid = dir.write("mid.toml", R"(extends = "grand.toml"
name = "mid"
[moves]
inflow_rate = 0.05
[[events]]
kind = "reclassify"
zone = "小店区"
year = 2018
share = 0.1
clause = "c"
)");
  const auto child = dir.write("child.toml", R"(extends = "mid.toml"
title = "子"
events = []
[demography]
birth_rate = 0.005
)");
  const Resolved r = resolve(child.string());
  CHECK(r.files == std::vector<std::string>{child.string(), mid.lexically_normal().string(),
                                            grand.lexically_normal().string()});
  CHECK(r.origin_of("title") == "file");
  CHECK(r.origin_of("demography.birth_rate") == "file");  // a table merged key by key
  CHECK(r.origin_of("events") == "file");                     // `events = []` drops the parent's
  CHECK(r.scenario.events.empty());
  CHECK(r.origin_of("name") == parent(mid));
  CHECK(r.origin_of("moves.inflow_rate") == parent(mid));
  CHECK(r.origin_of("base_year") == parent(grand));
  CHECK(r.origin_of("demography.gompertz_slope_male") == parent(grand));  // same table as the file's
  CHECK(r.origin_of("zones") == parent(grand));
  CHECK(r.origin_of("zones.小店区.urban_hukou") == parent(grand));
  CHECK(r.origin_of("demography.gompertz_level_male") == "default");
  CHECK(r.origin_of("moves.own_zone_share") == "default");
}

TEST_CASE("scenario resolve: a built-in parent is named by its name", "[scenario]") {
  const Resolved r = resolve_text(R"(extends = "taiyuan"
name = "taiyuan_child"
[decision]
b_peer = 1.0
)", "child.toml");
  CHECK(r.files == std::vector<std::string>{"child.toml", "builtin:taiyuan"});
  CHECK(r.origin_of("name") == "file");
  CHECK(r.origin_of("decision.b_peer") == "file");
  CHECK(r.origin_of("decision.asc_settle") == "parent taiyuan");
  CHECK(r.origin_of("zones.小店区.wage") == "parent taiyuan");
  CHECK(r.origin_of("channels.four_groups.condition") == "parent taiyuan");
  CHECK(r.origin_of("targets") == "parent taiyuan");
  CHECK(r.origin_of("decision.asc_return") == "default");
}

TEST_CASE("scenario resolve: values given with --set say so", "[scenario]") {
  const Resolved r = resolve("taiyuan", {"decision.b_peer=0", "decision.asc_settle=-1", "scale=5",
                                         "zones.小店区.wage=4000", "demography.gompertz_level_male=1e-5",
                                         "population.migrant_edu=[0.2, 0.2, 0.2, 0.2, 0.2]"});
  for (const char* key : {"decision.b_peer", "decision.asc_settle", "scale", "zones.小店区.wage",
                          "demography.gompertz_level_male", "population.migrant_edu"}) {
    INFO(key);
    CHECK(r.origin_of(key) == "--set");
  }
  CHECK(r.scenario.params.decision_b_peer == 0.0);
  CHECK(r.scenario.zones.at(0).f.wage == 4000.0);
  CHECK(r.origin_of("policy.settle_fee") == "file");
  CHECK(r.origin_of("zones.小店区.house_price") == "file");  // the rest of the zone stays
  CHECK(r.origin_of("zones.迎泽区.wage") == "file");
  CHECK(r.origin_of("seed") == "file");
  CHECK(r.origin_of("demography.gompertz_slope_male") == "default");
}

TEST_CASE("scenario resolve: problems are reported exactly as load reports them", "[scenario]") {
  const std::vector<std::string> set{"decision.asc_setle=1", "moves.inflow_rate=7"};
  const auto errors = resolve_errors("taiyuan", set);
  REQUIRE(errors.size() == 2);
  std::vector<Diagnostic> loaded;
  try {
    load("taiyuan", set);
  } catch (const ScenarioError& e) {
    loaded = e.diagnostics();
  }
  CHECK(dump(errors) == dump(loaded));
  CHECK(resolve_errors("taiyaun", {}).size() == 1);
}

TEST_CASE("scenario resolve: load gives the scenario resolve gives", "[scenario]") {
  for (const auto& b : hukou::scenario::builtin_scenarios()) {
    INFO(b.name);
    const Resolved r = resolve(b.name, {"scale=3"});
    const hukou::Scenario s = load(b.name, {"scale=3"});
    CHECK(r.scenario.source_text == s.source_text);
    CHECK(r.scenario.scale == s.scale);
    CHECK(r.scenario.zones.size() == s.zones.size());
    CHECK(r.origin_of("scale") == "--set");
    CHECK(r.origin_of("name") == "file");
  }
}
