// The summary a person reads after a run: per year, registered and resident
// urbanization rates, settlers by channel, returns; then the scenario's targets
// against the simulated values. Plain text, fixed-width columns.
#pragma once
#include <ostream>
#include <vector>

#include "core/results.hpp"
#include "core/scenario.hpp"

namespace hukou::output {

// With several replicates, values are means across replicates.
void print_summary(std::ostream& os, const Scenario& sc, const std::vector<RunResult>& replicates);

// Total over zones of a PZ series, or of a PZC series' third index, in one period.
double zone_total(const RunResult& r, Series s, std::size_t period, std::size_t third = 0);

}  // namespace hukou::output
