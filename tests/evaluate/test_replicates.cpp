#include <catch2/catch.hpp>

#include "core/replicates.hpp"
#include "core/stats.hpp"
#include "core/fixtures.hpp"

using namespace hukou;

namespace {
Eigen::VectorXd final_rates(const std::vector<RunResult>& reps) {
  Eigen::VectorXd v(static_cast<Eigen::Index>(reps.size()));
  for (std::size_t r = 0; r < reps.size(); ++r)
    v(static_cast<Eigen::Index>(r)) = reps[r].at(Series::registered_urbanization_rate, reps[r].years.size() - 1);
  return v;
}
}  // namespace

TEST_CASE("evaluate replicates: replicate 0 is the plain run and replicates differ", "[evaluate][replicates]") {
  const Scenario sc = test::small_scenario(4.0);
  const auto reps = simulate_replicates(sc, 17, 3);
  CHECK(reps[0].values(Series::settlements) == simulate(sc, 17).values(Series::settlements));
  CHECK(reps[1].values(Series::settlements) != reps[0].values(Series::settlements));
  CHECK(replicate_seed(17, 1) != replicate_seed(17, 2));
}

TEST_CASE("evaluate replicates: the interval of the mean shrinks as replicates grow", "[evaluate][replicates]") {
  const Scenario sc = test::small_scenario(4.0);
  const auto all = simulate_replicates(sc, 5, 32);
  const Eigen::VectorXd v = final_rates(all);
  const auto width = [&](Eigen::Index n) {
    const auto iv = stats::mean_interval(v.head(n), 0.90);
    return iv.hi - iv.lo;
  };
  CHECK(stats::sd(v) > 0.0);
  CHECK(width(32) < width(8));
  CHECK(width(8) < width(3));
}
