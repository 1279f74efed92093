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
const hukou::SeriesSpec* read_indicator(ReadContext& ctx, const toml::node& n, const std::string& key) {
  auto s = read_string(ctx, n, key);
  if (!s) return nullptr;
  std::vector<std::string_view> names;
  for (const auto& spec : hukou::output_series()) {
    names.push_back(spec.name);
    if (spec.name == *s) return &spec;
  }
  ctx.error(n, key, "unknown output series " + quote(*s) + suggest(*s, names, "indicators"));
  return nullptr;
}

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
  // Zone: required for a rate per zone (rates do not add up), optional for counts
  // (no zone: the prefecture total, summed over channels or groups too), not
  // allowed for a prefecture-wide series.
  const bool per_zone = series && series->dims != hukou::Dims::P;
  const bool rate = series && series->kind == hukou::Kind::rate;
  if (per_zone && (rate || t.get("zone"))) {
    if (auto n = require(ctx, t, "zone", path, t.source()))
      if (auto z = read_reference(ctx, *n, path + ".zone", zones, "zone")) g.zone = *z;
  } else if (series && !per_zone) {
    if (auto n = t.get("zone"))
      ctx.error(*n, path + ".zone",
                "key 'zone' does not apply: " + quote(series->name) +
                    " is a prefecture total (dims P), not a zone series");
  }
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
