// The population balance: for every zone, the change in resident agents and in
// registered agents from one period's end to the next equals births - deaths +
// moves in - moves out as counted when they happened, and the agent total changes
// by exactly what was added and removed. Checked after every period; a violation
// is a bug in a process, never bad input, and stops the run.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "counters.hpp"

namespace hukou {

class BalanceError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

struct BalanceSnapshot {
  std::vector<std::int64_t> residents, registered;
  std::int64_t agents = 0;
};

// Stocks counted by accounting() in the counters' stock slots.
BalanceSnapshot snapshot(const Counters& c);

// Throws BalanceError naming the zone, the year and the numbers.
void check_balance(const BalanceSnapshot& before, const BalanceSnapshot& after, const Counters& flows, int year);

}  // namespace hukou
