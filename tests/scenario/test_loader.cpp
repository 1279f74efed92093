// Loading good files: values, registry defaults, channels' zones and dates,
// conditions, several mistakes at once, limits, and diagnostics' text.
#include <catch2/catch.hpp>

#include "core/params.hpp"
#include "helpers.hpp"

using namespace scenario_test;
using hukou::scenario::parse;

TEST_CASE("scenario: a minimal file loads with its values and registry defaults", "[scenario]") {
  const std::string text = minimal_text();
  const hukou::Scenario s = parse(text, "minimal.toml");
  CHECK(s.name == "minimal");
  CHECK(s.title == "最小情景 minimal");
  CHECK(s.description.empty());
  CHECK(s.base_year == 2017);
  CHECK(s.horizon == 2020);
  CHECK(s.periods() == 3);
  CHECK(s.scale == 1.0);
  CHECK(s.seed == 1);
  const hukou::Params defaults;
  for (const auto& spec : hukou::param_registry())
    CHECK(hukou::get_param(s.params, spec) == hukou::get_param(defaults, spec));
  const hukou::Composition comp;
  for (const auto& spec : hukou::composition_registry())
    CHECK(s.composition.*spec.field == comp.*spec.field);
  REQUIRE(s.zones.size() == 1);
  const hukou::Zone& z = s.zones[0];
  CHECK(z.name == "小店区");
  CHECK(z.kind == hukou::ZoneKind::urban_district);
  CHECK(z.tier.empty());
  CHECK(z.f.urban_hukou == 1000000);
  CHECK(z.f.migrants_outside == 120000);
  CHECK(z.f.wage == hukou::ZoneFields{}.wage);
  CHECK(z.f.school_places_share == hukou::ZoneFields{}.school_places_share);
  CHECK(s.channels.empty());
  CHECK(s.events.empty());
  CHECK(s.targets.empty());
  CHECK(s.public_rental_condition.text == "true");
  CHECK(s.public_rental_condition.code.empty());
  CHECK(s.source_text == text);
}

TEST_CASE("scenario: every part of the format is read", "[scenario]") {
  const hukou::Scenario s = parse(full_text(), "full.toml");
  CHECK(s.name == "full_city");
  CHECK(s.description == "A fixture that uses every key of the scenario format.");
  CHECK(s.scale == 10.0);  // an integer where a number is expected
  CHECK(s.seed == 20180208u);
  CHECK(s.params.demography_mortality_a == 4e-5);
  CHECK(s.params.demography_fertility_rate == 0.07);
  CHECK(s.params.demography_mortality_b == hukou::Params{}.demography_mortality_b);
  CHECK(s.params.moves_adult_age == 16);
  CHECK(s.params.policy_permit_exam_access);
  CHECK(s.params.policy_settle_fee == 100.0);
  CHECK(s.params.population_permit_share == 0.5);
  CHECK(s.composition.migrant_edu == std::vector<double>{0.1, 0.5, 0.2, 0.1, 0.1});
  CHECK(s.composition.village_edu == hukou::Composition{}.village_edu);

  REQUIRE(s.zones.size() == 3);
  CHECK(s.zones[0].tier == "relaxed");
  CHECK(s.zones[0].f.house_price == 9000.5);
  CHECK(s.zones[1].kind == hukou::ZoneKind::county);
  CHECK(s.zones[2].kind == hukou::ZoneKind::county_city);
  CHECK(s.zones[2].f.relocation_share == 0.1);

  REQUIRE(s.channels.size() == 3);
  const auto& four = s.channels[0];
  CHECK(four.name == "four_groups");
  CHECK(four.clause == "并政办发〔2018〕11号 二(二)");
  CHECK(four.condition.text ==
        "(college_grad or skilled_worker) and (employed or stable_residence)");
  CHECK_FALSE(four.condition.code.empty());
  CHECK(four.zones == std::vector<bool>{true, false, false});
  CHECK(four.from == hukou::Date{2018, 2, 8});
  CHECK(four.until == hukou::Date{2020, 12, 31});  // written as a string
  CHECK_FALSE(four.events_only);
  CHECK(s.channels[1].zones == std::vector<bool>{false, true, false});  // by tier
  CHECK(s.channels[2].zones == std::vector<bool>{true, true, true});    // neither: all
  CHECK(s.channels[2].from == hukou::Date{0, 1, 1});
  CHECK(s.channels[2].until == hukou::Date{9999, 12, 31});
  CHECK(s.channels[2].events_only);
  CHECK(s.public_rental_condition.text == "settled and formal_job");

  REQUIRE(s.events.size() == 3);
  CHECK(s.events[0].kind == hukou::EventKind::reclassify);
  CHECK(s.events[0].zone == 1);
  CHECK(s.events[0].year == 2018);
  CHECK(s.events[0].share == 0.05);
  CHECK(s.events[1].kind == hukou::EventKind::relocation);
  CHECK(s.events[1].channel == 2);
  CHECK(s.events[2].kind == hukou::EventKind::workplace_registration);
  CHECK(s.events[2].persons == 1200);
  CHECK(s.events[2].channel == 0);
  CHECK(s.events[2].clause == "单位集体户");

  REQUIRE(s.targets.size() == 2);
  CHECK(s.targets[0].indicator == "registered_urbanization_rate");
  CHECK(s.targets[0].value == 0.812);
  CHECK_FALSE(s.targets[0].zone.has_value());
  CHECK(s.targets[1].zone == std::optional<std::size_t>(0));
  CHECK(s.targets[1].year == 2025);
}

