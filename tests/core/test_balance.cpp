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
