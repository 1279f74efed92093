// The base year has lived under the rules in force before it (core/burn_in.hpp):
// with no policy change, the first simulated year settles no backlog.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/engine.hpp"
#include "fixtures.hpp"

using namespace hukou;

namespace {
// Settlements in each simulated year of the small scenario, whose one channel is
// open in every zone on every date: the rules never change. Households differ
// sharply (a formal job makes settling about five times as likely, by
// b_job_stability = 3 against asc_settle = -4), so the synthetic base year, drawn
// without regard to who would have settled, holds a backlog of formal workers that
// stands out from the noise; three times the town population for a steadier count.
std::vector<double> settlements(int burn_in_years, bool rental_for_settlers = false) {
  Scenario sc = test::small_scenario();
  if (rental_for_settlers) {
    // Public rental that only settling opens, valued highly, with the base year's
    // units let (none free) and 50 new ones a year per zone: before its first
    // decisions no simulated household is settled, so an empty queue would promise
    // every first-year settler a unit (housing.cpp keeps the base year's chance in
    // the first period).
    sc.public_rental_condition = Condition{{{Instr::Op::test, Attr::settled, Cmp::truthy, 0.0f}}, "settled"};
    for (auto& z : sc.zones) z.f.public_rental_units = 0;
    sc.params.decision_b_public_rental = 3.0;
  }
  for (auto& z : sc.zones) {
    z.f.rural_hukou_town *= 3;
    z.f.migrants_outside *= 3;
  }
  sc.horizon = sc.base_year + 4;
  sc.params.decision_burn_in_years = burn_in_years;
  sc.params.decision_asc_settle = -4.0;
  sc.params.decision_b_job_stability = 3.0;
  const RunResult r = simulate(sc, 7);
  std::vector<double> v;
  for (std::size_t t = 0; t < r.years.size(); ++t) v.push_back(r.total(Series::settlements, t));
  return v;
}
}  // namespace

TEST_CASE("core burn-in: with no policy change, year 1's settlements lie within those of years 2-4",
          "[core][burn_in]") {
  const auto s = settlements(10);
  REQUIRE(s.size() == 5);  // the base year, then four years
  const double lo = std::min({s[2], s[3], s[4]}), hi = std::max({s[2], s[3], s[4]});
  INFO("settlements " << s[1] << ", then " << s[2] << " " << s[3] << " " << s[4]);
  CHECK(s[1] >= lo);
  CHECK(s[1] <= hi);
}

TEST_CASE("core burn-in: without it the first year settles a backlog (the check can fail)", "[core][burn_in]") {
  const auto s = settlements(0);
  INFO("settlements " << s[1] << ", then " << s[2] << " " << s[3] << " " << s[4]);
  CHECK(s[1] > std::max({s[2], s[3], s[4]}));
}

TEST_CASE("core burn-in: public rental for settlers opens no first-year rush", "[core][burn_in]") {
  const auto s = settlements(10, true);
  const double lo = std::min({s[2], s[3], s[4]}), hi = std::max({s[2], s[3], s[4]});
  INFO("settlements " << s[1] << ", then " << s[2] << " " << s[3] << " " << s[4]);
  CHECK(s[1] >= lo);
  CHECK(s[1] <= hi);
}
