// The loader never crashes: random bytes, random mutations of a good file, and
// random --set strings give a Scenario or a ScenarioError, nothing else. Run under
// ASan/UBSan (-DHUKOU_SANITIZE=ON) to catch memory errors.
#include <catch2/catch.hpp>

#include <random>

#include "helpers.hpp"

using namespace scenario_test;

namespace {
// Loads, accepting success or a ScenarioError whose diagnostics are well formed.
void must_not_crash(std::string_view text, const std::vector<std::string>& sets = {}) {
  try {
    const hukou::Scenario s = hukou::scenario::parse(text, "fuzz.toml", sets);
    CHECK_FALSE(s.zones.empty());
  } catch (const ScenarioError& e) {
    CHECK_FALSE(e.diagnostics().empty());
    for (const auto& d : e.diagnostics()) {
      CHECK_FALSE(d.message.empty());
      CHECK(d.line >= 0);
      CHECK(d.column >= 0);
    }
  }
}

std::string mutate(std::string s, std::mt19937& rng) {
  const std::string alphabet = "=[]{}\"'.,#\n 0123456789aez_-+:TtfInN\\\x00\xff\xe5";
  const int edits = 1 + static_cast<int>(rng() % 8);
  for (int i = 0; i < edits && !s.empty(); ++i) {
    const std::size_t at = rng() % s.size();
    switch (rng() % 6) {
      case 0: s[at] = static_cast<char>(rng() % 256); break;                   // any byte
      case 1: s[at] = alphabet[rng() % alphabet.size()]; break;               // a TOML byte
      case 2: s.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
      case 3: s.erase(at, 1 + rng() % 16); break;
      case 4: s.insert(at, s.substr(rng() % s.size(), rng() % 64)); break;    // duplicate a chunk
      default: {                                                              // drop a line
        const auto b = s.rfind('\n', at), e = s.find('\n', at);
        if (b != std::string::npos && e != std::string::npos) s.erase(b, e - b);
      }
    }
  }
  return s;
}
}  // namespace

TEST_CASE("scenario fuzz: random bytes never crash the loader", "[scenario][fuzz]") {
  std::mt19937 rng(20180208);
  for (int i = 0; i < 3000; ++i) {
    std::string text(rng() % 300, '\0');
    for (char& c : text) c = static_cast<char>(rng() % 256);
    must_not_crash(text);
  }
}

TEST_CASE("scenario fuzz: mutations of a good file never crash the loader", "[scenario][fuzz]") {
  std::mt19937 rng(42);
  const std::string full = full_text();
  must_not_crash(full);
  for (int i = 0; i < 3000; ++i) must_not_crash(mutate(full, rng));
}

TEST_CASE("scenario fuzz: values of every type in every key of a good file", "[scenario][fuzz]") {
  // Reaches the checks behind the TOML parser: each `key = value` line of a good
  // file may get a value of another type (or another table shape).
  std::mt19937 rng(1);
  const std::vector<std::string> values{
      "1",  "-1", "0", "1.5", "nan", "-inf", "true", "\"x\"", "\"\"", "[]", "[1, \"a\"]", "[[1]]",
      "{}", "{ a = 1 }", "2018-02-08", "08:00:00", "2018-02-08T08:00:00", "\"2018-02-30\"",
      "9223372036854775807", "-9223372036854775808", "[0.2, 0.2, 0.2, 0.2, 0.2]", "\"小店区\""};
  const std::string full = full_text();
  for (int i = 0; i < 2000; ++i) {
    std::string out, line;
    std::istringstream in(full);
    while (std::getline(in, line)) {
      const auto eq = line.find(" = ");
      if (eq != std::string::npos && line[0] != '#' && rng() % 6 == 0)
        line = line.substr(0, eq) + " = " + values[rng() % values.size()];
      out += line + "\n";
    }
    must_not_crash(out);
  }
}

TEST_CASE("scenario fuzz: random --set strings never crash the loader", "[scenario][fuzz]") {
  std::mt19937 rng(7);
  const std::string full = full_text();
  const std::vector<std::string> keys{"seed", "scale", "horizon", "base_year", "demography.gompertz_level_male",
                                      "moves.adult_age", "policy.permit_exam_access",
                                      "population.migrant_edu", "zones.小店区.wage", "zones.x.y",
                                      "zones..", "zones.", "", "name", "a.b.c"};
  const std::vector<std::string> values{"1", "-1", "2.5", "nan", "true", "\"s\"", "[1, 2]",
                                        "[0.2,0.2,0.2,0.2,0.2]", "{a = 1}", "", "[", "1979-05-27",
                                        "1\nx = 2", "9223372036854775807", "0x10", "inf"};
  for (int i = 0; i < 1000; ++i) {
    std::vector<std::string> sets;
    for (unsigned n = rng() % 4; n > 0; --n) {
      std::string set = keys[rng() % keys.size()] + "=" + values[rng() % values.size()];
      if (rng() % 8 == 0) set = mutate(set, rng);
      sets.push_back(set);
    }
    must_not_crash(rng() % 4 == 0 ? mutate(full, rng) : full, sets);
  }
}
