#include <catch2/catch.hpp>

#include "core/balance.hpp"
#include "core/engine.hpp"
#include "fixtures.hpp"

using namespace hukou;

TEST_CASE("core balance: every person is accounted for in every period and zone", "[core][balance]") {
  // The engine checks the balance after every period and throws BalanceError on a
  // violation; a full run with every process active must pass it.
  Scenario sc = test::small_scenario();
  sc.events.push_back({EventKind::reclassify, 1, 2019, 0.3, 0.0, 0, "test"});
  sc.params.policy_rights_exit_compensation = 50000;
  sc.params.policy_rights_exit_rate = 0.2;
  RunResult r;
  REQUIRE_NOTHROW(r = simulate(sc, 99));
  // Residents of the whole prefecture change by births - deaths + net moves in and out of it.
  for (std::size_t p = 1; p < r.years.size(); ++p) {
    double res_before = 0, res_after = 0;
    for (std::size_t z = 0; z < r.zones.size(); ++z) {
      res_before += r.at(Series::population_resident, p - 1, z);
      res_after += r.at(Series::population_resident, p, z);
    }
    CHECK(res_after > 0.9 * res_before);
  }
}

TEST_CASE("core balance: the check fails when a flow goes missing", "[core][balance]") {
  Counters flows(2, 0, 0);
  BalanceSnapshot before{{100, 50}, {80, 40}, 300};
  BalanceSnapshot after = before;
  after.residents[1] += 1;  // one more resident with no recorded birth or move
  CHECK_THROWS_AS(check_balance(before, after, flows, 2020), BalanceError);
  flows(1, Flow::births) = 1;
  after.agents += 1;  // the newborn agent, not yet recorded as added
  CHECK_THROWS_AS(check_balance(before, after, flows, 2020), BalanceError);
  flows(1, Flow::agents_added) = 1;
  CHECK_NOTHROW(check_balance(before, after, flows, 2020));
  after.registered[0] -= 1;  // a registration lost without a recorded move or death
  CHECK_THROWS_AS(check_balance(before, after, flows, 2020), BalanceError);
  flows(0, Flow::reg_deaths) = 1;
  CHECK_NOTHROW(check_balance(before, after, flows, 2020));
}

TEST_CASE("core balance: holds with people leaving the prefecture, coming back and moving their hukou out",
          "[core][balance]") {
  // The engine's per-period check covers every zone and the total; here with rates high enough that
  // every border flow happens in every period, along with settlement, returns and reclassification.
  Scenario sc = test::small_scenario();
  sc.events.push_back({EventKind::reclassify, 1, 2019, 0.3, 0.0, 0, "test"});
  sc.params.population_away_share = 0.3;
  sc.params.moves_out_migration_rate = 0.2;
  sc.params.moves_return_rate = 0.3;
  sc.params.moves_away_hukou_out_rate = 0.2;
  sc.params.moves_inflow_elasticity = 1.0;
  RunResult r;
  REQUIRE_NOTHROW(r = simulate(sc, 7));
  for (std::size_t p = 1; p < r.years.size(); ++p) {
    INFO(r.years[p]);
    CHECK(r.total(Series::out_migration, p) > 0.0);
    CHECK(r.total(Series::returns_from_away, p) > 0.0);
    CHECK(r.total(Series::hukou_moved_out, p) > 0.0);
    CHECK(r.total(Series::settlements, p) > 0.0);
    // Those away are registered here and not resident: the registered population exceeds the
    // residents of local origin by them.
    CHECK(r.total(Series::population_registered_elsewhere, p) > 0.0);
    CHECK(r.total(Series::population_registered_elsewhere, p) < r.total(Series::population_registered, p));
  }
}

TEST_CASE("core balance: nobody leaves or is away when the border rates are 0", "[core][balance]") {
  Scenario sc = test::small_scenario();
  sc.params.population_away_share = 0.0;
  sc.params.moves_out_migration_rate = 0.0;
  const RunResult r = simulate(sc, 7);
  for (std::size_t p = 0; p < r.years.size(); ++p) {
    CHECK(r.total(Series::out_migration, p) == 0.0);
    CHECK(r.total(Series::returns_from_away, p) == 0.0);
    CHECK(r.total(Series::hukou_moved_out, p) == 0.0);
    CHECK(r.total(Series::population_registered_elsewhere, p) == 0.0);
  }
}
