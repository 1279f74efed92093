// The one unit convention for people reading results, shared by the command line's
// tables and the HTML report (analysis/hukou_analysis/units.py follows it; a test
// checks both on the same values): rates in percent with two decimals, a
// difference of rates in percentage points (pp) to three significant digits, never
// rounded to zero ("+<0.001 pp" below a thousandth), counts and yuan as whole
// numbers with thousands separators. CSV and stored tables keep the values
// themselves (rates as fractions, units "1").
#pragma once
#include <string>
#include <vector>

#include "output/table.hpp"

namespace hukou::output {

std::string percent(double fraction);  // 0.80934 -> "80.93%"
std::string pp(double difference);     // 0.0123456 -> "+1.23 pp"; 9.28e-07 -> "+<0.001 pp"
// A size that has no sign (a mean absolute error) in pp: 0.008 -> "0.8 pp"; 9.28e-07 -> "<0.001 pp".
std::string pp_magnitude(double size);
std::string whole(double v, bool sign = false);  // 1234567.4 -> "1,234,567" ("+1,234,567" with sign)

// A copy of `t` for reading: in each row, the `levels` columns as percent and the
// `differences` columns as pp where the row's `units_column` (else the column's own
// units) says "1" (a rate), else
// as whole numbers (differences signed). The `magnitudes` columns are sizes of
// differences (a mean absolute error): in pp or whole numbers, without a sign.
// Formatted columns are right-aligned text.
Table for_reading(const Table& t, const std::vector<std::string>& levels, const std::vector<std::string>& differences,
                  const std::string& units_column = "units", const std::vector<std::string>& magnitudes = {});

}  // namespace hukou::output
