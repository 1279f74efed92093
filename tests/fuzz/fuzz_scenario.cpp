// Fuzz target: any bytes as a scenario file. A ScenarioError (bad input, with its
// diagnostics) is the only way out besides a valid Scenario; anything else (another
// exception, a crash, a sanitizer report, a hang) is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scenario/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    hukou::scenario::parse(text, "fuzz.toml");
  } catch (const hukou::scenario::ScenarioError&) {
  }
  return 0;
}
