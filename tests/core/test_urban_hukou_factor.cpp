// population.urban_hukou_factor converts town residents between the two hukou
// categories (urban_hukou_factor.hpp): it moves the registered rate and leaves the
// residents, who are sourced, as they are.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/engine.hpp"
#include "core/urban_hukou_factor.hpp"
#include "conversion_checks.hpp"
#include "fixtures.hpp"

using namespace hukou;

namespace {
Scenario with_factor(Scenario sc, double factor) {
  sc.params.population_urban_hukou_factor = factor;
  return sc;
}

double zone_rate(const RunResult& r, std::size_t z) { return r.at(Series::registered_urbanization_rate_zone, 0, z); }
}  // namespace

TEST_CASE("core urban_hukou_factor: the conversion keeps each zone's town residents", "[core][hukou_factor]") {
  const Scenario sc = test::small_scenario();
  for (double factor : {0.5, 0.8, 1.0, 1.2, 2.0}) {
    Scenario c = with_factor(sc, factor);
    convert_urban_hukou(c);
    INFO("factor " << factor);
    test::check_against_town(sc, c, factor, &ZoneFields::urban_hukou);
  }
  // Factor 1 leaves the stocks bitwise as they are.
  Scenario one = with_factor(sc, 1.0);
  convert_urban_hukou(one);
  for (std::size_t z = 0; z < sc.zones.size(); ++z) {
    CHECK(one.zones[z].f.urban_hukou == sc.zones[z].f.urban_hukou);
    CHECK(one.zones[z].f.rural_hukou_town == sc.zones[z].f.rural_hukou_town);
  }
}

TEST_CASE("core urban_hukou_factor: residents are the same at every factor, the registered rate rises",
          "[core][hukou_factor]") {
  const Scenario sc = test::small_scenario();
  const RunResult one = simulate(sc, 3);
  double last_rate = -1.0;
  for (double factor : {0.8, 1.0, 1.2}) {
    const RunResult r = simulate(with_factor(sc, factor), 3);
    INFO("factor " << factor);
    // Each zone's town agents are its rural_hukou_town over the scale, rounded
    // stochastically (synth.cpp agents_for), the other categories' counts use the
    // same draws: so a zone's residents differ by at most one agent (scale persons).
    for (std::size_t z = 0; z < sc.zones.size(); ++z) {
      INFO("zone " << sc.zones[z].name);
      CHECK(std::abs(r.at(Series::population_resident, 0, z) - one.at(Series::population_resident, 0, z)) <= sc.scale);
      CHECK(std::abs(r.at(Series::population_town_resident, 0, z) - one.at(Series::population_town_resident, 0, z)) <=
            sc.scale);
    }
    CHECK(std::abs(r.total(Series::population_resident, 0) - one.total(Series::population_resident, 0)) <=
          sc.scale * static_cast<double>(sc.zones.size()));
    const double rate = r.values(Series::registered_urbanization_rate)[0];
    CHECK(rate > last_rate);
    last_rate = rate;
  }
}

TEST_CASE("core urban_hukou_factor: a zone with few rural-hukou town residents stops at none of them",
          "[core][hukou_factor]") {
  // 城区 has 100 rural-hukou town residents: a factor above 1 + 100/60000 converts them
  // all, and a higher factor changes nothing in that zone; 东县 (15000 urban, 3000
  // rural-hukou town residents) is uncapped up to 1.2.
  Scenario sc = test::small_scenario();
  sc.zones[0].f.rural_hukou_town = 100;
  const RunResult one = simulate(sc, 5);
  const RunResult high = simulate(with_factor(sc, 1.1), 5);  // simulate checks the balance each period
  const RunResult higher = simulate(with_factor(sc, 1.2), 5);
  const double stock = sc.zones[0].f.urban_hukou + sc.zones[0].f.rural_hukou_town;
  for (const RunResult* r : {&high, &higher}) {
    // Every town resident of 城区 holds urban hukou; the registered rural hukou left
    // (villagers and those away) is not negative.
    CHECK(r->at(Series::population_urban_registered, 0, 0) >= stock);
    CHECK(r->at(Series::population_registered, 0, 0) >= r->at(Series::population_urban_registered, 0, 0));
    CHECK(std::abs(r->at(Series::population_resident, 0, 0) - one.at(Series::population_resident, 0, 0)) <= sc.scale);
    for (std::size_t s = 0; s < kSeriesCount; ++s)
      for (double v : r->values(static_cast<Series>(s))) CHECK(v >= 0.0);
  }
  CHECK(zone_rate(high, 0) > zone_rate(one, 0));
  CHECK(zone_rate(higher, 0) == Approx(zone_rate(high, 0)).epsilon(1e-12));
  // The uncapped zones still rise.
  CHECK(zone_rate(higher, 1) > zone_rate(high, 1));
}

TEST_CASE("core urban_hukou_factor: a factor is the same run as the converted stocks at factor 1",
          "[core][hukou_factor]") {
  // The factor acts only through the zones' stocks: converting them by hand and
  // running at factor 1 gives the same outputs, digit for digit.
  const Scenario sc = test::small_scenario();
  const double factor = 1.05;
  Scenario by_hand = sc;
  for (Zone& z : by_hand.zones) {
    const double moved = z.f.urban_hukou * (factor - 1.0);
    REQUIRE(moved <= z.f.rural_hukou_town);  // uncapped in every zone
    z.f.urban_hukou += moved;
    z.f.rural_hukou_town -= moved;
  }
  const RunResult a = simulate(with_factor(sc, factor), 7), b = simulate(by_hand, 7);
  for (std::size_t s = 0; s < kSeriesCount; ++s) {
    INFO(output_series()[s].name);
    CHECK(a.values(static_cast<Series>(s)) == b.values(static_cast<Series>(s)));
  }
}
