// [[channels]]: settlement channels, each a condition, the zones where it is open
// (by name or by tier) and the dates when it is in force.
#include <algorithm>

#include "keys.hpp"
#include "parts.hpp"
#include "toml_reads.hpp"

namespace hukou::scenario::detail {

namespace {
constexpr std::size_t kMaxChannels = 32;

// The strings of an array value, or nothing (with an error) if it is not one.
std::vector<const toml::node*> string_items(ReadContext& ctx, const toml::node& n, const std::string& key,
                                            std::string_view what) {
  std::vector<const toml::node*> out;
  const toml::array* a = n.as_array();
  if (!a) {
    ctx.error(n, key, "expected an array of " + std::string(what) + ", found " + describe(n));
    return out;
  }
  for (const toml::node& e : *a) out.push_back(&e);
  return out;
}

std::vector<std::string_view> known_tiers(const Scenario& s) {
  std::vector<std::string_view> tiers;
  for (const auto& z : s.zones)
    if (!z.tier.empty() && std::find(tiers.begin(), tiers.end(), z.tier) == tiers.end())
      tiers.push_back(z.tier);
  return tiers;
}

void read_where(ReadContext& ctx, const toml::table& t, const std::string& path, const Names& zones,
                const Scenario& s, hukou::Channel& c) {
  const toml::node* zn = t.get("zones");
  const toml::node* tn = t.get("tiers");
  c.zones.assign(s.zones.size(), !zn && !tn);
  if (zn)
    for (const toml::node* e : string_items(ctx, *zn, path + ".zones", "zone names"))
      if (auto z = read_reference(ctx, *e, path + ".zones", zones, "zone"))
        if (*z < c.zones.size()) c.zones[*z] = true;
  if (tn) {
    const auto tiers = known_tiers(s);
    for (const toml::node* e : string_items(ctx, *tn, path + ".tiers", "tier names")) {
      auto tier = read_string(ctx, *e, path + ".tiers");
      if (!tier) continue;
      bool found = false;
      for (std::size_t z = 0; z < s.zones.size(); ++z)
        if (s.zones[z].tier == *tier) c.zones[z] = found = true;
      if (!found && zones.complete)
        ctx.error(*e, path + ".tiers",
                  "no zone has tier " + quote(*tier) + suggest(*tier, tiers, "tiers"));
    }
  }
}

void read_channel(ReadContext& ctx, const toml::table& t, std::size_t index, const Names& zones,
                  Names& names, std::vector<const toml::node*>& name_nodes, Scenario& s) {
  hukou::Channel c;
  std::string path = "channels[" + std::to_string(index + 1) + "]";
  std::string name;
  bool named = false;  // a valid name, unique or not
  if (auto n = require(ctx, t, "name", path, t.source())) {
    if (auto v = read_identifier(ctx, *n, path + ".name")) {
      named = true;
      if (auto first = names.find(*v)) {
        ctx.error(*n, path + ".name",
                  "duplicate channel name " + quote(*v) + " (first declared at line " +
                      std::to_string(name_nodes[*first]->source().begin.line) + ")");
      } else {
        name = *v;
        path = "channels." + name;
      }
    }
  }
  names.complete = names.complete && named;
  names.list.push_back(name);
  name_nodes.push_back(t.get("name"));
  c.name = name;

  check_keys(ctx, t, path, channel_keys(), "in [[channels]]");
  if (auto n = require(ctx, t, "clause", path, t.source()))
    if (auto v = read_string(ctx, *n, path + ".clause", true)) c.clause = *v;
  if (auto n = t.get("title"))
    if (auto v = read_string(ctx, *n, path + ".title", true)) {
      if (v->find_first_of("\n\r\t") != std::string::npos)
        ctx.error(*n, path + ".title", "a channel's title is one line (it heads table columns and legends)");
      else
        c.title = *v;
    }
  if (auto n = require(ctx, t, "condition", path, t.source()))
    if (auto cond = read_condition(ctx, *n, path + ".condition")) c.condition = std::move(*cond);
  read_where(ctx, t, path, zones, s, c);

  std::optional<hukou::Date> from, until;
  if (auto n = t.get("from"))
    if ((from = read_date(ctx, *n, path + ".from"))) c.from = *from;
  if (auto n = t.get("until")) {
    if ((until = read_date(ctx, *n, path + ".until"))) {
      c.until = *until;
      if (c.until < c.from)
        ctx.error(*n, path + ".until",
                  "until " + c.until.str() + " is before from " + c.from.str());
    }
  }
  if (auto n = t.get("events_only"))
    if (auto v = read_bool(ctx, *n, path + ".events_only")) c.events_only = *v;
  if (auto n = t.get("kind"))
    if (auto v = read_string(ctx, *n, path + ".kind")) {
      if (*v == "return") c.kind = hukou::ChannelKind::return_home;
      else if (*v != "settle")
        ctx.error(*n, path + ".kind", "unknown channel kind " + quote(*v) + ": expected 'settle' or 'return'");
    }
  s.channels.push_back(std::move(c));
}
}  // namespace

Names read_channels(ReadContext& ctx, const toml::table& root, const Names& zones, Scenario& s) {
  Names names;
  const toml::array* channels = table_array(ctx, root, "channels", kMaxChannels);
  if (!channels) {
    names.complete = !root.get("channels");
    return names;
  }
  std::vector<const toml::node*> name_nodes;
  for (std::size_t i = 0; i < channels->size(); ++i) {
    if (const toml::table* t = (*channels)[i].as_table()) {
      read_channel(ctx, *t, i, zones, names, name_nodes, s);
    } else {
      names.list.emplace_back();
      names.complete = false;
      name_nodes.push_back(nullptr);
      s.channels.emplace_back();
    }
  }
  return names;
}

}  // namespace hukou::scenario::detail
