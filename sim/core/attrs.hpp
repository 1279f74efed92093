// Fills the attribute values that conditions read (attributes.hpp) from agent state.
#pragma once
#include <cstdint>

#include "attributes.hpp"
#include "condition.hpp"
#include "world.hpp"

namespace hukou {

void household_attrs(const World& w, std::uint32_t h, AttrValues& v);
void person_attrs(const World& w, std::uint32_t person, AttrValues& v);

// True if the condition holds for at least one adult member (household attributes
// shared). `settled_override`: evaluate as if the household had settled (-1: as is).
bool admits(const World& w, const Condition& cond, std::uint32_t h, int settled_override = -1);

// Whether the condition admits the household as it is not settled and as if it
// had settled, from one pass over its members.
struct AdmitsBoth {
  bool unsettled = false, settled = false;
};
AdmitsBoth admits_unsettled_and_settled(const World& w, const Condition& cond, std::uint32_t h);

// Bit k set if channel k, of the given kind, is open in the household's zone and
// admits it. Attributes are filled once per member and every channel tested on them.
std::uint32_t admitting_channels(const World& w, std::uint32_t h, ChannelKind kind = ChannelKind::settle);

}  // namespace hukou
