// Households in order of size (members), each household's persons still adjacent
// and in their order. The base population is ordered once, as its blocks are
// joined (join_by_size), and each year's inflow from outside as it is appended
// (append_by_size, processes/moves.cpp: all zones' newcomers together); deaths and births then
// change some sizes, so the order decays: the share of households smaller than the
// one before them (size_descents) grows from 0 to 0.16 over Taiyuan's 8 periods,
// against 0.38 in the order households are made.
//
// Why: nearly every sweep loops over each household's members, and a loop whose
// count changes from one household to the next ends in a mispredicted branch about
// once a household; in order of size the count repeats for long stretches, and the
// branch is predicted. Not reordered during a run: a reorder moves every array
// twice, and even done every fourth period it cost more than it gained.
//
// Why it cannot change results: every draw is keyed by a person's or household's
// id, never by its index; tallies are integer sums; the public-rental selection's
// order is total over the households' drawn tie-breaks, distinct for distinct ids
// (processes/housing.cpp); and each household's members keep their order (the head first).
// tests/scenario/test_household_order.cpp runs every shipped scenario and what-if
// with and without ordering and requires every output to be bitwise equal.
#pragma once
#include "population.hpp"

namespace hukou {

// Share of households (from the second) with fewer members than the household
// before them: 0 when in order of size.
double size_descents(const Population& pop);

// Reorders the households by members, stably (equal sizes keep their order), with
// their persons; their first members' indices (Households::first) follow. The
// simulator no longer calls it (the base population and each inflow are placed in
// order as they are joined, below); it stays as the plain definition that the tests
// hold join_by_size and append_by_size to.
void order_by_size(Population& pop);

// The blocks' households appended to pop's, the appended ones in order of size:
// the same arrays as append() of the blocks joined and ordered by size
// (order_by_size of their join alone; pop's own households stay as they are), but
// each element is copied once, straight to its place. The arrays grow to
// room_to_grow if they lack the room, and each block's arrays are freed once
// copied, as in append().
void append_by_size(Population& pop, std::vector<Population> blocks);

// The blocks joined, in their order, and then ordered by size: append_by_size into
// an empty population. Used for the base population, where the ordering's copy of
// every array and its list of runs were the build's memory peak (freed memory
// stays with the process: cli/memory_policy.hpp).
Population join_by_size(std::vector<Population> blocks);

}  // namespace hukou
