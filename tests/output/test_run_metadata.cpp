// run_metadata(): the one builder of a run file's metadata, for `hukou run`, the
// sweep runner and the bench. Whatever `hukou evaluate` reads back must be in it.
#include <catch2/catch.hpp>

#include "core/replicates.hpp"
#include "output/run_metadata.hpp"

namespace {
hukou::Scenario scenario() {
  hukou::Scenario sc;
  sc.name = "demo";
  sc.source_text = "name = \"demo\"\n";
  sc.scale = 20.0;
  sc.zones.resize(2);
  sc.zones[0].name = "小店区";
  sc.zones[1].name = "清徐县";
  sc.channels.resize(2);
  sc.channels[0].name = "talent";
  sc.channels[1].name = "relocation";
  sc.targets.push_back({"registered_urbanization_rate", 2020, 0.812, "一(三)", std::nullopt});
  sc.targets.push_back({"registered_urbanization_rate_zone", 2018, 0.6, "附件1", 1});
  return sc;
}
}  // namespace

TEST_CASE("run_metadata carries the scenario, seeds and targets", "[output]") {
  const hukou::Scenario sc = scenario();
  const auto m = hukou::output::run_metadata(sc, {"1.2.3", "abc", 42, 3, 2});
  CHECK(m.tool_version == "1.2.3");
  CHECK(m.git_commit == "abc");
  CHECK(m.scenario_name == "demo");
  CHECK(m.scenario_text == sc.source_text);
  CHECK(m.seed == 42);
  CHECK(m.threads == 2);
  CHECK(m.scale == 20.0);
  CHECK(m.created.size() == 20);  // YYYY-MM-DDTHH:MM:SSZ
  REQUIRE(m.replicate_seeds.size() == 3);
  for (std::size_t r = 0; r < 3; ++r) CHECK(m.replicate_seeds[r] == hukou::replicate_seed(42, r));
  REQUIRE(m.targets.size() == 2);
  CHECK(m.targets[0].indicator == "registered_urbanization_rate");
  CHECK(m.targets[0].zone.empty());
  CHECK(m.targets[0].year == 2020);
  CHECK(m.targets[0].value == 0.812);
  CHECK(m.targets[0].clause == "一(三)");
  CHECK(m.targets[1].zone == "清徐县");
  CHECK(m.extra.empty());  // no [county_score]
}

TEST_CASE("run_metadata records the county evaluation that `hukou evaluate` scores", "[output]") {
  hukou::Scenario sc = scenario();
  sc.county_score = hukou::CountyScore{2018, 1, "黔南 附件1"};
  const auto m = hukou::output::run_metadata(sc, {"v", "c", 1, 1, 1});
  using KV = std::pair<std::string, std::string>;
  CHECK(m.extra == std::vector<KV>{{"county_score_year", "2018"},
                                   {"county_score_relocation_channel", "relocation"},
                                   {"county_score_clause", "黔南 附件1"}});
}
