// The nine processes of one period, in the order they run (design/model.md).
// Each is documented in docs/model.md and lives in processes/<name>.cpp; moves,
// jobs and permits run in one sweep (processes/town_pass.cpp).
#pragma once
#include "household_factory.hpp"
#include "results.hpp"
#include "world.hpp"

namespace hukou {

void demography(World& w);                                // 1. ageing, deaths, births; urban stock growth
void compact(World& w);  //    drops the dead, adds the newborns (sizes from demography in pop.scratch)
// 2. village -> town, inflow from outside; 3. jobs: finding, losing, formalising,
// wages, training; and 5. residence-permit take-up if with_permits: one sweep
// (steps.hpp).
void town_pass(World& w, const HouseholdFactory& factory, bool with_permits);
// 4. buying (with subsidy), leases, public rental; with_eligibility: and 6.'s
// per-household part, in the same sweep (only when permits ran before housing).
void housing(World& w, bool with_eligibility);
void permits(World& w);  // 5. on its own, after housing, when permits_join_town_pass is false
void eligibility(World& w);                               // 6. channels that admit each household; school access; peers
void decision(World& w);                                  // 7. settle / stay / return (multinomial logit)
void events(World& w);                                    // 8. reclassification, relocation, workplace registration
void accounting(World& w, RunResult& out);                // 9. outputs for the period; population balance

}  // namespace hukou
