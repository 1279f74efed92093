// --set key=value: values land where the file would have them and are checked the
// same way; problems are reported as "--set: KEY: message".
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace scenario_test;
using hukou::scenario::parse;

TEST_CASE("scenario --set: overrides of every kind are applied", "[scenario]") {
  const std::string text = minimal_text();
  const std::vector<std::string> sets{
      "demography.gompertz_level_male=5e-5",
      " policy.permit_exam_access = true ",
      "moves.adult_age=20",
      "population.migrant_edu=[0.2, 0.2, 0.2, 0.2, 0.2]",
      "zones.小店区.wage=5000",
      "zones.小店区.tier=\"relaxed\"",
      "seed=7",
      "scale=2.5",
      "horizon=2030",
  };
  const hukou::Scenario s = parse(text, "minimal.toml", sets);
  CHECK(s.params.demography_gompertz_level_male == 5e-5);
  CHECK(s.params.policy_permit_exam_access);
  CHECK(s.params.moves_adult_age == 20);
  CHECK(s.composition.migrant_edu == std::vector<double>{0.2, 0.2, 0.2, 0.2, 0.2});
  CHECK(s.zones[0].f.wage == 5000);
  CHECK(s.zones[0].tier == "relaxed");
  CHECK(s.seed == 7);
  CHECK(s.scale == 2.5);
  CHECK(s.horizon == 2030);
  CHECK(s.source_text == text +
                             "\n# --set overrides applied:\n"
                             "# demography.gompertz_level_male = 5e-5\n"
                             "# policy.permit_exam_access = true\n"
                             "# moves.adult_age = 20\n"
                             "# population.migrant_edu = [0.2, 0.2, 0.2, 0.2, 0.2]\n"
                             "# zones.小店区.wage = 5000\n"
                             "# zones.小店区.tier = \"relaxed\"\n"
                             "# seed = 7\n"
                             "# scale = 2.5\n"
                             "# horizon = 2030\n");
}

TEST_CASE("scenario --set: an override replaces the file's value", "[scenario]") {
  const std::string text = minimal_text() + "\n[demography]\nbirth_rate = 0.9\n";
  // The file's own value is out of range, but it is overridden.
  const auto s = parse(text, "x.toml", {"demography.birth_rate=0.006"});
  CHECK(s.params.demography_birth_rate == 0.006);
}

TEST_CASE("scenario --set: values are checked as in the file and reported at --set", "[scenario]") {
  const std::string text = minimal_text();
  auto one = [&](const std::string& set) {
    const auto d = diagnostics_of(text, "minimal.toml", {set});
    INFO(set << "\n" << dump(d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].file == "--set");
    CHECK(d[0].line == 0);
    CHECK(d[0].column == 0);
    return d[0].str();
  };
  CHECK(one("demography.birth_rate=0.9") ==
        "--set: demography.birth_rate: 0.9 is out of range: must be in [0, 0.05] "
        "(1/year)");
  CHECK(one("policy.permit_exam_access=1") ==
        "--set: policy.permit_exam_access: expected a boolean (true or false), found an integer");
  CHECK(one("moves.adult_age=18.5") ==
        "--set: moves.adult_age: expected an integer, found a float (18.5)");
  CHECK(one("population.migrant_edu=[0.5, 0.5]") ==
        "--set: population.migrant_edu: expected an array of 5 numbers (primary, junior, senior, "
        "vocational, college), found 2 values");
  CHECK(one("population.migrant_edu=[0.5, 0.5, 0.5, 0, 0]") ==
        "--set: population.migrant_edu: shares sum to 1.5; they must sum to 1 (within 1e-06)");
  CHECK(one("population.migrant_edu=[0.5, 2, 0.5, 0, 0]") ==
        "--set: population.migrant_edu: 2 is out of range: must be in [0, 1]");
  CHECK(one("horizon=2017") ==
        "--set: horizon: horizon 2017 must be after base_year 2017 (years out of order)");
  CHECK(one("scale=nan") == "--set: scale: expected a finite number, found nan");
  CHECK(one("zones.小店区.wage=\"high\"") ==
        "--set: zones.小店区.wage: expected a number, found a string");
  CHECK(one("zones.小店区.kind=\"town\"") ==
        "--set: zones.小店区.kind: unknown zone kind 'town'; valid kinds: 'urban_district', "
        "'county', 'county_city'");

  SECTION("the same message as in the file") {
    const auto d = diagnostics_of(text + "\n[demography]\nbirth_rate = 0.9\n");
    REQUIRE(d.size() == 1);
    CHECK(one("demography.birth_rate=0.9") == "--set: demography.birth_rate: " + d[0].message);
  }
}

