// Several policy options against one baseline (`hukou compare BASE OPT1 OPT2 ...`,
// the report with several --compare): per option, indicator and year, both means
// and the mean paired difference with its confidence interval (compare.hpp), at
// the baseline's target years and the horizon; and what each option costs the
// public purse per additional settler.
//
// Derived indicators, summed from the base year to the year evaluated:
//   settlements_to_date   persons settled (settlements)
//   public_cost_to_date   yuan paid by the public purse: public_service_cost (市民化成本),
//                         purchase_subsidy_paid and rights_exit_compensation_paid, the
//                         model's three public payments (outputs.def)
//   cost_per_additional_settler  difference row only: the option's extra public cost to
//                         date over its extra settlers to date (ratio of the mean paired
//                         differences; n/a unless the option adds settlers), yuan/person.
#pragma once
#include <string>
#include <vector>

#include "evaluate/indicators.hpp"
#include "output/table.hpp"

namespace hukou::evaluate {

inline constexpr const char* kSettledToDate = "settlements_to_date";
inline constexpr const char* kPublicCostToDate = "public_cost_to_date";
inline constexpr const char* kCostPerSettler = "cost_per_additional_settler";

// The baseline's target years within its period, and its last year.
std::vector<int> default_years(const output::RunFile& base);

// The default indicators (default_indicators, settlements and public cost to date
// and the cost per additional settler), and per zone the same where an option
// changes settings of some zones but not of all (its recorded `changes`).
std::vector<Indicator> option_indicators(const output::RunFile& base, const std::vector<const output::RunFile*>& options);

// Rows: option (labels[i]), indicator, year, baseline, what_if, difference, diff_lo,
// diff_hi, units. Throws EvaluationError if an option cannot be paired with the baseline.
output::Table compare_options(const output::RunFile& base, const std::vector<const output::RunFile*>& options,
                              const std::vector<std::string>& labels, const std::vector<Indicator>& inds,
                              const std::vector<int>& years, double level = 0.90);

}  // namespace hukou::evaluate
