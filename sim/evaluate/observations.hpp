// The evaluator's view: each of the scenario's [[observations]] (the official
// statistics it cites, each with its source) beside the simulated value of the same
// output, zone, channel and year. The scenario is the one the run used, read back
// from the run file (cli/inputs.hpp), so the observations are those of the run.
#pragma once
#include <string>

#include "core/results.hpp"
#include "core/scenario.hpp"
#include "evaluate/indicators.hpp"  // EvaluationError
#include "output/hdf5_reader.hpp"
#include "output/table.hpp"

namespace hukou::evaluate {

// The simulated value of observation `o` in one replicate: the series in `o.year`,
// of its zone (else the prefecture) and channel (else summed over channels). Its
// zone and channel indices are the scenario's, which are the run's. Throws
// EvaluationError for a year the run does not cover.
double simulated_value(const RunResult& r, const Observation& o);

// A channel as its document names it, the code identifier beside it:
// "四类人员落户 (four_groups)"; the code alone for a channel without a title.
std::string channel_label(const Channel& c);

// One row per observation in file order: indicator, zone, channel, year, use,
// simulated (median over replicates), lo and hi (where `level` of them lie),
// observed, ratio (simulated / observed), units, source. A year the run does not
// simulate (before its base year: history for the naive forecasts; after its
// horizon) has n/a simulated values.
output::Table observations_table(const output::RunFile& f, const Scenario& sc, double level = 0.90);

}  // namespace hukou::evaluate
