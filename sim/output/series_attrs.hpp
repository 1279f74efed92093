// Public: how a run file describes each output series: its kind and dimension
// names as outputs.def declares them, written as attributes of its variable
// (units, long_name, kind, dimensions) so readers need no list of their own.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/results.hpp"

namespace hukou::output {

// "rate", "stock" or "flow".
std::string_view kind_name(Kind k);
// The variable's dimensions in a run file: replicate, period[, zone[, channel|group]].
std::vector<std::string> dimension_names(const SeriesSpec& s);

}  // namespace hukou::output
