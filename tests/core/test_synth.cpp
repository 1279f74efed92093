#include <catch2/catch.hpp>

#include "core/engine.hpp"
#include "fixtures.hpp"

using namespace hukou;

namespace {
double base(const RunResult& r, Series s) {
  double v = 0;
  for (std::size_t z = 0; z < r.zones.size(); ++z) v += r.at(s, 0, z);
  return v;
}
}  // namespace

TEST_CASE("core synth: the base year reproduces the scenario's stocks in persons", "[core][synth]") {
  const Scenario sc = test::small_scenario();
  Model m(sc, 11);
  const RunResult& r = m.result();
  for (std::size_t z = 0; z < sc.zones.size(); ++z) {
    const ZoneFields& f = sc.zones[z].f;
    // Town residents: the urban stock plus the local and non-local rural-hukou town dwellers.
    CHECK(r.at(Series::population_town_resident, 0, z) == Approx(f.urban_hukou + f.rural_hukou_town + f.migrants_outside).margin(1.0));
    // Residents add the village population (which includes left-behind members).
    CHECK(r.at(Series::population_resident, 0, z) ==
          Approx(f.urban_hukou + f.rural_hukou_town + f.migrants_outside + f.rural_hukou_village).margin(1.0));
    // Registered: everyone but the non-local migrants, and the rural hukou living away, away_share
    // of the zone's registered rural hukou.
    const double away = sc.params.population_away_share / (1.0 - sc.params.population_away_share) *
                        (f.rural_hukou_town + f.rural_hukou_village);
    CHECK(away > 0.0);
    CHECK(r.at(Series::population_registered_elsewhere, 0, z) == Approx(away).margin(1.0));
    CHECK(r.at(Series::population_registered, 0, z) ==
          Approx(f.urban_hukou + f.rural_hukou_town + f.rural_hukou_village + away).margin(1.0));
  }
}

TEST_CASE("core synth: outputs are in persons whatever the scale", "[core][synth]") {
  const RunResult r1 = Model(test::small_scenario(1.0), 3).result();
  const RunResult r10 = Model(test::small_scenario(10.0), 3).result();
  CHECK(base(r10, Series::population_resident) == Approx(base(r1, Series::population_resident)).epsilon(0.002));
  CHECK(r10.at(Series::registered_urbanization_rate, 0) == Approx(r1.at(Series::registered_urbanization_rate, 0)).epsilon(0.002));
}

TEST_CASE("core synth: household heads follow the scenario's education shares", "[core][synth]") {
  Scenario sc = test::small_scenario();
  for (auto& z : sc.zones) { z.f.migrants_outside *= 10; z.f.rural_hukou_village = 0; z.f.rural_hukou_town = 0; }
  // Synthesis alone: the burn-in then selects who is still unsettled (education raises settling).
  sc.params.decision_burn_in_years = 0;
  const Model m(sc, 5);
  const auto& pop = m.world().pop;
  std::vector<double> count(5, 0.0);
  for (std::size_t h = 0; h < pop.h.size(); ++h) count[static_cast<int>(pop.p.edu[pop.h.first[h]])] += 1;
  const double n = static_cast<double>(pop.h.size());
  for (int e = 0; e < 5; ++e) {
    const double p = sc.composition.migrant_edu[e];
    CHECK(count[e] / n == Approx(p).margin(4 * std::sqrt(p * (1 - p) / n) + 1e-9));
  }
}
