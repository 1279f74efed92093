#include <catch2/catch.hpp>

#include "evaluate/compare.hpp"
#include "run_file_fixture.hpp"

using namespace hukou;

namespace {
std::size_t col(const output::Table& t, const std::string& name) {
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (t.columns[c].name == name) return c;
  return t.columns.size();
}
}  // namespace

TEST_CASE("evaluate compare: a file compared with itself gives exactly zero", "[evaluate][compare]") {
  const auto f = test::run_file(5, 0.6, 0.01, 0.003);
  const output::Table t = evaluate::compare(f, f, evaluate::default_indicators(f));
  REQUIRE(!t.rows.empty());
  for (const auto& row : t.rows)
    for (const char* c : {"difference", "diff_lo", "diff_hi"}) CHECK(std::get<double>(row[col(t, c)]) == 0.0);
}

TEST_CASE("evaluate compare: the paired difference and its interval by hand", "[evaluate][compare]") {
  const auto base = test::run_file(4, 0.6, 0.01, 0.003);
  auto whatif = base;
  const double add[4] = {0.010, 0.012, 0.008, 0.010};  // mean 0.010, sd 0.001633
  for (std::size_t r = 0; r < 4; ++r) whatif.replicates[r].at(Series::registered_urbanization_rate, 3) += add[r];
  const output::Table t = evaluate::compare(base, whatif, {{"registered_urbanization_rate", ""}});
  const auto& row = t.rows.at(3);  // 2020
  CHECK(std::get<double>(row[col(t, "difference")]) == Approx(0.010));
  const double half = 2.3534 * std::sqrt(8e-6 / 3) / 2.0;  // t_{0.95,3} * sd / sqrt(4)
  CHECK(std::get<double>(row[col(t, "diff_hi")]) - 0.010 == Approx(half).epsilon(1e-3));
}

TEST_CASE("evaluate compare: files that cannot be paired are refused", "[evaluate][compare]") {
  const auto base = test::run_file(3, 0.6, 0.01, 0.0);
  auto other = base;
  other.replicates[1].at(Series::population_registered, 0, 1) += 1;  // another base population
  CHECK_THROWS_WITH(evaluate::check_pairable(base, other), Catch::Contains("base populations differ"));
  other = base;
  other.meta.replicate_seeds[2] = 99;
  CHECK_THROWS_WITH(evaluate::check_pairable(base, other), Catch::Contains("seeds differ"));
  auto shorter = test::run_file(3, 0.6, 0.01, 0.0);
  for (auto& r : shorter.replicates) r = RunResult({2017, 2018, 2019}, r.zones, r.channels);
  CHECK_THROWS_WITH(evaluate::check_pairable(base, shorter), Catch::Contains("periods differ"));
  CHECK_THROWS_WITH(evaluate::check_pairable(base, test::run_file(2, 0.6, 0.01, 0.0)), Catch::Contains("replicates"));
}
