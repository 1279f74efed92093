#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "evaluate/compare.hpp"
#include "evaluate/options.hpp"
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

TEST_CASE("evaluate options: public cost per additional settler by hand, per changed zone", "[evaluate][compare]") {
  const auto base = test::run_file(2, 0.6, 0.01, 0.0);
  auto opt = base;
  // The option pays 1,000,000 yuan more subsidy in zone A in 2019 and settles 4 more
  // persons there in 2019 and 2020 (replicate 0: 3 and 3, replicate 1: 5 and 5).
  for (std::size_t r = 0; r < 2; ++r) {
    opt.replicates[r].at(Series::purchase_subsidy_paid, 2, 0) += 1e6;
    for (std::size_t p : {2u, 3u}) opt.replicates[r].at(Series::settlements, p, 0, 0) += r == 0 ? 3 : 5;
  }
  opt.meta.changes.push_back({"zones.A.purchase_subsidy", "0", "1", ""});
  const std::vector<const output::RunFile*> opts{&opt, &base};
  const auto inds = evaluate::option_indicators(base, opts);
  CHECK(std::count(inds.begin(), inds.end(), evaluate::Indicator{evaluate::kCostPerSettler, "A"}) == 1);
  CHECK(std::count(inds.begin(), inds.end(), evaluate::Indicator{evaluate::kCostPerSettler, "B"}) == 0);
  CHECK(evaluate::default_years(base) == std::vector<int>{2020});
  const output::Table t = evaluate::compare_options(base, opts, {"opt", "same"}, inds, {2019, 2020});
  const auto find = [&](const std::string& option, const std::string& ind, long long year) {
    for (const auto& row : t.rows)
      if (std::get<std::string>(row[0]) == option && std::get<std::string>(row[1]) == ind &&
          std::get<long long>(row[2]) == year)
        return std::get<double>(row[col(t, "difference")]);
    FAIL("no row " << option << " " << ind << " " << year);
    return 0.0;
  };
  CHECK(find("opt", "settlements_to_date", 2019) == Approx(4));
  CHECK(find("opt", "settlements_to_date", 2020) == Approx(8));
  CHECK(find("opt", "public_cost_to_date (A)", 2020) == Approx(1e6));
  CHECK(find("opt", "cost_per_additional_settler", 2019) == Approx(1e6 / 4));
  CHECK(find("opt", "cost_per_additional_settler (A)", 2020) == Approx(1e6 / 8));
  const output::Table b = evaluate::compare_options(base, {&opt}, {"opt"}, {{evaluate::kCostPerSettler, "B"}}, {2020});
  CHECK(std::isnan(std::get<double>(b.rows.at(0)[col(b, "difference")])));  // adds no settler in B
  CHECK(find("same", "public_cost_to_date", 2020) == 0.0);                    // the baseline against itself
}
