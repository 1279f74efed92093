// [[observations]] and [calibration]: the use of each observation follows the cutoff,
// units convert, and every built-in scenario that calibrates reads nothing after it.
#include <catch2/catch.hpp>

#include "core/priors.hpp"
#include "helpers.hpp"

using namespace scenario_test;

namespace {
std::string with_calibration(const std::string& observations) {
  return minimal_text() + "\n[calibration]\ncutoff = 2018\n[calibration.priors]\n"
                          "\"decision.asc_settle\" = { dist = \"normal\", a = -3, b = 1, lo = -8, hi = 0, source = \"s\" }\n" +
         observations;
}
std::string observation(int year, const std::string& extra = "") {
  return "\n[[observations]]\nindicator = \"registered_urbanization_rate\"\nyear = " + std::to_string(year) +
         "\nvalue = 40\nunit = \"%\"\nsigma = 0.5\nsource = \"row\"\n" + extra;
}
}  // namespace

TEST_CASE("observations: use follows the cutoff, percent becomes a fraction", "[scenario][calibration]") {
  const auto sc = hukou::scenario::parse(
      with_calibration(observation(2010) + observation(2017) + observation(2018) + observation(2019) +
                       observation(2018, "use = \"validation\"\n") + observation(2017, "use = \"history\"\n")),
      "t.toml");
  REQUIRE(sc.base_year == 2017);
  REQUIRE(sc.observations.size() == 6);
  CHECK_FALSE(sc.observations[0].calibrate);  // before base_year: history
  CHECK(sc.observations[1].calibrate);
  CHECK(sc.observations[2].calibrate);         // at the cutoff
  CHECK_FALSE(sc.observations[3].calibrate);  // after it: validation
  CHECK_FALSE(sc.observations[4].calibrate);  // asked for validation
  CHECK_FALSE(sc.observations[5].calibrate);  // a base-year input: history
  CHECK(sc.observations[1].value == Approx(0.40));
  CHECK(sc.observations[1].sigma == Approx(0.005));
  CHECK(sc.observations[1].where.find("t.toml:") == 0);
  REQUIRE(sc.calibration);
  CHECK(sc.calibration->cutoff == 2018);
  REQUIRE(sc.calibration->priors.size() == 1);
  CHECK(sc.calibration->priors[0].dist == "normal");
  CHECK(sc.calibration->priors[0].lo == -8.0);
}

TEST_CASE("observations: a calibration reading past the cutoff is refused at the observation", "[scenario][calibration]") {
  const auto d = diagnostics_of(with_calibration(observation(2019, "use = \"calibration\"\n")));
  REQUIRE(d.size() == 1);
  CHECK(d[0].key == "observations[1].use");
  CHECK(d[0].line > 0);
  CHECK(d[0].message.find("after the cutoff 2018") != std::string::npos);
}

TEST_CASE("observations: every built-in scenario cites a source and calibrates on none after its cutoff",
          "[scenario][calibration]") {
  for (const auto& b : hukou::scenario::builtin_scenarios()) {
    const auto sc = hukou::scenario::load(b.name);
    INFO(b.name);
    REQUIRE(sc.calibration);
    CHECK_FALSE(sc.calibration->priors.empty());
    CHECK_FALSE(sc.observations.empty());
    for (const auto& o : sc.observations) {
      CHECK_FALSE(o.source.empty());
      if (o.calibrate) CHECK(o.year <= sc.calibration->cutoff);
    }
  }
}

TEST_CASE("calibration priors: \"default\" is core's registry entry, beta included", "[scenario][calibration]") {
  const auto sc = hukou::scenario::parse(minimal_text() +
                                             "\n[calibration]\ncutoff = 2018\n[calibration.priors]\n"
                                             "\"decision.nest_lambda\" = \"default\"\n"
                                             "\"decision.asc_settle\" = \"default\"\n"
                                             "\"moves.return_rate\" = { dist = \"beta\", a = 6.59, b = 158.14, "
                                             "lo = 0, hi = 1, source = \"s\" }\n",
                                         "t.toml");
  REQUIRE(sc.calibration);
  REQUIRE(sc.calibration->priors.size() == 3);
  for (const auto& c : sc.calibration->priors) {
    INFO(c.key);
    if (c.source == "s") continue;
    const hukou::PriorSpec* d = hukou::find_prior(c.key);
    REQUIRE(d);
    CHECK(c.dist == hukou::to_string(d->dist));
    CHECK(c.a == d->a);
    CHECK(c.b == d->b);
    CHECK(c.lo == d->lo);
    CHECK(c.hi == d->hi);
    CHECK(c.source == d->source);
  }
  std::size_t betas = 0;
  for (const auto& c : sc.calibration->priors) betas += c.dist == "beta";
  CHECK(betas == 2);  // nest_lambda's default and return_rate's inline table
}
