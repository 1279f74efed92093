// The keys of the scenario file's own tables come from scenario/keys.def: every
// declared key is accepted where declared, and a misspelt one is refused with
// "did you mean" that key, at its line, in every table.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "scenario/format.hpp"

using namespace scenario_test;

namespace {
// `text` with line `line` put right after the first header of `table` (top level:
// at the start; a table full.toml lacks: appended with it).
std::string with_line(std::string text, std::string_view table, const std::string& line) {
  if (table.empty()) return line + "\n" + text;
  if (table == "calibration.priors")  // a prior's keys live in its inline table
    return text + "\n[calibration]\ncutoff = 2017\n[calibration.priors]\n\"decision.asc_settle\" = { dist = \"uniform\", a = -5, b = 0, source = \"s\", " +
           line + " }\n";
  const bool array = table != "public_rental" && table != "county_score" && table != "calibration";
  const std::string header = (array ? "[[" : "[") + std::string(table) + (array ? "]]" : "]") + "\n";
  const auto at = text.find(header);
  if (at == std::string::npos) return text + "\n" + header + line + "\n";
  return text.insert(at + header.size(), line + "\n");
}
}  // namespace

TEST_CASE("every key of keys.def is known, and a misspelling suggests it", "[scenario]") {
  const std::string full = full_text();
  REQUIRE(diagnostics_of(full).empty());
  std::size_t checked = 0;
  for (const auto& k : hukou::scenario::table_key_registry()) {
    const std::string wrong = std::string(k.key) + "q";
    CAPTURE(k.table, k.key);
    const auto d = diagnostics_of(with_line(full, k.table, wrong + " = 1"));
    const bool found = std::any_of(d.begin(), d.end(), [&](const Diagnostic& x) {
      return x.message.find("unknown key '" + wrong + "'") != std::string::npos &&
             x.message.find("did you mean '" + std::string(k.key) + "'?") != std::string::npos && x.line > 0;
    });
    INFO(dump(d));
    CHECK(found);
    ++checked;
  }
  CHECK(checked == hukou::scenario::table_key_registry().size());
  CHECK(hukou::scenario::table_keys("events").size() == 7);
}

TEST_CASE("keys.def bounds are the readers' bounds", "[scenario]") {
  const auto& share = hukou::scenario::table_key("events", "share");
  CHECK(share.lo == 0.0);
  CHECK(share.hi == 1.0);
  const auto d = diagnostics_of(full_text(), "test.toml", {"horizon=10000"});
  CHECK(dump(d).find("must be in [1000, 9999] (year)") != std::string::npos);
  CHECK_THROWS_AS(hukou::scenario::table_key("events", "nope"), std::logic_error);
}
