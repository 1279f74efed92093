// Changes of a household's place or hukou, each recorded in the counters so the
// population balance can be checked. Every process that moves or settles people
// goes through these, never around them.
#pragma once
#include <cstdint>

#include "world.hpp"

namespace hukou {

// Settle every member (all settle with the applicant: spouse, children, parents).
// count_as_settlement: false for in-situ reclassification, which the documents do
// not count as settlement (Qiannan appendix 1).
void settle(World& w, Counters& c, std::uint32_t h, std::uint8_t channel, bool count_as_settlement);

// Return to the origin: the village for local households, outside for others.
void send_home(World& w, Counters& c, std::uint32_t h);

// A settled household of local origin moves back to its village and re-registers
// its hukou there (a return channel, Liaocheng 三(二)).
void return_with_hukou(World& w, Counters& c, std::uint32_t h);

// A village household moves to a town; members under 15 or over 60 stay behind
// unless the whole family moves, and members away stay away.
void move_to_town(World& w, Counters& c, std::uint32_t h, std::uint8_t zone, bool whole_family);

// Household h leaves the prefecture (processes/migration.hpp): its members living
// here go away, except, unless the whole family goes, children under 15 and members
// over 60; a household in town gives up its town home, and those who stay live in
// its village.
void leave_prefecture(World& w, Counters& c, std::uint32_t h, bool whole_family);

// Member i of h, away, comes back: to the village of h's origin.
void come_back(World& w, Counters& c, std::uint32_t h, std::uint32_t i);

// Member i of h, away, moves the hukou out of the prefecture: flagged dead (dropped
// at compaction), counted as a registration out, not a death.
void move_hukou_out(World& w, Counters& c, std::uint32_t h, std::uint32_t i);

// Record a new household just appended to the population (an inflow).
void record_arrival(const World& w, Counters& c, std::uint32_t h);

// The settlement groups a person belongs to, as a bitmask over group_names().
std::uint32_t groups_of(const World& w, std::uint32_t person);

}  // namespace hukou
