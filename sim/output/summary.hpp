// The summary a person reads after a run: per year, registered and resident
// urbanization rates, settlers by channel, returns; then the scenario's targets
// against the simulated values. Plain text, fixed-width columns.
#pragma once
#include <ostream>
#include <vector>

#include "core/results.hpp"
#include "core/scenario.hpp"

namespace hukou::output {

// With several runs, values are means across them, and rates carry the bands where
// the central 50% and 90% of runs lie. `draws` > 0: the runs are a posterior run's
// draws x replicates (RunMetadata::draws), so the bands include parameter
// uncertainty as well as the seeds'; else they are replicates, seeds only.
void print_summary(std::ostream& os, const Scenario& sc, const std::vector<RunResult>& replicates,
                   std::size_t draws = 0);

// Which uncertainty a run's spread includes, as the summary, evaluate and the report say it.
const char* uncertainty_of(std::size_t draws);

// Total over zones of a PZ series, or of a PZC series' third index, in one period.
double zone_total(const RunResult& r, Series s, std::size_t period, std::size_t third = 0);

}  // namespace hukou::output
