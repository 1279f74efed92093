// How big a run is before it starts: the agents the base year will have and the
// memory a replicate needs, so that a run of no agents (nothing to simulate: every
// rate would be 0/0) or of more than fits is refused before simulating.
#pragma once
#include <cstddef>

#include "scenario.hpp"

namespace hukou {

// Agents the base year is expected to have: every zone's rural-origin persons
// (village, town and migrants from outside) over the scale (synth.cpp rounds each
// stochastically, so the expectation is this sum).
double expected_agents(const Scenario& sc);

// At least this many agents: each zone's count is rounded stochastically, so a
// scenario of a few expected agents can draw none at all (and report rates of
// 0/0); with fewer than 100 a run shows nothing but sampling noise anyway.
inline constexpr double kMinAgents = 100.0;

// At most this many agents: person and household indices are 32-bit
// (population.hpp), and the population grows over the horizon and keeps room
// to grow (room_to_grow), so the base year keeps well below 2^32.
inline constexpr double kMaxAgents = 1.0e9;

// Peak bytes of `live` replicates simulated at once: kBytesPerAgent per
// expected agent, with kGrowth for the population's growth over the horizon.
// Peak RSS measured at 20 M agents on 1 thread is about 70 bytes per agent
// (memory_policy.hpp): the estimate is deliberately above it.
inline constexpr double kBytesPerAgent = 80.0, kGrowth = 1.5;
double estimated_bytes(const Scenario& sc, std::size_t live);

}  // namespace hukou
