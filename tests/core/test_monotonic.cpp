#include <catch2/catch.hpp>

#include "core/engine.hpp"
#include "fixtures.hpp"

using namespace hukou;

namespace {
double settled_over_run(const Scenario& sc, std::uint64_t seed) {
  const RunResult r = simulate(sc, seed);
  double v = 0;
  for (double x : r.values(Series::settlements)) v += x;
  return v;
}

Scenario with_subsidy(Scenario sc, double yuan, bool requires_hukou) {
  for (auto& z : sc.zones) z.f.purchase_subsidy = yuan;
  sc.params.policy_purchase_subsidy_requires_hukou = requires_hukou;
  return sc;
}
}  // namespace

TEST_CASE("core monotonic: a larger purchase subsidy never lowers settlements (same seed)", "[core][monotonic]") {
  Scenario sc = test::small_scenario();
  // Settling through a home purchase (Taiyuan 二(四)) makes the subsidy matter
  // through buying; a subsidy tied to hukou matters through the value of settling.
  sc.channels[0].condition = Condition{{{Instr::Op::test, Attr::purchase_contract, Cmp::truthy, 0.0f}}, "purchase_contract"};
  for (bool tied : {false, true}) {
    for (std::uint64_t seed : {1u, 2u, 3u}) {
      double last = -1;
      for (double yuan : {0.0, 20000.0, 40000.0, 80000.0}) {
        const double s = settled_over_run(with_subsidy(sc, yuan, tied), seed);
        INFO("tied to hukou " << tied << ", seed " << seed << ", subsidy " << yuan);
        CHECK(s >= last);
        last = s;
      }
    }
  }
}

TEST_CASE("core monotonic: settling raises the registered rate, requiring land surrender lowers it", "[core][monotonic]") {
  const Scenario sc = test::small_scenario();
  Scenario surrender = sc;
  surrender.params.policy_land_surrender_required = true;
  Scenario closed = sc;
  closed.channels.clear();
  const auto rate_end = [](const Scenario& s) {
    const RunResult r = simulate(s, 8);
    return r.at(Series::registered_urbanization_rate, r.years.size() - 1);
  };
  const double base = rate_end(sc), sur = rate_end(surrender), none = rate_end(closed);
  CHECK(base > sur);
  CHECK(sur > none);
}

TEST_CASE("core monotonic: population.urban_hukou_factor raises the base year's registered rate",
          "[core][monotonic]") {
  // The calibrated form of a base-year registered rate no source gives: the factor
  // converts rural-hukou town residents to urban hukou (urban_hukou_factor.hpp), so
  // the base year's urban registered population and registered rate rise with it.
  const Scenario sc = test::small_scenario();
  double last_rate = -1, last_urban = -1;
  for (double factor : {0.8, 1.0, 1.25}) {
    Scenario s = sc;
    s.params.population_urban_hukou_factor = factor;
    const RunResult r = simulate(s, 3);
    INFO("factor " << factor);
    const double urban = r.total(Series::population_urban_registered, 0);
    const double rate = r.values(Series::registered_urbanization_rate)[0];
    CHECK(rate > last_rate);
    CHECK(urban > last_urban);
    last_rate = rate;
    last_urban = urban;
  }
}
