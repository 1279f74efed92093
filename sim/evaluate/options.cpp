#include "options.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "core/stats.hpp"
#include "evaluate/compare.hpp"

namespace hukou::evaluate {

namespace {
constexpr const char* kPublicPayments[] = {"public_service_cost", "purchase_subsidy_paid",
                                           "rights_exit_compensation_paid"};

Eigen::VectorXd to_date(const output::RunFile& f, const std::vector<std::string>& series, const std::string& zone,
                        int year) {
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(f.replicates.size()));
  for (int y : f.replicates.front().years)
    if (y <= year)
      for (const auto& s : series) sum += values(f, {s, zone}, y);
  return sum;
}

// An output series, or a derived indicator summed to date.
Eigen::VectorXd option_values(const output::RunFile& f, const Indicator& ind, int year) {
  if (ind.variable == kSettledToDate) return to_date(f, {"settlements"}, ind.zone, year);
  if (ind.variable == kPublicCostToDate)
    return to_date(f, std::vector<std::string>(std::begin(kPublicPayments), std::end(kPublicPayments)), ind.zone, year);
  return values(f, ind, year);
}

std::string option_units(const std::string& variable) {
  if (variable == kSettledToDate) return "persons";
  if (variable == kPublicCostToDate) return "yuan";
  if (variable == kCostPerSettler) return "yuan/person";
  return units_of(variable);
}

// Zones whose settings an option changes, where it changes some zones but not all.
std::vector<std::string> changed_zones(const output::RunFile& base, const output::RunFile& opt) {
  const auto& zones = base.replicates.front().zones;
  std::set<std::string> hit;
  for (const auto& c : opt.meta.changes)
    for (const auto& z : zones)
      if (c.setting.starts_with("zones." + z + ".")) hit.insert(z);
  if (hit.size() == zones.size()) return {};
  std::vector<std::string> out;
  for (const auto& z : zones)
    if (hit.count(z)) out.push_back(z);
  return out;
}

void add_unique(std::vector<Indicator>& v, const Indicator& i) {
  if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
}
}  // namespace

std::vector<int> default_years(const output::RunFile& base) {
  const auto& years = base.replicates.front().years;
  std::set<int> out{years.back()};
  for (const auto& t : base.meta.targets)
    if (std::find(years.begin(), years.end(), t.year) != years.end()) out.insert(t.year);
  return {out.begin(), out.end()};
}

std::vector<Indicator> option_indicators(const output::RunFile& base, const std::vector<const output::RunFile*>& options) {
  std::vector<Indicator> v = default_indicators(base);
  for (const char* d : {kSettledToDate, kPublicCostToDate, kCostPerSettler}) add_unique(v, {d, ""});
  for (const auto* o : options)
    for (const auto& z : changed_zones(base, *o)) {
      add_unique(v, {"registered_urbanization_rate_zone", z});
      for (const char* d : {kSettledToDate, kPublicCostToDate, kCostPerSettler}) add_unique(v, {d, z});
    }
  return v;
}

output::Table compare_options(const output::RunFile& base, const std::vector<const output::RunFile*>& options,
                              const std::vector<std::string>& labels, const std::vector<Indicator>& inds,
                              const std::vector<int>& years, double level) {
  const int pct = static_cast<int>(level * 100 + 0.5);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  output::Table t;
  t.columns = {{"option", "", "the policy option (its run's title)"},
               {"indicator", "", "output variable or derived indicator (and zone)"},
               {"year", "", "calendar year"},
               {"baseline", "", "baseline mean over replicates"},
               {"what_if", "", "the option's mean over replicates"},
               {"difference", "", "mean paired difference (option - baseline); for cost_per_additional_settler, "
                                  "the extra public cost to date over the extra settlers to date"},
               {"diff_lo", "", std::to_string(pct) + "% confidence interval of the mean difference, lower"},
               {"diff_hi", "", std::to_string(pct) + "% confidence interval of the mean difference, upper"}};
  for (auto& c : effect_columns(level)) t.columns.push_back(std::move(c));
  t.columns.push_back({"units", "", "units of the values (1: a fraction)"});
  for (std::size_t k = 0; k < options.size(); ++k) {
    const output::RunFile& opt = *options[k];
    check_pairable(base, opt);
    for (const Indicator& ind : inds) {
      const std::string label = ind.label();
      for (int year : years) {
        if (ind.variable == kCostPerSettler) {
          const double cost = stats::mean(option_values(opt, {kPublicCostToDate, ind.zone}, year) -
                                          option_values(base, {kPublicCostToDate, ind.zone}, year));
          const double settled = stats::mean(option_values(opt, {kSettledToDate, ind.zone}, year) -
                                             option_values(base, {kSettledToDate, ind.zone}, year));
          t.add({labels.at(k), label, static_cast<long long>(year), nan, nan, settled > 0 ? cost / settled : nan, nan,
                 nan, nan, nan, nan, option_units(ind.variable)});
          continue;
        }
        const Eigen::VectorXd b = option_values(base, ind, year), w = option_values(opt, ind, year);
        const Eigen::VectorXd d = w - b;
        const auto ci = stats::mean_interval(d, level);
        const auto spread = stats::spread(d, level);
        t.add({labels.at(k), label, static_cast<long long>(year), stats::mean(b), stats::mean(w), stats::mean(d), ci.lo,
               ci.hi, stats::quantile(d, 0.5), spread.lo, spread.hi, option_units(ind.variable)});
      }
    }
  }
  return t;
}

}  // namespace hukou::evaluate
