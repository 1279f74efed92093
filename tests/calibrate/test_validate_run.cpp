// `hukou validate` on a synthetic run file whose values are chosen so that every
// figure of the scorecard can be computed by hand.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/validation_forecasts.hpp"
#include "output/hdf5_writer.hpp"
#include "output/table_group.hpp"
#include "scenario/loader.hpp"

namespace fs = std::filesystem;

namespace {
std::string read(const fs::path& p) {
  std::ifstream f(p);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string observation(int year, double percent) {
  return "\n[[observations]]\nindicator = \"registered_urbanization_rate\"\nyear = " + std::to_string(year) +
         "\nvalue = " + std::to_string(percent) + "\nunit = \"%\"\nsource = \"test\"\n";
}

// minimal.toml (2017-2020) with cutoff 2018: 2016 is history, 2017-2018 calibrate,
// 2019-2020 validate.
std::string scenario_text(int cutoff = 2018) {
  return read(fs::path(HUKOU_SOURCE_DIR) / "tests/scenario/good/minimal.toml") + "\n[calibration]\ncutoff = " +
         std::to_string(cutoff) + "\n[calibration.priors]\n\"decision.asc_settle\" = \"default\"\n" +
         observation(2016, 40.0) + observation(2017, 41.0) + observation(2018, 42.5) + observation(2019, 43.6) +
         observation(2020, 45.0);
}

// Five replicates: in 2019 the registered rate is 0.430 + 0.005 r, in 2020 0.455 + 0.005 r.
std::vector<hukou::RunResult> ensemble() {
  std::vector<hukou::RunResult> out;
  for (int r = 0; r < 5; ++r) {
    hukou::RunResult res({2017, 2018, 2019, 2020}, {"小店区"}, {});
    res.at(hukou::Series::registered_urbanization_rate, 2) = 0.430 + 0.005 * r;
    res.at(hukou::Series::registered_urbanization_rate, 3) = 0.455 + 0.005 * r;
    out.push_back(res);
  }
  return out;
}

struct TempFile {
  fs::path path = fs::temp_directory_path() / ("hukou_validate_" + std::to_string(std::random_device{}()) + ".h5");
  ~TempFile() { fs::remove(path); }
};

int run_cli(std::vector<std::string> args, std::string& out) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream capture;
  auto* old = std::cout.rdbuf(capture.rdbuf());
  const int rc = hukou::cli::main(static_cast<int>(argv.size()), argv.data());
  std::cout.rdbuf(old);
  out = capture.str();
  return rc;
}
}  // namespace

TEST_CASE("validate: observations after the cutoff set against the ensemble, by hand", "[calibrate][validate]") {
  const auto sc = hukou::scenario::parse(scenario_text(), "t.toml");
  const auto in = hukou::cli::validation_input(sc, ensemble());
  REQUIRE(in.forecasts.size() == 1);
  CHECK(in.cutoff == 2018);
  CHECK(in.units[0] == "1");
  CHECK(in.forecasts[0].calibration.years == std::vector<int>{2016, 2017, 2018});
  CHECK(in.forecasts[0].observed.years == std::vector<int>{2019, 2020});
  const auto card = hukou::calibrate::score(in.forecasts);
  const auto& p = card.indicators[0].points;
  // 2019: median 0.440, type-7 5%/95% quantiles 0.431 and 0.449 hold 0.436; error 0.004.
  CHECK(p[0].median == Approx(0.440));
  CHECK(p[0].lo == Approx(0.431));
  CHECK(p[0].hi == Approx(0.449));
  CHECK(p[0].covered);
  CHECK(p[0].error == Approx(0.004));
  // 2020: median 0.465, interval [0.456, 0.474] misses 0.450; error 0.015.
  CHECK_FALSE(p[1].covered);
  CHECK(p[1].error == Approx(0.015));
  // Last change 2017-2018 (+0.015 a year): 0.440, 0.455. Trend through 2016-2018:
  // slope 0.0125 about (2017, 0.411667): 0.436667, 0.449167.
  CHECK(p[0].naive_change == Approx(0.440));
  CHECK(p[1].naive_change == Approx(0.455));
  CHECK(p[0].naive_trend == Approx(0.436667).epsilon(1e-5));
  CHECK(p[1].naive_trend == Approx(0.449167).epsilon(1e-5));
  const auto& s = card.overall;
  CHECK(s.mae == Approx(0.0095));
  CHECK(s.coverage == 0.5);
  CHECK(s.mae_naive_change == Approx(0.0045));
  CHECK(s.mae_naive_trend == Approx(0.00075));
  CHECK(s.skill_change == Approx(0.0095 / 0.0045));
  CHECK(s.skill_trend == Approx(0.0095 / 0.00075));
}

TEST_CASE("validate: the command scores a run file and stores only when asked", "[calibrate][validate]") {
  TempFile f;
  hukou::output::RunMetadata meta;
  meta.scenario_name = "minimal";
  meta.scenario_text = scenario_text();
  meta.seed = 1;
  hukou::output::write_run_file(f.path, ensemble(), meta);
  const auto before = fs::last_write_time(f.path);
  std::string out;
  REQUIRE(run_cli({"hukou", "validate", f.path.string(), "--json"}, out) == 0);
  CHECK(out.find("\"cutoff\":2018") != std::string::npos);
  CHECK(out.find("\"ensemble\":5") != std::string::npos);
  CHECK(out.find("\"coverage\":0.5") != std::string::npos);
  CHECK(fs::last_write_time(f.path) == before);
  CHECK_THROWS(hukou::output::read_number_column(f.path, "validation", "error"));

  REQUIRE(run_cli({"hukou", "validate", f.path.string(), "--store"}, out) == 0);
  CHECK(out.find("43.60%") != std::string::npos);  // observed, for reading
  const auto err = hukou::output::read_number_column(f.path, "validation", "error");
  REQUIRE(err.size() == 2);
  CHECK(err[0] == Approx(0.004));
  CHECK(err[1] == Approx(0.015));
  const auto skill = hukou::output::read_number_column(f.path, "validation_skill", "skill_trend");
  REQUIRE(skill.size() == 2);  // the indicator, then overall
  CHECK(skill[1] == Approx(0.0095 / 0.00075));
}

TEST_CASE("validate: nothing after the cutoff is bad input", "[calibrate][validate]") {
  TempFile f;
  hukou::output::RunMetadata meta;
  meta.scenario_name = "minimal";
  meta.scenario_text = scenario_text(2020);  // every observation calibrates or is history
  meta.seed = 1;
  hukou::output::write_run_file(f.path, ensemble(), meta);
  std::string out;
  CHECK(run_cli({"hukou", "validate", f.path.string()}, out) == 2);
}
