#include <catch2/catch.hpp>

#include "evaluate/county_score.hpp"
#include "run_file_fixture.hpp"

using namespace hukou;

TEST_CASE("evaluate county score: the appendix-1 arithmetic by hand", "[evaluate][county]") {
  // Rise 0.9 points against a required 1.2: 40 * 0.75 = 30. 450 settlers against an
  // urban rise of 1000: 13.5. 120 of 200 listed relocated: 18.
  auto s = evaluate::score(0.009, 0.012, 450, 1000, 120, 200);
  CHECK(s.rate == Approx(30.0));
  CHECK(s.settlement == Approx(13.5));
  CHECK(s.relocation == Approx(18.0));
  CHECK(s.total() == Approx(61.5));
}

TEST_CASE("evaluate county score: each part is capped and never negative", "[evaluate][county]") {
  auto over = evaluate::score(0.05, 0.006, 5000, 1000, 300, 200);  // far above every requirement
  CHECK(over.rate == 40.0);
  CHECK(over.settlement == 30.0);
  CHECK(over.relocation == 30.0);
  CHECK(over.total() == 100.0);
  auto fall = evaluate::score(-0.004, 0.024, -10, 1000, 0, 200);  // the rate fell
  CHECK(fall.rate == 0.0);
  CHECK(fall.settlement == 0.0);
  CHECK(fall.relocation == 0.0);
  auto shrink = evaluate::score(0.001, 0.024, 300, -500, 0, 0);  // urban population fell; nobody listed
  CHECK(shrink.rate == Approx(40.0 / 24));
  CHECK(shrink.settlement == 30.0);
  CHECK(shrink.relocation == 30.0);
}

TEST_CASE("evaluate county score: a file without [county_score] is refused", "[evaluate][county]") {
  const auto f = test::run_file(2, 0.4, 0.01, 0.0);
  CHECK_THROWS_AS(evaluate::county_scores(f), evaluate::EvaluationError);
}

TEST_CASE("evaluate county score: scores from a run file by hand", "[evaluate][county]") {
  auto f = test::run_file(2, 0.4, 0.01, 0.0);
  f.meta.extra = {{"county_score_year", "2018"}, {"county_score_relocation_channel", "open"}};
  for (auto& r : f.replicates) {
    r.at(Series::registered_urbanization_rate_zone, 0, 0) = 0.30;
    r.at(Series::registered_urbanization_rate_zone, 1, 0) = 0.306;  // +0.6 points
    r.at(Series::population_urban_registered, 0, 0) = 10000;
    r.at(Series::population_urban_registered, 1, 0) = 10800;      // urban rise 800
    r.at(Series::relocation_listed, 1, 0) = 400;
  }
  // settlements in zone A, 2018: 100 (replicate 0) and 200 (replicate 1), all through "open".
  f.meta.targets.push_back({"registered_urbanization_rate_zone", "A", "附件1", 2018, 0.312});  // required +1.2
  const output::Table t = evaluate::county_scores(f);
  REQUIRE(t.rows.size() == 1);
  const auto num = [&](std::size_t c) { return std::get<double>(t.rows[0][c]); };
  CHECK(num(1) == Approx(0.012));                          // required rise
  CHECK(num(3) == Approx(20.0));                           // 40 * 0.6 / 1.2
  CHECK(num(4) == Approx((30.0 * 100 / 800 + 30.0 * 200 / 800) / 2));
  CHECK(num(5) == Approx((30.0 * 100 / 400 + 30.0 * 200 / 400) / 2));  // relocated = settled through "open"
  CHECK(num(6) == Approx(num(3) + num(4) + num(5)));
}
