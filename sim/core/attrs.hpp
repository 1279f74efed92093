// Tests households against conditions: fills the facts that conditions read
// (attributes.hpp, compiled_condition.hpp) from agent state, household part once,
// then each adult member in turn.
#pragma once
#include <cstdint>

#include "compiled_condition.hpp"
#include "world.hpp"

namespace hukou {

// True if the condition holds for at least one adult member (household facts
// shared). `settled_override`: evaluate as if the household had settled (-1: as is).
bool admits(const World& w, const CompiledCondition& cond, std::uint32_t h, int settled_override = -1);

// Whether the condition admits the household as it is not settled and as if it
// had settled, from one pass over its members.
struct AdmitsBoth {
  bool unsettled = false, settled = false;
};
AdmitsBoth admits_unsettled_and_settled(const World& w, const CompiledCondition& cond, std::uint32_t h);

// For a household without hukou: admits_unsettled_and_settled(w, w.rules.public_rental, h)
// and admitting_channels(w, h), with the facts filled once per adult for both
// (housing takes both in one sweep), and tested at once where they pool into one
// table (Rules::settle_and_rental).
struct RentalAndChannels {
  AdmitsBoth rental;
  std::uint32_t channels = 0;
};
RentalAndChannels rental_and_channels(const World& w, std::uint32_t h);

// Bit k set if channel k, of the given kind, is open by choice in the household's
// zone and admits it. Facts are filled once per member and every channel tested on them.
std::uint32_t admitting_channels(const World& w, std::uint32_t h, ChannelKind kind = ChannelKind::settle);

}  // namespace hukou
