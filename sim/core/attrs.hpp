// Tests a household against a condition: true if it holds for at least one adult
// member, the household's facts shared (facts.hpp). Housing and the decision test
// the public-rental condition with these; eligibility tests the channels with its
// own (processes/eligibility.hpp).
#pragma once
#include <cstdint>

#include "compiled_condition.hpp"
#include "world.hpp"

namespace hukou {

// `settled_override`: evaluate as if the household had settled (-1: as is).
bool admits(const World& w, const CompiledCondition& cond, std::uint32_t h, int settled_override = -1);

// Whether the condition admits the household as it is not settled and as if it
// had settled, from one pass over its members.
struct AdmitsBoth {
  bool unsettled = false, settled = false;
};
AdmitsBoth admits_unsettled_and_settled(const World& w, const CompiledCondition& cond, std::uint32_t h);

}  // namespace hukou