TEST_CASE("scenario: a channel's zones are the union of its zones and tiers", "[scenario]") {
  const std::string text = full_text() + "\n[[channels]]\nname = \"both\"\nclause = \"c\"\n"
                                         "condition = \"true\"\nzones = [\"古交市\"]\n"
                                         "tiers = [\"relaxed\"]\n";
  const hukou::Scenario s = parse(text, "union.toml");
  REQUIRE(s.channels.size() == 4);
  CHECK(s.channels[3].zones == std::vector<bool>{true, false, true});
}

TEST_CASE("scenario: several mistakes in one file are all reported and sorted by line", "[scenario]") {
  const std::string text = R"(name = "Bad Name"
title = "t"
base_year = 2017
horizon = 2016
sead = 3

[demography]
mortality_a = "high"

[[zones]]
name = "a"
kind = "town"
urban_hukou = 1
rural_hukou_village = 1
rural_hukou_town = 1
migrants_outside = -1

[[zones]]
name = "a"
kind = "county"
urban_hukou = 1
rural_hukou_village = 1
rural_hukou_town = 1
migrants_outside = 1

[[channels]]
name = "c"
clause = ""
condition = "employed and"
zones = ["b"]
)";
  const auto d = diagnostics_of(text, "many.toml");
  INFO(dump(d));
  REQUIRE(d.size() == 10);
  const std::vector<std::pair<int, std::string>> want{
      {1, "name"},           {4, "horizon"},         {5, "sead"},
      {8, "demography.mortality_a"},                 {12, "zones.a.kind"},
      {16, "zones.a.migrants_outside"},              {19, "zones[2].name"},
      {28, "channels.c.clause"}, {29, "channels.c.condition"}, {30, "channels.c.zones"}};
  for (std::size_t i = 0; i < want.size(); ++i) {
    CHECK(d[i].file == "many.toml");
    CHECK(d[i].line == want[i].first);
    CHECK(d[i].key == want[i].second);
  }
  CHECK_THAT(d[8].message, Catch::StartsWith("in condition: missing operand after 'and'"));
  CHECK(d[8].column == 26);  // end of the condition text, inside the quotes
  CHECK(d[9].message == "unknown zone 'b'; did you mean 'a'?");
}

TEST_CASE("scenario: condition errors point inside the string", "[scenario]") {
  auto column_of = [](const std::string& condition_line) {
    const std::string text = minimal_text() + "\n[public_rental]\n" + condition_line + "\n";
    const auto d = diagnostics_of(text);
    REQUIRE(d.size() == 1);
    CHECK(d[0].key == "public_rental.condition");
    return std::pair{d[0].line, d[0].column};
  };
  const int line = 16;  // minimal.toml has 13 lines, then a blank and the table
  CHECK(column_of("condition = \"settled and formal_jb\"") == std::pair{line, 26});
  CHECK(column_of("condition = 'settled and formal_jb'") == std::pair{line, 26});
  CHECK(column_of("condition   =   \"settled and formal_jb\"") == std::pair{line, 30});
  CHECK(column_of("condition = \"\"\"\nsettled and\n  formal_jb\"\"\"") == std::pair{line + 2, 3});
  CHECK(column_of("condition = '''settled and\n  formal_jb'''") == std::pair{line + 1, 3});
  // An escape before the error: the string's own place.
  CHECK(column_of("condition = \"settled\\t and formal_jb\"") == std::pair{line, 13});
}