TEST_CASE("scenario --set: malformed overrides and unknown keys", "[scenario]") {
  const std::string text = minimal_text();
  auto one = [&](const std::string& set) {
    const auto d = diagnostics_of(text, "minimal.toml", {set});
    INFO(set << "\n" << dump(d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].file == "--set");
    CHECK(d[0].line == 0);
    return d[0].str();
  };
  CHECK(one("seed 7") == "--set: seed 7: expected key=value, e.g. --set demography.gompertz_level_male=3e-5");
  CHECK(one("demography.gompertz_levl_male=1e-5") ==
        "--set: demography.gompertz_levl_male: unknown key 'gompertz_levl_male' in [demography]; did you mean "
        "'demography.gompertz_level_male'?");
  CHECK(one("permits.quota=1") ==
        "--set: permits.quota: unknown key 'quota' in [permits]; valid keys: 'takeup_rate', "
        "'min_years'");
  CHECK(one("sed=1") == "--set: sed: unknown key for --set; did you mean 'seed'?");
  CHECK(one("demograhy.gompertz_level_male=1") ==
        "--set: demograhy.gompertz_level_male: unknown key for --set; did you mean "
        "'demography.gompertz_level_male'?");
  CHECK_THAT(one("bogus=1"), Catch::StartsWith("--set: bogus: unknown key for --set; expected "
                                               "section.name (a parameter), zones.<zone>.<field>"));
  CHECK(one("name=\"x\"") ==
        "--set: name: cannot be set with --set; top-level keys that can: 'base_year', 'horizon', "
        "'scale', 'seed'");
  CHECK_THAT(one("policy.settle_fee=abc"),
             Catch::StartsWith("--set: policy.settle_fee: cannot read the value 'abc' as TOML: "));
  CHECK_THAT(one("policy.settle_fee=abc"), Catch::EndsWith("(text needs quotes: policy.settle_fee=\"...\")"));
  CHECK_THAT(one("seed="), Catch::StartsWith("--set: seed: cannot read the value '' as TOML"));
  CHECK(one("seed=1\nscale = 2") == "--set: seed: expected one TOML value after '=', found more");
  CHECK(one("zones.小店.wage=1") == "--set: zones.小店.wage: unknown zone '小店'; did you mean '小店区'?");
  CHECK(one("zones.小店区.wag=1") ==
        "--set: zones.小店区.wag: unknown zone field 'wag'; did you mean 'wage'?");
  CHECK(one("wage=1") ==
        "--set: wage: unknown key for --set; did you mean 'zones.<zone name>.wage'?");
  CHECK(one("zones.wage=1") == "--set: zones.wage: expected zones.<zone name>.<field>");
}

TEST_CASE("scenario --set: problems in the file and in --set are all reported", "[scenario]") {
  const std::string text = minimal_text() + "\n[demography]\ngompertz_level_male = -1\n";
  const auto d = diagnostics_of(text, "m.toml", {"seed=-3", "jobs.find_rate=2", "nothing"});
  INFO(dump(d));
  REQUIRE(d.size() == 4);
  CHECK(d[0].file == "m.toml");  // the file first, then --set in the order given
  CHECK(d[0].key == "demography.gompertz_level_male");
  CHECK(d[1].str() == "--set: seed: -3 is out of range: must be >= 0");
  CHECK(d[2].key == "jobs.find_rate");
  CHECK(d[3].key == "nothing");
}
