// The evaluator's view (evaluate/observations.hpp): observations beside simulated
// values, checked by hand on the in-memory run file of run_file_fixture.hpp.
#include <catch2/catch.hpp>
#include <cmath>

#include "evaluate/observations.hpp"
#include "run_file_fixture.hpp"

using namespace hukou;

namespace {
std::size_t col(const output::Table& t, const std::string& name) {
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (t.columns[c].name == name) return c;
  FAIL("no column " << name);
  return 0;
}
double num(const output::Table& t, std::size_t row, const std::string& name) {
  return std::get<double>(t.rows.at(row)[col(t, name)]);
}
std::string str(const output::Table& t, std::size_t row, const std::string& name) {
  return std::get<std::string>(t.rows.at(row)[col(t, name)]);
}

Scenario fixture_scenario() {
  Scenario sc;
  sc.zones.resize(2);
  sc.zones[0].name = "A";
  sc.zones[1].name = "B";
  sc.channels.resize(1);
  sc.channels[0].name = "open";
  sc.channels[0].title = "全面放开落户";
  Observation settled;  // settlements of the one channel, summed over zones
  settled.indicator = "settlements";
  settled.year = 2018;
  settled.value = 500;
  settled.unit = "persons";
  settled.source = "a yearbook";
  settled.channel = 0;
  Observation rate;  // a prefecture-wide rate in a year the run does not simulate
  rate.indicator = "registered_urbanization_rate";
  rate.year = 2016;
  rate.value = 0.5;
  rate.source = "a census";
  Observation zone_b = settled;  // one zone of one channel, validation
  zone_b.zone = 1;
  zone_b.year = 2020;
  zone_b.value = 200;
  zone_b.calibrate = true;
  sc.observations = {settled, rate, zone_b};
  return sc;
}
}  // namespace

TEST_CASE("observations: simulated median, spread and ratio by hand", "[evaluate][observations]") {
  // Settlements per zone 100 (r + 1): summed over two zones 200, 400, 600 for three replicates.
  const auto f = test::run_file(3, 0.5, 0.01, 0.0);
  const Scenario sc = fixture_scenario();
  const output::Table t = evaluate::observations_table(f, sc);
  REQUIRE(t.rows.size() == 3);
  CHECK(num(t, 0, "simulated") == Approx(400));
  CHECK(num(t, 0, "lo") == Approx(220));  // type-7 quantiles 0.05 and 0.95 of {200, 400, 600}
  CHECK(num(t, 0, "hi") == Approx(580));
  CHECK(num(t, 0, "observed") == 500);
  CHECK(num(t, 0, "ratio") == Approx(0.8));
  CHECK(str(t, 0, "obs_channel") == "全面放开落户 (open)");
  CHECK(str(t, 0, "obs_zone").empty());
  CHECK(str(t, 0, "use") == "validation");
  CHECK(str(t, 0, "source") == "a yearbook");
  CHECK(str(t, 0, "units") == "persons");
  // Before the base year: history, nothing simulated.
  CHECK(str(t, 1, "use") == "history");
  CHECK(std::isnan(num(t, 1, "simulated")));
  CHECK(std::isnan(num(t, 1, "ratio")));
  CHECK(str(t, 1, "units") == "1");
  // One zone only: half the two-zone sum; its use as the scenario says.
  CHECK(num(t, 2, "simulated") == Approx(200));
  CHECK(num(t, 2, "ratio") == Approx(1.0));
  CHECK(str(t, 2, "obs_zone") == "B");
  CHECK(str(t, 2, "use") == "calibration");
}

TEST_CASE("observations: simulated_value is the series the observation names", "[evaluate][observations]") {
  const auto f = test::run_file(2, 0.5, 0.01, 0.02);
  const Scenario sc = fixture_scenario();
  Observation rate = sc.observations[1];
  rate.year = 2019;  // registered rate of replicate r: 0.5 + 2 * 0.01 + r * 0.02
  CHECK(evaluate::simulated_value(f.replicates[1], rate) == Approx(0.54));
  rate.year = 2030;
  CHECK_THROWS_AS(evaluate::simulated_value(f.replicates[0], rate), evaluate::EvaluationError);
}

TEST_CASE("observations: a channel without a title shows its identifier", "[evaluate][observations]") {
  Channel c;
  c.name = "four_groups";
  CHECK(evaluate::channel_label(c) == "four_groups");
  c.title = "四类人员落户";
  CHECK(evaluate::channel_label(c) == "四类人员落户 (four_groups)");
}
