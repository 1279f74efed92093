// The schedule's fused sweeps (core/schedule.hpp) give bitwise the outputs of the
// nine processes one sweep each, in the model's order, on every shipped scenario
// and what-if: as it is, and with a permit test in its public-rental condition, so
// that permits and eligibility run in sweeps of their own.
#include <catch2/catch.hpp>

#include <cstring>

#include "core/engine.hpp"
#include "core/schedule.hpp"
#include "helpers.hpp"

namespace {
// The outputs of sc by the model's schedule and by OneSweepEach, series by series.
void check_same_outputs(const hukou::Scenario& sc) {
  hukou::Model fused(sc, sc.seed), one_each(sc, sc.seed, true, &hukou::run_schedule<hukou::OneSweepEach>);
  while (!fused.finished()) {
    fused.step();
    one_each.step();
  }
  const hukou::RunResult &x = fused.result(), &y = one_each.result();
  for (std::size_t s = 0; s < hukou::kSeriesCount; ++s) {
    INFO("series " << hukou::output_series()[s].name);
    REQUIRE(x.data[s].size() == y.data[s].size());
    CHECK(std::memcmp(x.data[s].data(), y.data[s].data(), x.data[s].size() * sizeof(double)) == 0);
  }
}
}  // namespace

TEST_CASE("every shipped scenario gives the outputs of the processes one sweep each", "[scenario][schedule]") {
  for (const auto& file : scenario_test::shipped_scenario_files()) {
    INFO(file.string());
    hukou::Scenario sc = scenario_test::resized(hukou::scenario::load_file(file), 20000);
    {
      INFO("as shipped");
      CHECK(hukou::permits_may_run_before_housing(hukou::compile_rules(sc)));
      check_same_outputs(sc);
    }
    // "... and permit_years >= 0": the same households qualify, but permits must
    // now run after housing.
    auto& code = sc.public_rental_condition.code;
    const bool always = code.empty();
    code.push_back({hukou::Instr::Op::test, hukou::Attr::permit_years, hukou::Cmp::ge, 0.0f});
    if (!always) code.push_back({hukou::Instr::Op::op_and, hukou::Attr::age, hukou::Cmp::truthy, 0.0f});
    INFO("with a permit test in the public-rental condition");
    CHECK_FALSE(hukou::permits_may_run_before_housing(hukou::compile_rules(sc)));
    check_same_outputs(sc);
  }
}
