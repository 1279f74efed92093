// Paired comparison of a baseline and a what-if run with the same seeds: per
// indicator and year, both means and the mean paired difference with its 90%
// confidence interval across replicates. Because both runs draw the same random
// numbers for every agent the policy leaves alone (common random numbers), the
// difference measures the policy, not noise; a file compared with itself gives 0.
#pragma once
#include <vector>

#include "evaluate/indicators.hpp"
#include "output/table.hpp"

namespace hukou::evaluate {

// Throws EvaluationError if the files cannot be paired: other years, zones,
// replicate count or seeds, or another base-year population.
void check_pairable(const output::RunFile& base, const output::RunFile& whatif);

// The columns of the paired effect's median and central `level` share over runs (of
// draws x replicates, for a posterior run), after the mean difference's.
std::vector<output::Column> effect_columns(double level);

// Indicators to compare by default: the registered and resident urbanization rates,
// total settlements, and every target of the baseline.
std::vector<Indicator> default_indicators(const output::RunFile& base);

output::Table compare(const output::RunFile& base, const output::RunFile& whatif, const std::vector<Indicator>& inds,
                      double level = 0.90);

}  // namespace hukou::evaluate
