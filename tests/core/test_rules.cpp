// The scenario's conditions compiled for the per-household tests (core/rules.hpp):
// which channels each zone offers to the yearly choice, by kind.
#include <catch2/catch.hpp>

#include "core/attributes.hpp"
#include "core/rules.hpp"
#include "fixtures.hpp"

using namespace hukou;

TEST_CASE("rules: candidate channels per zone and kind", "[core][rules]") {
  Scenario sc = test::small_scenario();
  Channel town_only = test::open_channel("town only", 3);
  town_only.zones = {true, false, false};
  town_only.condition = Condition{{{Instr::Op::test, Attr::employed, Cmp::truthy, 0.0f}}, "employed"};
  Channel events = test::open_channel("events only", 3);
  events.events_only = true;
  Channel back = test::open_channel("return", 3);
  back.kind = ChannelKind::return_home;
  back.zones = {false, true, true};
  sc.channels = {sc.channels[0], town_only, events, back};

  const Rules r = compile_rules(sc);
  REQUIRE(r.channel.size() == 4);
  const auto settle = static_cast<std::size_t>(ChannelKind::settle);
  const auto ret = static_cast<std::size_t>(ChannelKind::return_home);
  // Channel 0 everywhere, 1 only in zone 0; 2 is events-only; 3 is a return channel.
  CHECK(r.candidates[settle] == std::vector<std::uint32_t>{0b0011, 0b0001, 0b0001});
  CHECK(r.candidates[ret] == std::vector<std::uint32_t>{0b0000, 0b1000, 0b1000});
  CHECK(r.channel[0].always_true());
  CHECK_FALSE(r.channel[1].always_true());
  CHECK(r.reads == attr_bit(Attr::employed));
  CHECK(r.public_rental.always_true());
}
