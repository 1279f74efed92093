// The corpus of bad files: each file's first line says what loading it must
// report, as "# expect: LINE:COLUMN: KEY: MESSAGE" (MESSAGE may be the start of the
// message). Every file must produce exactly that one diagnostic.
#include <catch2/catch.hpp>

#include <algorithm>

#include "helpers.hpp"

using namespace scenario_test;

namespace {
struct Expectation {
  fs::path file;
  std::string text;  // "LINE:COLUMN: KEY: MESSAGE"
};

std::vector<Expectation> corpus() {
  std::vector<Expectation> out;
  for (const auto& e : fs::directory_iterator(test_dir() / "bad"))
    if (e.path().extension() == ".toml") {
      const std::string text = read_file(e.path());
      const std::string first = text.substr(0, text.find('\n'));
      const std::string prefix = "# expect: ";
      out.push_back({e.path(), first.starts_with(prefix) ? first.substr(prefix.size()) : ""});
    }
  std::sort(out.begin(), out.end(),
            [](const Expectation& a, const Expectation& b) { return a.file < b.file; });
  return out;
}
}  // namespace

TEST_CASE("scenario bad files: each reports the message its first line names", "[scenario]") {
  const auto files = corpus();
  REQUIRE(files.size() >= 25);
  for (const auto& [file, expected] : files) {
    DYNAMIC_SECTION(file.filename().string()) {
      REQUIRE_FALSE(expected.empty());  // the first line must say what is expected
      std::vector<Diagnostic> diags;
      try {
        hukou::scenario::load_file(file);
      } catch (const ScenarioError& e) {
        diags = e.diagnostics();
      }
      INFO(dump(diags));
      REQUIRE(diags.size() == 1);
      CHECK(diags[0].file == file.string());
      CHECK_THAT(diags[0].str(), Catch::StartsWith(file.string() + ":" + expected));
    }
  }
}

TEST_CASE("scenario bad files: spot checks of line and column and key", "[scenario]") {
  // A few spot checks that the data-driven test above checks what it claims.
  const std::vector<std::tuple<std::string, int, int, std::string>> spot{
      {"unknown_param.toml", 17, 1, "demography.gompertz_levl_male"},
      {"channel_bad_condition.toml", 19, 31, "channels.relocation.condition"},
      {"duplicate_zone.toml", 17, 8, "zones[2].name"},
      {"missing_name.toml", 1, 1, "name"},
  };
  for (const auto& [name, line, column, key] : spot) {
    const fs::path file = test_dir() / "bad" / name;
    std::vector<Diagnostic> diags;
    try {
      hukou::scenario::load_file(file);
    } catch (const ScenarioError& e) {
      diags = e.diagnostics();
    }
    INFO(name << "\n" << dump(diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].line == line);
    CHECK(diags[0].column == column);
    CHECK(diags[0].key == key);
  }
}