TEST_CASE("scenario: condition columns count characters as toml++ does", "[scenario]") {
  // 已 is one column but three bytes.
  const std::string text =
      "channels = [{name = \"c\", clause = \"已已\", condition = \"settled and formal_jb\"}]\n" +
      minimal_text();
  const auto d = diagnostics_of(text);
  REQUIRE(d.size() == 1);
  CHECK(d[0].key == "channels.c.condition");
  CHECK(d[0].line == 1);
  CHECK(d[0].column == 66);
}

TEST_CASE("scenario: numbers and integers and ranges", "[scenario]") {
  const std::string base = minimal_text();
  SECTION("an integer is a number; limits are inclusive") {
    const auto s = parse(base + "\n[demography]\nmortality_a = 0\nfertility_rate = 0.5\n", "x");
    CHECK(s.params.demography_mortality_a == 0.0);
    CHECK(s.params.demography_fertility_rate == 0.5);
  }
  SECTION("an int parameter takes an integer within its bounds") {
    auto d = diagnostics_of(base + "\n[jobs]\nretirement_age = 90\n");
    REQUIRE(d.size() == 1);
    CHECK(d[0].message == "90 is out of range: must be in [40, 80] (years)");
  }
  SECTION("infinite and nan numbers are refused everywhere") {
    auto d = diagnostics_of(base + "wage = inf\n\n[housing]\nbuy_rate = -nan\n");
    REQUIRE(d.size() == 2);
    CHECK(d[0].message == "expected a finite number, found inf");
    CHECK_THAT(d[1].message, Catch::StartsWith("expected a finite number, found"));
  }
}

TEST_CASE("scenario: limits on zones and channels and periods", "[scenario]") {
  std::string zones = "name = \"x\"\ntitle = \"x\"\nbase_year = 2017\nhorizon = 2117\n";
  for (int i = 0; i < 255; ++i)
    zones += "[[zones]]\nname = \"z" + std::to_string(i) +
             "\"\nkind = \"county\"\nurban_hukou = 1\nrural_hukou_village = 1\n"
             "rural_hukou_town = 1\nmigrants_outside = 1\n";
  auto d = diagnostics_of(zones);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "at most 254 [[zones]] tables are allowed, found 255");

  std::string channels = minimal_text();
  for (int i = 0; i < 33; ++i)
    channels += "[[channels]]\nname = \"c" + std::to_string(i) +
                "\"\nclause = \"x\"\ncondition = \"true\"\n";
  d = diagnostics_of(channels);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "at most 32 [[channels]] tables are allowed, found 33");

  // Exactly 100 periods is fine (with the 100 agents a run needs).
  CHECK(diagnostics_of(zones.substr(0, zones.find("[[zones]]")) +
                       "[[zones]]\nname = \"a\"\nkind = \"county\"\nurban_hukou = 1\n"
                       "rural_hukou_village = 100\nrural_hukou_town = 1\nmigrants_outside = 1\n")
            .empty());
}

TEST_CASE("scenario: diagnostics print as file:line:col: key: message", "[scenario]") {
  using hukou::scenario::Diagnostic;
  CHECK(Diagnostic{"a.toml", 3, 7, "horizon", "bad"}.str() == "a.toml:3:7: horizon: bad");
  CHECK(Diagnostic{"a.toml", 3, 0, "horizon", "bad"}.str() == "a.toml:3: horizon: bad");
  CHECK(Diagnostic{"--set", 0, 0, "seed", "bad"}.str() == "--set: seed: bad");
  CHECK(Diagnostic{"a.toml", 0, 0, "", "bad"}.str() == "a.toml: bad");
  CHECK(Diagnostic{"", 0, 0, "", "bad"}.str() == "bad");
  const hukou::scenario::ScenarioError e({Diagnostic{"a", 1, 2, "k", "m"}, Diagnostic{"a", 3, 4, "", "n"}});
  CHECK(std::string(e.what()) == "a:1:2: k: m\na:3:4: n");
  CHECK(e.diagnostics().size() == 2);
}

TEST_CASE("scenario: malformed TOML is one diagnostic at toml++'s place", "[scenario]") {
  const auto d = diagnostics_of("name = \"x\"\ntitle = \n", "broken.toml");
  REQUIRE(d.size() == 1);
  CHECK(d[0].file == "broken.toml");
  CHECK(d[0].line == 2);
  CHECK(d[0].column > 0);
  CHECK_THAT(d[0].message, Catch::StartsWith("invalid TOML: "));
}
