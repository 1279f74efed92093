// [[zones]]: the prefecture's districts and counties, with the numeric fields of
// zones.def.
#include "core/params.hpp"
#include "keys.hpp"
#include "parts.hpp"
#include "toml_reads.hpp"

namespace hukou::scenario::detail {

namespace {
constexpr std::size_t kMaxZones = 254;

std::optional<hukou::ZoneKind> read_kind(ReadContext& ctx, const toml::node& n, const std::string& key) {
  auto s = read_string(ctx, n, key);
  if (!s) return std::nullopt;
  for (auto k : {hukou::ZoneKind::urban_district, hukou::ZoneKind::county,
                 hukou::ZoneKind::county_city})
    if (*s == hukou::to_string(k)) return k;
  const std::vector<std::string_view> kinds{"urban_district", "county", "county_city"};
  ctx.error(n, key, "unknown zone kind " + quote(*s) + suggest(*s, kinds, "kinds"));
  return std::nullopt;
}

void read_zone(ReadContext& ctx, const toml::table& t, std::size_t index, Names& names,
               std::vector<const toml::node*>& name_nodes, Scenario& s) {
  hukou::Zone z;
  std::string path = "zones[" + std::to_string(index + 1) + "]";
  std::string name;  // stays empty unless valid and unique
  bool named = false;  // a valid name, unique or not
  if (auto n = require(ctx, t, "name", path, t.source())) {
    if (auto v = read_name(ctx, *n, path + ".name")) {
      named = true;
      if (auto first = names.find(*v)) {
        const auto& at = name_nodes[*first]->source().begin;
        ctx.error(*n, path + ".name",
                  "duplicate zone name " + quote(*v) + " (first declared at line " +
                      std::to_string(at.line) + ")");
      } else {
        name = *v;
        path = "zones." + name;
      }
    }
  }
  names.complete = names.complete && named;
  names.list.push_back(name);
  name_nodes.push_back(t.get("name"));
  z.name = name;

  check_keys(ctx, t, path, zone_keys(), "in [[zones]]");
  if (auto n = require(ctx, t, "kind", path, t.source()))
    if (auto k = read_kind(ctx, *n, path + ".kind")) z.kind = *k;
  if (auto n = t.get("tier"))
    if (auto v = read_string(ctx, *n, path + ".tier")) z.tier = *v;  // may be empty
  std::vector<std::string_view> missing;
  for (const auto& spec : hukou::zone_field_registry()) {
    const toml::node* n = t.get(spec.name);
    if (!n && spec.required) missing.push_back(spec.name);
    if (!n) continue;
    if (auto v = read_number(ctx, *n, join_key(path, spec.name), spec.lo, spec.hi, spec.unit))
      z.f.*spec.field = *v;
  }
  // One diagnostic for all the fields a zone lacks.
  if (missing.size() == 1)
    ctx.error(t.source(), join_key(path, missing[0]), "missing required key " + quote(missing[0]));
  else if (!missing.empty())
    ctx.error(t.source(), path, "missing required keys " + list(missing));
  s.zones.push_back(std::move(z));
}
}  // namespace

Names read_zones(ReadContext& ctx, const toml::table& root, Scenario& s) {
  Names names;
  const toml::array* zones = table_array(ctx, root, "zones", kMaxZones);
  if (!zones) {
    names.complete = false;
    if (!root.get("zones")) ctx.error_top("zones", "at least one [[zones]] table is required");
    return names;
  }
  if (zones->empty()) {
    ctx.error(*zones, "zones", "the zone list is empty: at least one [[zones]] table is required");
    names.complete = false;
    return names;
  }
  std::vector<const toml::node*> name_nodes;
  for (std::size_t i = 0; i < zones->size(); ++i) {
    if (const toml::table* t = (*zones)[i].as_table()) {
      read_zone(ctx, *t, i, names, name_nodes, s);
    } else {
      names.list.emplace_back();
      names.complete = false;
      name_nodes.push_back(nullptr);
      s.zones.emplace_back();
    }
  }
  return names;
}

}  // namespace hukou::scenario::detail
