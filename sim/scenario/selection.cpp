// What [[targets]] and [[observations]] select: an output series, and the zone it
// is read in. One rule for both, so a target and an observation of the same series
// are checked alike.
#include "core/results.hpp"
#include "format.hpp"
#include "parts.hpp"
#include "toml_reads.hpp"

namespace hukou::scenario::detail {

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

// A rate per zone needs its zone (rates do not add up); a count per zone may take
// one (none: the prefecture total, summed over channels or groups too); a
// prefecture-wide series takes none.
std::optional<std::size_t> read_zone_selection(ReadContext& ctx, const toml::table& t, const std::string& path,
                                               const hukou::SeriesSpec* series, const Names& zones) {
  if (!series) return std::nullopt;
  const bool per_zone = series->dims != hukou::Dims::P;
  if (per_zone && (series->kind == hukou::Kind::rate || t.get("zone"))) {
    if (auto n = require(ctx, t, "zone", path, t.source()))
      return read_reference(ctx, *n, path + ".zone", zones, "zone");
  } else if (!per_zone) {
    if (auto n = t.get("zone"))
      ctx.error(*n, path + ".zone",
                "key 'zone' does not apply: " + quote(series->name) + " is a prefecture total (dims P)");
  }
  return std::nullopt;
}

}  // namespace hukou::scenario::detail
