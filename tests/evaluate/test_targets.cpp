#include <catch2/catch.hpp>

#include "evaluate/evaluate.hpp"
#include "run_file_fixture.hpp"

using namespace hukou;
using test::cell;

TEST_CASE("evaluate targets: final and mid-term views by hand", "[evaluate][targets]") {
  // Replicates 0..3: rate 0.70 + 0.01 * (y - 2017) + 0.002 * r.
  auto f = test::run_file(4, 0.70, 0.01, 0.002);
  f.meta.targets.push_back({"registered_urbanization_rate", "", "clause", 2020, 0.735});
  const output::Table t = evaluate::evaluate_targets(f, {2018});
  REQUIRE(t.rows.size() == 2);
  // Mid-term 2018: the straight path from the base-year mean (0.703) to 0.735 over 3 years.
  const double base = 0.703;
  CHECK(cell(t, 0, "target_value") == Approx(base + (0.735 - base) / 3));
  CHECK(cell(t, 0, "simulated") == Approx(0.713));
  CHECK(cell(t, 0, "gap") == Approx(0.713 - (base + (0.735 - base) / 3)));
  CHECK(cell(t, 0, "share_met") == 0.5);  // replicates 2 and 3 (0.714, 0.716) reach 0.71367
  // Final 2020: values 0.730, 0.732, 0.734, 0.736 against 0.735.
  CHECK(cell(t, 1, "target_value") == 0.735);
  CHECK(cell(t, 1, "simulated") == Approx(0.733));
  CHECK(cell(t, 1, "share_met") == 0.25);
  CHECK(cell(t, 1, "lo") == Approx(0.730 + 0.05 * 3 * 0.002));  // 5% quantile, type 7
}

TEST_CASE("evaluate targets: counts add up over zones and channels", "[evaluate][targets]") {
  auto f = test::run_file(2, 0.5, 0.0, 0.0);
  f.meta.targets.push_back({"settlements", "", "c", 2019, 300.0});
  f.meta.targets.push_back({"settlements", "A", "c", 2019, 150.0});
  const output::Table t = evaluate::evaluate_targets(f, {});
  CHECK(cell(t, 0, "simulated") == Approx(300.0));  // (200 + 400) / 2
  CHECK(cell(t, 0, "share_met") == 0.5);
  CHECK(cell(t, 1, "simulated") == Approx(150.0));
  CHECK(cell(t, 1, "share_met") == 0.5);
}

TEST_CASE("evaluate targets: a rate summed over zones or an unknown variable is refused", "[evaluate][targets]") {
  auto f = test::run_file(1, 0.5, 0.0, 0.0);
  f.meta.targets.push_back({"registered_urbanization_rate_zone", "", "c", 2019, 0.5});
  CHECK_THROWS_AS(evaluate::evaluate_targets(f, {}), evaluate::EvaluationError);
  f.meta.targets.back() = {"no_such_variable", "", "c", 2019, 0.5};
  CHECK_THROWS_AS(evaluate::evaluate_targets(f, {}), evaluate::EvaluationError);
  f.meta.targets.back() = {"settlements", "Z", "c", 2019, 0.5};
  CHECK_THROWS_AS(evaluate::evaluate_targets(f, {}), evaluate::EvaluationError);
}

TEST_CASE("evaluate targets: mid-term goals come from the plan's own yearly targets", "[evaluate][targets]") {
  // Qiannan 一 sets a target for each of 2018, 2019 and 2020: each year is judged
  // against the plan's own figure, never against a path interpolated from 2017.
  auto f = test::run_file(2, 0.70, 0.01, 0.0);
  f.meta.targets.push_back({"registered_urbanization_rate", "", "2018", 2018, 0.705});
  f.meta.targets.push_back({"registered_urbanization_rate", "", "2019", 2019, 0.72});
  f.meta.targets.push_back({"registered_urbanization_rate", "", "2020", 2020, 0.74});
  output::Table t = evaluate::evaluate_targets(f, {2018, 2019});
  REQUIRE(t.rows.size() == 3);  // three finals, no interpolated second 2018 or 2019 goal
  for (std::size_t r = 0; r < 3; ++r) CHECK(std::get<std::string>(t.rows[r][2]) == "final");
  // A plan with 2018 and 2020 targets: the 2019 mid-term goal lies on the path
  // between the plan's own 2018 and 2020 figures, not from the simulated 2017 value.
  f.meta.targets.erase(f.meta.targets.begin() + 1);
  t = evaluate::evaluate_targets(f, {2019});
  REQUIRE(t.rows.size() == 3);
  CHECK(std::get<std::string>(t.rows[1][2]) == "mid-term");
  CHECK(cell(t, 1, "target_value") == Approx(0.705 + (0.74 - 0.705) / 2));
  CHECK(std::get<std::string>(t.rows[1][5]) == "target 2018");
  // Without an earlier plan target the path starts at the base year's simulated mean.
  f.meta.targets.erase(f.meta.targets.begin());
  t = evaluate::evaluate_targets(f, {2019});
  CHECK(cell(t, 0, "target_value") == Approx(0.70 + (0.74 - 0.70) * 2 / 3));
  CHECK(std::get<std::string>(t.rows[0][5]) == "simulated 2017");
}
