// The whole scenario from its table, part by part, and the helpers the parts share.
#include "parts.hpp"
#include "toml_reads.hpp"

namespace hukou::scenario::detail {

std::optional<std::size_t> Names::find(std::string_view name) const {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (!list[i].empty() && list[i] == name) return i;
  return std::nullopt;
}

Scenario validate(ReadContext& ctx, const toml::table& root) {
  Scenario s;
  const Years years = read_top(ctx, root, s);
  read_sections(ctx, root, s);
  const Names zones = read_zones(ctx, root, s);
  const Names channels = read_channels(ctx, root, zones, s);
  read_public_rental(ctx, root, s);
  read_events(ctx, root, zones, channels, years, s);
  read_targets(ctx, root, zones, years, s);
  read_county_score(ctx, root, channels, years, s);
  read_calibration(ctx, root, zones, years, s);
  read_observations(ctx, root, zones, channels, years, s);
  read_clauses(ctx, root, s);
  check_agents(ctx, root, s);
  return s;
}

const toml::array* table_array(ReadContext& ctx, const toml::table& root, std::string_view key,
                               std::size_t max_size) {
  const toml::node* n = root.get(key);
  if (!n) return nullptr;
  const std::string k(key);
  const toml::array* a = n->as_array();
  if (!a) {
    ctx.error(*n, k, "expected an array of tables [[" + k + "]], found " + describe(*n));
    return nullptr;
  }
  if (a->size() > max_size) {
    ctx.error(*n, k,
              "at most " + std::to_string(max_size) + " [[" + k + "]] tables are allowed, found " +
                  std::to_string(a->size()));
    return nullptr;
  }
  for (std::size_t i = 0; i < a->size(); ++i) {
    if ((*a)[i].is_table()) continue;
    ctx.error((*a)[i], k + "[" + std::to_string(i + 1) + "]",
              "expected a table (write [[" + k + "]] tables), found " + describe((*a)[i]));
  }
  return a;
}

std::optional<std::size_t> read_reference(ReadContext& ctx, const toml::node& n, const std::string& key,
                                          const Names& names, std::string_view what) {
  auto s = read_string(ctx, n, key);
  if (!s) return std::nullopt;
  if (auto i = names.find(*s)) return i;
  if (!names.complete) return std::nullopt;  // may be a table whose name was invalid
  std::vector<std::string_view> known;
  for (const auto& name : names.list) known.push_back(name);
  if (known.empty()) {
    ctx.error(n, key, "unknown " + std::string(what) + " " + quote(*s) + ": no " +
                          std::string(what) + "s are declared");
  } else {
    ctx.error(n, key, "unknown " + std::string(what) + " " + quote(*s) +
                          suggest(*s, known, std::string(what) + "s"));
  }
  return std::nullopt;
}

}  // namespace hukou::scenario::detail
