// [[observations]]: observed values of output series, each with its source. Their
// use follows the calibration cutoff: from base_year to the cutoff, calibration;
// after it, validation only (a calibration that would read one is refused here, at
// the observation); before base_year, history (the naive forecasts' trend only,
// since the model does not simulate those years).
#include "core/results.hpp"
#include "format.hpp"
#include "keys.hpp"
#include "parts.hpp"
#include "toml_reads.hpp"

namespace hukou::scenario::detail {

namespace {
std::string place(const toml::source_region& r) {
  return (r.path ? *r.path : std::string("?")) + ":" + std::to_string(r.begin.line) + ":" +
         std::to_string(r.begin.column);
}

// The factor from the written unit to the series' unit: 1, or 0.01 for "%" on a
// series of unit "1".
std::optional<double> unit_factor(ReadContext& ctx, const toml::node& n, const std::string& key,
                                  const std::string& unit, const hukou::SeriesSpec& series) {
  if (unit == series.units) return 1.0;
  if (unit == "%" && series.units == "1") return 0.01;
  ctx.error(n, key,
            "unit " + quote(unit) + " does not match " + quote(series.name) + "'s units " + quote(series.units) +
                (series.units == "1" ? " (or '%')" : ""));
  return std::nullopt;
}

void read_observation(ReadContext& ctx, const toml::table& t, std::size_t index, const Names& zones,
                      const Names& channels, const Years& years, Scenario& s) {
  hukou::Observation o;
  const std::string path = "observations[" + std::to_string(index + 1) + "]";
  o.where = place(t.source());
  check_keys(ctx, t, path, observation_keys(), "in [[observations]]");
  const hukou::SeriesSpec* series = nullptr;
  if (auto n = require(ctx, t, "indicator", path, t.source()))
    if ((series = read_indicator(ctx, *n, path + ".indicator"))) o.indicator = series->name;
  const toml::node* year_node = require(ctx, t, "year", path, t.source());
  bool year_ok = false;
  if (year_node)
    if (auto y = read_integer(ctx, *year_node, path + ".year",
                              static_cast<std::int64_t>(table_key("observations", "year").lo),
                              static_cast<std::int64_t>(table_key("observations", "year").hi))) {
      o.year = static_cast<int>(*y);
      year_ok = true;
      if (years.ok && o.year > years.horizon) {
        ctx.error(*year_node, path + ".year",
                  "year " + std::to_string(o.year) + " is after the horizon " + std::to_string(years.horizon));
        year_ok = false;
      }
    }
  std::optional<double> value, sigma, factor;
  if (auto n = require(ctx, t, "value", path, t.source())) value = read_number(ctx, *n, path + ".value");
  if (auto n = t.get("sigma"))
    sigma = read_number(ctx, *n, path + ".sigma", table_key("observations", "sigma").lo,
                        table_key("observations", "sigma").hi);
  if (auto n = require(ctx, t, "unit", path, t.source()))
    if (auto u = read_string(ctx, *n, path + ".unit", true)) {
      o.unit = *u;
      if (series) factor = unit_factor(ctx, *n, path + ".unit", *u, *series);
    }
  if (value && factor) o.value = *value * *factor;
  if (sigma && factor) o.sigma = *sigma * *factor;
  if (auto n = require(ctx, t, "source", path, t.source()))
    if (auto v = read_string(ctx, *n, path + ".source", true)) o.source = *v;

  // Zone and channel, as for [[targets]]: a rate per zone needs its zone; a
  // prefecture-wide series takes none; a channel only selects within settlements.
  o.zone = read_zone_selection(ctx, t, path, series, zones);
  if (auto n = t.get("channel")) {
    if (series && series->dims != hukou::Dims::PZC)
      ctx.error(*n, path + ".channel",
                "key 'channel' does not apply: " + quote(series->name) + " has no channel dimension");
    else if (auto c = read_reference(ctx, *n, path + ".channel", channels, "channel"))
      o.channel = *c;
  }

  // Use: by year unless given; calibration after the cutoff is refused here.
  const int cutoff = s.calibration ? s.calibration->cutoff : years.base;
  o.calibrate = year_ok && years.ok && o.year >= years.base && o.year <= cutoff && s.calibration;
  if (auto n = t.get("use")) {
    if (auto u = read_string(ctx, *n, path + ".use")) {
      if (*u == "validation" || *u == "history") {
        o.calibrate = false;
      } else if (*u != "calibration") {
        ctx.error(*n, path + ".use", "expected 'calibration', 'validation' or 'history', found " + quote(*u));
      } else if (!s.calibration) {
        ctx.error(*n, path + ".use", "use = 'calibration' needs a [calibration] table with its cutoff");
      } else if (year_ok && o.year > cutoff) {
        ctx.error(*n, path + ".use",
                  "calibration would read an observation of " + std::to_string(o.year) + ", after the cutoff " +
                      std::to_string(cutoff) + ": observations after the cutoff are for validation only");
      } else if (year_ok && years.ok && o.year < years.base) {
        ctx.error(*n, path + ".use",
                  "the model does not simulate " + std::to_string(o.year) + " (before base_year " +
                      std::to_string(years.base) + "): such an observation is history for the naive forecasts");
      }
    }
  }
  s.observations.push_back(std::move(o));
}
}  // namespace

void read_observations(ReadContext& ctx, const toml::table& root, const Names& zones, const Names& channels,
                       const Years& years, Scenario& s) {
  const toml::array* obs = table_array(ctx, root, "observations", 100000);
  if (!obs) return;
  for (std::size_t i = 0; i < obs->size(); ++i)
    if (const toml::table* t = (*obs)[i].as_table()) read_observation(ctx, *t, i, zones, channels, years, s);
}

}  // namespace hukou::scenario::detail
