// A golden small run: every output series, summed over zones and channels, per
// year, must match the committed file digit for digit. Any change to model output
// shows up here. Refresh on purpose only, after checking the change is intended:
//   HUKOU_REFRESH_GOLDEN=1 ctest -R golden   (then commit the file and note it in CHANGELOG.md)
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/engine.hpp"
#include "fixtures.hpp"

using namespace hukou;

namespace {
std::string render(const RunResult& r) {
  std::ostringstream os;
  for (std::size_t s = 0; s < kSeriesCount; ++s) {
    const auto series = static_cast<Series>(s);
    const auto shape = r.shape(series);
    const std::size_t per_period = r.values(series).size() / shape[0];
    for (std::size_t p = 0; p < shape[0]; ++p) {
      double sum = 0;
      for (std::size_t k = 0; k < per_period; ++k) sum += r.values(series)[p * per_period + k];
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", sum);
      os << output_series()[s].name << " " << r.years[p] << " " << buf << "\n";
    }
  }
  return os.str();
}
}  // namespace

TEST_CASE("core golden: a small run reproduces its committed outputs exactly", "[core][golden]") {
  Scenario sc = test::small_scenario(2.0);
  sc.events.push_back({EventKind::reclassify, 1, 2020, 0.2, 0.0, 0, "test"});
  const std::string now = render(simulate(sc, 12345));
  const std::string path = std::string(HUKOU_TEST_DIR) + "/golden/small_run.txt";
  if (std::getenv("HUKOU_REFRESH_GOLDEN")) {
    std::ofstream(path) << now;
    WARN("golden file refreshed: " << path);
    return;
  }
  std::ifstream in(path);
  REQUIRE(in.good());
  std::stringstream expected;
  expected << in.rdbuf();
  CHECK(now == expected.str());
}
