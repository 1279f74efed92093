// A household's decision date and the settlement (or return) channel open on it
// (step 7, processes/decision.cpp). The date is year + a uniform draw; a channel
// is open on [from, until + 1 day) of its effective dates.
#pragma once
#include <cstdint>
#include <vector>

#include "scenario.hpp"

namespace hukou {

// A channel's effective dates as fractional years, [from, until + 1 day): the same
// for every household, so computed once per period instead of per candidate.
struct OpenInterval {
  double from, until;
};
std::vector<OpenInterval> open_intervals(const Scenario& sc);

// The first channel in `bits` (step 6's admitting channels) open on `date`; -1: none.
// The definition: DecisionDates gives the same answer with less work.
int open_channel(const std::vector<OpenInterval>& open, std::uint32_t bits, double date);

// open_channel on a household's decision date, year + uniform(date_bits), looking
// at the date only when it matters. Most channels are open the whole year or not at
// all, so the channel is mostly known from the household's channels alone; then the
// branches that follow on it do not wait for the draw's arithmetic (decision -8 to
// -11 % at 10 M agents, 1 thread). Same result for every input
// (tests/core/test_exact_shortcuts.cpp): the channels open on no possible date are
// dropped (the loop would pass them), and a first remaining channel open on every
// possible date is the loop's answer.
class DecisionDates {
 public:
  DecisionDates(const Scenario& sc, int year) : DecisionDates(open_intervals(sc), year) {}
  DecisionDates(std::vector<OpenInterval> open, int year);
  int channel(std::uint32_t bits, std::uint64_t date_bits) const;

 private:
  std::vector<OpenInterval> open_;
  int year_;
  std::uint32_t always_ = 0, never_ = 0;  // channels open on every possible date, on none
};

}  // namespace hukou
