// Settlements by channel, each option against the baseline (`hukou compare`): which
// of the document's channels an option moves people through. Channels are shown as
// their documents name them, the code identifier beside (observations.hpp's
// channel_label), and paired as compare.hpp pairs every indicator.
#pragma once
#include <string>
#include <vector>

#include "output/hdf5_reader.hpp"
#include "output/table.hpp"

namespace hukou::evaluate {

// Rows: option (labels[k]), channel (labels by position in the runs' channels:
// `channel_labels`, else the identifiers), year, baseline, what_if (persons settled
// through the channel from the base year to `year`, summed over zones, mean over
// replicates), difference, diff_lo, diff_hi (mean paired difference and its `level`
// confidence interval). Throws EvaluationError if an option cannot be paired or has
// other channels.
output::Table channel_settlements(const output::RunFile& base, const std::vector<const output::RunFile*>& options,
                                  const std::vector<std::string>& labels,
                                  const std::vector<std::string>& channel_labels, int year, double level = 0.90);

}  // namespace hukou::evaluate
