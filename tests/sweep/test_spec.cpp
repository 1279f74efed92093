// Sweep files: valid ones build the expected design; bad ones say where and what.
#include <catch2/catch.hpp>

#include "scenario/diagnostics.hpp"
#include "sweep/design.hpp"
#include "sweep/spec.hpp"

using namespace hukou::sweep;

namespace {
const std::string kHead = "scenario = \"taiyuan\"\nset = [\"scale=200\", \"horizon=2020\"]\nseed = 3\n";

std::string error_of(const std::string& text) {
  try {
    parse_spec(text, "s.toml", ".");
  } catch (const hukou::scenario::ScenarioError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("sweep file with a grid and a values list") {
  const SweepSpec s = parse_spec(kHead + R"(
replicates = 2
[design]
kind = "grid"
[[parameters]]
key = "decision.asc_settle"
range = [1e-3, 1e-1]
scale = "log"
levels = 3
[[parameters]]
key = "zones.小店区.wage"
values = [3000, 4000]
)",
                                 "s.toml", ".");
  CHECK(s.replicates == 2);
  CHECK(s.seed == 3);
  const Matrix d = build_design(s);
  REQUIRE(d.size() == 6);
  CHECK(d[0][0] == Approx(1e-3));
  CHECK(d[2][0] == Approx(1e-2));
  CHECK(d[5][0] == Approx(1e-1));
  CHECK(d[1][1] == 4000);
  CHECK(
      spec_hash(s) ==
      spec_hash(parse_spec(
          kHead + "replicates = 2\n[design]\nkind = \"grid\"\n[[parameters]]\nkey = \"decision.asc_settle\"\nrange = "
                  "[1e-3, 1e-1]\nscale = \"log\"\n[[parameters]]\nkey = \"zones.小店区.wage\"\nvalues = [3000, 4000]\n",
          "t.toml", ".")));
}

TEST_CASE("sweep file sobol design size") {
  const SweepSpec s = parse_spec(kHead + R"(
[design]
kind = "sobol"
samples = 4
[[parameters]]
key = "decision.asc_settle"
range = [-4, -2]
[[parameters]]
key = "zones.小店区.wage"
range = [3000, 4000]
)",
                                 "s.toml", ".");
  CHECK(build_design(s).size() == 4 * (2 + 2));
}

TEST_CASE("sweep file errors name place key and expectation") {
  const std::string p = "[[parameters]]\nkey = \"decision.asc_settle\"\nrange = [-4, -2]\n";
  CHECK_THAT(error_of(kHead + "replicate = 2\n[design]\nkind = \"grid\"\n" + p),
             Catch::Contains("s.toml:4:1") && Catch::Contains("did you mean 'replicates'"));
  CHECK_THAT(error_of(kHead + "[design]\nkind = \"sobolx\"\n" + p), Catch::Contains("did you mean 'sobol'"));
  CHECK_THAT(error_of(kHead + "[design]\nkind = \"lhs\"\n" + p), Catch::Contains("samples"));
  CHECK_THAT(
      error_of(kHead + "[design]\nkind = \"grid\"\n[[parameters]]\nkey = \"decision.asc_setle\"\nrange = [0, 1]\n"),
      Catch::Contains("s.toml:7:7: parameters[1].key") && Catch::Contains("did you mean 'decision.asc_settle'"));
  CHECK_THAT(
      error_of(kHead + "[design]\nkind = \"grid\"\n[[parameters]]\nkey = \"decision.asc_settle\"\nrange = [-40, 1]\n"),
      Catch::Contains("parameters[1].range[1]") && Catch::Contains("-20"));
  CHECK_THAT(
      error_of(kHead + "[design]\nkind = \"grid\"\n[[parameters]]\nkey = \"zones.小店x区.wage\"\nrange = [1, 2]\n"),
      Catch::Contains("no zone"));
  CHECK_THAT(
      error_of(kHead + "[design]\nkind = \"grid\"\n[[parameters]]\nkey = \"decision.asc_settle\"\nrange = [-2, -4]\n"),
      Catch::Contains("lo < hi"));
  CHECK_THAT(error_of(kHead + "[design]\nkind = \"grid\"\n[[parameters]]\nkey = \"decision.asc_settle\"\nrange = [-4, "
                              "-2]\nscale = \"log\"\n"),
             Catch::Contains("lo > 0"));
  CHECK_THAT(error_of(kHead + "[design]\nkind = \"morris\"\ntrajectories = 2\nlevels = 3\n" + p),
             Catch::Contains("even"));
  CHECK_THAT(error_of("scenario = \"taiyuan\"\nset = [\"scale=-1\"]\n[design]\nkind = \"grid\"\n" + p),
             Catch::Contains("scale"));
  CHECK_THAT(
      error_of(
          kHead +
          "[design]\nkind = \"grid\"\n[[parameters]]\nkey = \"decision.asc_settle\"\nrange = [-4, -2]\nvalues = [1]\n"),
      Catch::Contains("either"));
}
