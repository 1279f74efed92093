#include "channels.hpp"

#include "core/stats.hpp"
#include "evaluate/compare.hpp"
#include "evaluate/indicators.hpp"

namespace hukou::evaluate {

namespace {
// Persons settled through channel `c` from the base year to `year`, per replicate.
Eigen::VectorXd settled_to_date(const output::RunFile& f, std::size_t c, int year) {
  Eigen::VectorXd v = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(f.replicates.size()));
  for (std::size_t k = 0; k < f.replicates.size(); ++k) {
    const RunResult& r = f.replicates[k];
    for (std::size_t p = 0; p < r.years.size() && r.years[p] <= year; ++p)
      for (std::size_t z = 0; z < r.zones.size(); ++z)
        v(static_cast<Eigen::Index>(k)) += r.at(Series::settlements, p, z, c);
  }
  return v;
}
}  // namespace

output::Table channel_settlements(const output::RunFile& base, const std::vector<const output::RunFile*>& options,
                                  const std::vector<std::string>& labels,
                                  const std::vector<std::string>& channel_labels, int year, double level) {
  const int pct = static_cast<int>(level * 100 + 0.5);
  output::Table t;
  t.columns = {{"option", "", "the policy option"},
               {"channel_name", "", "settlement channel, as its document names it (code identifier in brackets)"},
               {"year", "", "settled from the base year to this year"},
               {"baseline", "persons", "baseline mean over replicates"},
               {"what_if", "persons", "the option's mean over replicates"},
               {"difference", "persons", "mean paired difference (option - baseline)"},
               {"diff_lo", "persons", std::to_string(pct) + "% confidence interval of the mean difference, lower"},
               {"diff_hi", "persons", std::to_string(pct) + "% confidence interval of the mean difference, upper"}};
  const auto& channels = base.replicates.front().channels;
  for (std::size_t k = 0; k < options.size(); ++k) {
    const output::RunFile& opt = *options[k];
    check_pairable(base, opt);
    if (opt.replicates.front().channels != channels)
      throw EvaluationError("cannot compare " + base.path.string() + " and " + opt.path.string() +
                            " by channel: their channels differ");
    for (std::size_t c = 0; c < channels.size(); ++c) {
      const Eigen::VectorXd b = settled_to_date(base, c, year), w = settled_to_date(opt, c, year);
      const Eigen::VectorXd d = w - b;
      const auto ci = stats::mean_interval(d, level);
      const std::string name = c < channel_labels.size() ? channel_labels[c] : channels[c];
      t.add({labels.at(k), name, static_cast<long long>(year), stats::mean(b), stats::mean(w), stats::mean(d), ci.lo,
             ci.hi});
    }
  }
  return t;
}

}  // namespace hukou::evaluate
