// The scenario's conditions compiled once per run (compiled_condition.hpp), with
// what the per-household tests need to know up front: which channels each zone
// opens by choice, per kind, and which attributes any condition reads.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "channel_set.hpp"
#include "compiled_condition.hpp"
#include "scenario.hpp"

namespace hukou {

struct Rules {
  std::vector<CompiledCondition> channel;  // per channel, in the scenario's order
  CompiledCondition public_rental;
  // [kind][zone]: bit k set if channel k (k < 32) of that kind is open there by
  // choice (not events_only).
  std::array<std::vector<std::uint32_t>, 2> candidates;
  // [kind]: every channel of that kind open by choice somewhere, tested at once.
  std::array<ChannelSet, 2> sets;
  std::uint64_t reads = 0;  // attributes read by any condition (attr_bit)
  // The settlement channels with the public rental condition as it is for a
  // household without hukou (member rental_unsettled) and as if it had settled
  // (rental_unsettled + 1), tested at once: housing asks all three of each adult
  // of such a household (attrs.hpp, rental_and_channels). Used only if pooled().
  ChannelSet settle_and_rental;
  std::size_t rental_unsettled = 0;
};

Rules compile_rules(const Scenario& sc);

}  // namespace hukou
