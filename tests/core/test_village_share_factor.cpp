// population.village_share_factor moves rural-hukou residents between a zone's towns
// and villages (urban_hukou_factor.hpp): it moves the resident rate and leaves the
// residents, who are sourced, as they are. Applied before urban_hukou_factor.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/engine.hpp"
#include "core/urban_hukou_factor.hpp"
#include "conversion_checks.hpp"
#include "fixtures.hpp"

using namespace hukou;

namespace {
Scenario with_factors(Scenario sc, double village, double urban = 1.0) {
  sc.params.population_village_share_factor = village;
  sc.params.population_urban_hukou_factor = urban;
  return sc;
}

double resident_rate(const RunResult& r) { return r.values(Series::resident_urbanization_rate)[0]; }
double registered_rate(const RunResult& r) { return r.values(Series::registered_urbanization_rate)[0]; }
double zone_rate(const RunResult& r, std::size_t z) { return r.at(Series::resident_urbanization_rate_zone, 0, z); }

// Each zone's agents per category are its stock over the scale, rounded
// stochastically (synth.cpp agents_for): a zone's residents differ by at most one
// agent (scale persons) between runs whose stocks differ only in category.
void check_same_residents(const RunResult& r, const RunResult& one, const Scenario& sc) {
  for (std::size_t z = 0; z < sc.zones.size(); ++z) {
    INFO("zone " << sc.zones[z].name);
    CHECK(std::abs(r.at(Series::population_resident, 0, z) - one.at(Series::population_resident, 0, z)) <= sc.scale);
  }
  CHECK(std::abs(r.total(Series::population_resident, 0) - one.total(Series::population_resident, 0)) <=
        sc.scale * static_cast<double>(sc.zones.size()));
}
}  // namespace

TEST_CASE("core village_share_factor: the move keeps each zone's rural-hukou residents", "[core][village_factor]") {
  const Scenario sc = test::small_scenario();
  for (double factor : {0.5, 0.8, 1.0, 1.2, 2.0}) {
    Scenario c = with_factors(sc, factor);
    convert_village_share(c);
    INFO("factor " << factor);
    test::check_against_town(sc, c, factor, &ZoneFields::rural_hukou_village);
  }
  // Factor 1 (with urban_hukou_factor 1) leaves the stocks bitwise as they are.
  Scenario one = with_factors(sc, 1.0);
  apply_base_year_factors(one);
  for (std::size_t z = 0; z < sc.zones.size(); ++z) {
    CHECK(one.zones[z].f.rural_hukou_village == sc.zones[z].f.rural_hukou_village);
    CHECK(one.zones[z].f.rural_hukou_town == sc.zones[z].f.rural_hukou_town);
    CHECK(one.zones[z].f.urban_hukou == sc.zones[z].f.urban_hukou);
  }
}

TEST_CASE("core village_share_factor: residents are the same at every factor, the resident rate falls",
          "[core][village_factor]") {
  const Scenario sc = test::small_scenario();
  const RunResult one = simulate(sc, 3);
  double last_rate = 2.0;
  for (double factor : {0.8, 1.0, 1.2}) {
    const RunResult r = simulate(with_factors(sc, factor), 3);
    INFO("factor " << factor);
    check_same_residents(r, one, sc);
    const double rate = resident_rate(r);
    CHECK(rate < last_rate);
    last_rate = rate;
  }
}

TEST_CASE("core village_share_factor: a zone with few rural-hukou town residents stops at none of them",
          "[core][village_factor]") {
  // 城区 has 100 rural-hukou town residents against 8000 villagers: a factor above
  // 1 + 100/8000 moves them all, and a higher factor changes nothing in that zone;
  // 西市 (18000 villagers, 4000 rural-hukou town residents) is uncapped up to 1.2.
  Scenario sc = test::small_scenario();
  sc.zones[0].f.rural_hukou_town = 100;
  const RunResult one = simulate(sc, 5);
  const RunResult high = simulate(with_factors(sc, 1.1), 5);  // simulate checks the balance each period
  const RunResult higher = simulate(with_factors(sc, 1.2), 5);
  for (const RunResult* r : {&high, &higher}) {
    CHECK(std::abs(r->at(Series::population_resident, 0, 0) - one.at(Series::population_resident, 0, 0)) <= sc.scale);
    for (std::size_t s = 0; s < kSeriesCount; ++s)
      for (double v : r->values(static_cast<Series>(s))) CHECK(v >= 0.0);
  }
  CHECK(zone_rate(high, 0) < zone_rate(one, 0));
  CHECK(zone_rate(higher, 0) == Approx(zone_rate(high, 0)).epsilon(1e-12));
  // The uncapped zone still falls.
  CHECK(zone_rate(higher, 2) < zone_rate(high, 2));
}

TEST_CASE("core village_share_factor: a factor is the same run as the moved stocks at factor 1",
          "[core][village_factor]") {
  // The factor acts only through the zones' stocks: moving them by hand and running
  // at factor 1 gives the same outputs, digit for digit.
  const Scenario sc = test::small_scenario();
  const double factor = 1.05;
  Scenario by_hand = sc;
  for (Zone& z : by_hand.zones) {
    const double moved = z.f.rural_hukou_village * (factor - 1.0);
    REQUIRE(moved <= z.f.rural_hukou_town);  // uncapped in every zone
    z.f.rural_hukou_village += moved;
    z.f.rural_hukou_town -= moved;
  }
  const RunResult a = simulate(with_factors(sc, factor), 7), b = simulate(by_hand, 7);
  for (std::size_t s = 0; s < kSeriesCount; ++s) {
    INFO(output_series()[s].name);
    CHECK(a.values(static_cast<Series>(s)) == b.values(static_cast<Series>(s)));
  }
}

TEST_CASE("core village_share_factor: with urban_hukou_factor, residents stay and each rate follows its factor",
          "[core][village_factor][hukou_factor]") {
  // The village move comes first, then the hukou conversion of the town residents
  // it leaves: at village 1.1 and urban 1.1 城区's and 东县's conversions run out of
  // rural-hukou town residents (5200 left for 6000 wanted, 500 for 1500), 西市's not.
  const Scenario sc = test::small_scenario();
  const RunResult one = simulate(sc, 11);
  const double villages[] = {0.9, 1.1}, urbans[] = {0.9, 1.1};
  double resident[2][2], registered[2][2];
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j) {
      INFO("village " << villages[i] << ", urban " << urbans[j]);
      const RunResult r = simulate(with_factors(sc, villages[i], urbans[j]), 11);
      check_same_residents(r, one, sc);
      resident[i][j] = resident_rate(r);
      registered[i][j] = registered_rate(r);
    }
  for (int j = 0; j < 2; ++j) CHECK(resident[1][j] < resident[0][j]);      // falls in the village factor
  for (int i = 0; i < 2; ++i) CHECK(registered[i][1] > registered[i][0]);  // rises in the urban factor
}
