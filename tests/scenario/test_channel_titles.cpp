// Every channel of the six built-in scenarios carries its document's name (`title`,
// keys.def), shown beside the identifier by compare, evaluate and the report.
#include <catch2/catch.hpp>

#include "helpers.hpp"

namespace {
// Whether `s` (UTF-8) holds a CJK unified ideograph, U+4E00..U+9FFF: lead bytes E4..E9.
bool has_han(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0xE4 && c <= 0xE9) return true;
  return false;
}
}  // namespace

TEST_CASE("channel titles: every channel of the shipped scenarios has a Chinese title", "[scenario]") {
  std::size_t channels = 0;
  for (const auto& f : scenario_test::scenario_files(scenario_test::scenarios_dir())) {
    const hukou::Scenario sc = hukou::scenario::load_file(f);
    for (const auto& c : sc.channels) {
      CAPTURE(f.filename().string(), c.name, c.title);
      CHECK(!c.title.empty());
      CHECK(has_han(c.title));  // as the documents write it, not an English gloss
      CHECK(c.title.find('\n') == std::string::npos);
      ++channels;
    }
  }
  CHECK(channels == 31);  // dandong 5, liaocheng 9, national 5, qiannan 3, shaoxing 4, taiyuan 5
}
