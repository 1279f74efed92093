// [[targets]]: the document's quantitative goals, set on any output series: a
// prefecture-wide series, a rate of one zone, or a count of one zone or of the
// whole prefecture (summed over zones, and over channels or groups).
#include "core/results.hpp"
#include "format.hpp"
#include "keys.hpp"
#include "parts.hpp"
#include "toml_reads.hpp"

namespace hukou::scenario::detail {

namespace {
void read_target(ReadContext& ctx, const toml::table& t, std::size_t index, const Names& zones,
                 const Years& years, Scenario& s) {
  hukou::Target g;
  const std::string path = "targets[" + std::to_string(index + 1) + "]";
  check_keys(ctx, t, path, target_keys(), "in [[targets]]");
  const hukou::SeriesSpec* series = nullptr;
  if (auto n = require(ctx, t, "indicator", path, t.source()))
    if ((series = read_indicator(ctx, *n, path + ".indicator"))) g.indicator = series->name;
  if (auto n = require(ctx, t, "year", path, t.source())) {
    if (auto y = read_integer(ctx, *n, path + ".year", static_cast<std::int64_t>(table_key("targets", "year").lo),
                                  static_cast<std::int64_t>(table_key("targets", "year").hi))) {
      g.year = static_cast<int>(*y);
      if (years.ok && (g.year < years.base || g.year > years.horizon))
        ctx.error(*n, path + ".year",
                  "target year " + std::to_string(g.year) + " is outside the horizon " +
                      std::to_string(years.base) + "-" + std::to_string(years.horizon) +
                      " (base_year <= year <= horizon)");
    }
  }
  if (auto n = require(ctx, t, "value", path, t.source()))
    if (auto v = read_number(ctx, *n, path + ".value")) g.value = *v;
  if (auto n = require(ctx, t, "clause", path, t.source()))
    if (auto v = read_string(ctx, *n, path + ".clause", true)) g.clause = *v;
  g.zone = read_zone_selection(ctx, t, path, series, zones);
  s.targets.push_back(std::move(g));
}
}  // namespace

void read_targets(ReadContext& ctx, const toml::table& root, const Names& zones, const Years& years,
                  Scenario& s) {
  const toml::array* targets = table_array(ctx, root, "targets", 100000);
  if (!targets) return;
  for (std::size_t i = 0; i < targets->size(); ++i)
    if (const toml::table* t = (*targets)[i].as_table()) read_target(ctx, *t, i, zones, years, s);
}

}  // namespace hukou::scenario::detail
