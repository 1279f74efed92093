// Evaluation against the plan's targets (mid-term and final evaluations, e.g.
// Taiyuan 四(三), Dandong (十六)): per target and view, the target value, the
// simulated mean and 90% interval across replicates, the gap, and the share of
// replicates that meet it. Every target is "at least": the documents' 提高到,
// 不低于, 以上.
//
// Views: "final" at the target's year; for levels (rates, stocks), "mid-term" at
// each requested year between the base year and the target's year, against the
// straight path to the target from the plan's own latest earlier target for the same
// indicator and zone, else from the base year's simulated value (on track or not). A
// year in which the plan sets its own target gets that target only (its final view).
#pragma once
#include <vector>

#include "evaluate/indicators.hpp"
#include "output/table.hpp"

namespace hukou::evaluate {

output::Table evaluate_targets(const output::RunFile& f, const std::vector<int>& midterm_years, double level = 0.90);

}  // namespace hukou::evaluate
