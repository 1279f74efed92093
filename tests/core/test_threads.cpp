#include <catch2/catch.hpp>

#include <tbb/global_control.h>

#include <cstring>

#include "core/engine.hpp"
#include "fixtures.hpp"

using namespace hukou;

namespace {
RunResult run_with(int threads, const Scenario& sc) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  return simulate(sc, 77);
}
}  // namespace

TEST_CASE("core threads: outputs are bitwise identical for 1, 2 and 4 threads", "[core][threads]") {
  Scenario sc = test::small_scenario();
  sc.params.policy_rights_exit_compensation = 30000;
  sc.params.policy_rights_exit_rate = 0.1;
  const RunResult one = run_with(1, sc);
  for (int n : {2, 4}) {
    const RunResult many = run_with(n, sc);
    for (std::size_t s = 0; s < kSeriesCount; ++s) {
      INFO("series " << output_series()[s].name << " with " << n << " threads");
      REQUIRE(one.data[s].size() == many.data[s].size());
      CHECK(std::memcmp(one.data[s].data(), many.data[s].data(), one.data[s].size() * sizeof(double)) == 0);
    }
  }
}
