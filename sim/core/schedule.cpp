#include "schedule.hpp"

#include "attributes.hpp"

namespace hukou {

bool permits_may_run_before_housing(const Rules& rules) {
  return !(rules.public_rental.reads() & (attr_bit(Attr::permit) | attr_bit(Attr::permit_years)));
}

void run_period(World& w, const HouseholdFactory& factory, RunResult& out, PhaseSeconds& seconds) {
  if (permits_may_run_before_housing(w.rules)) run_schedule<PeriodSchedule<true>>(w, factory, out, seconds);
  else run_schedule<PeriodSchedule<false>>(w, factory, out, seconds);
}

void run_base_year(World& w, const HouseholdFactory& factory, RunResult& out) {
  PhaseSeconds untimed{};  // the bench times the periods only
  run_schedule<BaseYearSchedule>(w, factory, out, untimed);
}

}  // namespace hukou
