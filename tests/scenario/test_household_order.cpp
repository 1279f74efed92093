// Results do not depend on the order of the households (core/household_order.hpp):
// every shipped scenario and what-if gives bitwise the same outputs with households
// kept in order of size, as runs do, and in the order they are made.
#include <catch2/catch.hpp>

#include <cstring>

#include "core/engine.hpp"
#include "core/household_order.hpp"
#include "helpers.hpp"

TEST_CASE("every shipped scenario gives bitwise the same results in either household order", "[scenario][order]") {
  for (const auto& file : scenario_test::shipped_scenario_files()) {
    INFO(file.string());
    const hukou::Scenario sc = scenario_test::resized(hukou::scenario::load_file(file), 30000);
    hukou::Model ordered(sc, sc.seed, true), plain(sc, sc.seed, false);
    REQUIRE(hukou::size_descents(ordered.world().pop) == 0.0);
    REQUIRE(hukou::size_descents(plain.world().pop) > 0.2);
    while (!ordered.finished()) {
      ordered.step();
      plain.step();
    }
    // Still more in order than not, the inflow included, at the end.
    CHECK(hukou::size_descents(ordered.world().pop) < hukou::size_descents(plain.world().pop));
    const hukou::RunResult &x = ordered.result(), &y = plain.result();
    for (std::size_t s = 0; s < hukou::kSeriesCount; ++s) {
      INFO("series " << hukou::output_series()[s].name);
      REQUIRE(x.data[s].size() == y.data[s].size());
      CHECK(std::memcmp(x.data[s].data(), y.data[s].data(), x.data[s].size() * sizeof(double)) == 0);
    }
  }
}
