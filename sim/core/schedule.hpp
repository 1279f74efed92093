// The period as data: the nine processes (docs/model.md) in their order, grouped
// into sweeps over the households. Each line is one sweep, timed as its phase;
// the steps of a sweep visit the households in one loop (sweep.hpp), each
// household's steps in the order written. A step is one process's rule, in
// processes/<name>.hpp (what a step is: step.hpp).
//
// Why share sweeps: steps in sweeps of their own were each bound by loading the
// same household and member fields and by the same branches (in town, age), not
// by their own arithmetic. A sweep of several steps gives the same result as the
// same steps one after another, each over every household, because
// - a step's work on a household reads and writes only that household and its
//   members, besides what was fixed before the sweep and its own tallies (integer
//   counts, summed in any order). So the households may be visited in any order
//   and the steps interleaved between them, as long as each household meets the
//   steps in their order: the same argument that makes a run's result independent
//   of the number of threads (parallel.hpp);
// - the member() parts of a sweep run in one loop over the members after every
//   step's household() part, each member through the steps in their order. That
//   keeps each member's order, member() touching only its member; and a step's
//   household() reads nothing an earlier step's member() writes: permits' reads
//   the household's place and hukou, which the years in town and jobs leave;
// - every step's per-period setup (its constructor) runs before the loop, so it
//   reads nothing the earlier steps of its sweep write: those of jobs, permits and
//   eligibility read parameters and the number of households, which housing keeps;
// - finish() parts run after the loop, in order. Households a finish() appends
//   (moves' inflow) go through the later steps of the sweep before they finish, as
//   they would in sweeps of their own. What a finish() changes is read by no later
//   step's household(), except that housing's allocation houses some households
//   in public rental, a tenure eligibility reads: eligibility takes those again in
//   its finish().
//
// Permits come after housing in the model's order (5 after 4). They read nothing
// housing writes (tenure, years waiting), and housing reads what they write only
// through the public-rental condition. So when that condition reads no permit,
// permits may run before housing, in the town sweep, and then nothing that
// eligibility reads changes between housing and eligibility but the tenure above:
// eligibility joins housing's sweep, and housing hands it the channels it found
// with the rental condition from the same facts (Visit). Otherwise both run in
// sweeps of their own after housing, in the model's order. Either way housing knows
// where permits ran (Layout): it takes the decision's public-rental term only when
// they ran before it.
//
// tests/core/test_schedule.cpp runs this schedule against OneSweepEach (below) and
// shows that a wrong fusion changes the results; tests/scenario/test_schedule.cpp
// does so on every shipped scenario.
#pragma once
#include "processes/accounting.hpp"
#include "processes/decision.hpp"
#include "processes/demography.hpp"
#include "processes/eligibility.hpp"
#include "processes/events.hpp"
#include "processes/housing.hpp"
#include "processes/jobs.hpp"
#include "processes/moves.hpp"
#include "processes/permits.hpp"
#include "sweep.hpp"

namespace hukou {

template <bool permits_before_housing>
using PeriodSchedule = Schedule<
    Sweep<Phase::demography, Demography>,
    Sweep<Phase::town, Moves, Jobs, If<permits_before_housing, Permits>>,
    Sweep<Phase::housing, Housing, If<permits_before_housing, Eligibility>>,
    Sweep<Phase::permits, If<!permits_before_housing, Permits>>,
    Sweep<Phase::eligibility, If<!permits_before_housing, Eligibility>>,
    Sweep<Phase::decision, Decision>,
    Sweep<Phase::events, Events>,
    Sweep<Phase::accounting, Accounting>>;

// The definition the schedule above must reproduce: the nine processes one after
// another, in the model's order, each in a sweep of its own (tests).
using OneSweepEach = Schedule<
    Sweep<Phase::demography, Demography>, Sweep<Phase::town, Moves>, Sweep<Phase::town, Jobs>,
    Sweep<Phase::housing, Housing>, Sweep<Phase::permits, Permits>, Sweep<Phase::eligibility, Eligibility>,
    Sweep<Phase::decision, Decision>, Sweep<Phase::events, Events>, Sweep<Phase::accounting, Accounting>>;

// The base year: eligibility (school places and peer shares for the first
// decisions) and accounting.
using BaseYearSchedule = Schedule<Sweep<Phase::eligibility, Eligibility>, Sweep<Phase::accounting, Accounting>>;

// Whether permits may run before housing: the public-rental condition reads no permit.
bool permits_may_run_before_housing(const Rules& rules);

// One period by PeriodSchedule<permits_may_run_before_housing(w.rules)>, its phases
// timed into `seconds`; the base year by BaseYearSchedule.
void run_period(World& w, const HouseholdFactory& factory, RunResult& out, PhaseSeconds& seconds);
void run_base_year(World& w, const HouseholdFactory& factory, RunResult& out);

}  // namespace hukou
