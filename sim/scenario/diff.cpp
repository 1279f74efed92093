#include "diff.hpp"

#include <map>

#include "toml_reads.hpp"

namespace hukou::scenario {

namespace {


std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

constexpr const char* kEventKinds[] = {"reclassify", "relocation", "workplace_registration"};  // EventKind order

void channel_settings(const Scenario& s, std::vector<Setting>& out) {
  for (const auto& c : s.channels) {
    const std::string k = "channels." + c.name + ".";
    std::vector<std::string> open;
    for (std::size_t z = 0; z < s.zones.size(); ++z)
      if (c.zones[z]) open.push_back(s.zones[z].name);
    out.push_back({k + "clause", c.clause, c.clause});
    out.push_back({k + "condition", c.condition.text, c.clause});
    out.push_back({k + "zones", open.size() == s.zones.size() ? "every zone" : joined(open), c.clause});
    out.push_back({k + "from", c.from.str(), c.clause});
    out.push_back({k + "until", c.until.str(), c.clause});
    out.push_back({k + "events_only", c.events_only ? "true" : "false", c.clause});
    out.push_back({k + "kind", c.kind == ChannelKind::settle ? "settle" : "return", c.clause});
  }
}

void plan_settings(const Scenario& s, std::vector<Setting>& out) {
  out.push_back({"public_rental.condition", s.public_rental_condition.text, ""});
  for (const auto& v : s.events) {
    const std::string k = "events." + std::to_string(v.year) + "." + kEventKinds[static_cast<int>(v.kind)] + "." +
                          s.zones[v.zone].name;
    const std::string what = v.kind == EventKind::workplace_registration ? fmt(v.persons) + " persons" : "share " + fmt(v.share);
    out.push_back({k, v.kind == EventKind::reclassify ? what : what + " via " + s.channels[v.channel].name, v.clause});
  }
  for (const auto& t : s.targets)
    out.push_back({"targets." + t.indicator + (t.zone ? "." + s.zones[*t.zone].name : "") + "." + std::to_string(t.year),
                   fmt(t.value), t.clause});
  if (s.county_score) {
    const auto& c = *s.county_score;
    out.push_back({"county_score.year", std::to_string(c.year), c.clause});
    out.push_back({"county_score.relocation_channel", s.channels[c.relocation_channel].name, c.clause});
  }
}
}  // namespace

std::vector<Setting> settings(const Scenario& s) {
  std::vector<Setting> out{{"name", s.name, ""},        {"title", s.title, ""},
                           {"base_year", std::to_string(s.base_year), ""}, {"horizon", std::to_string(s.horizon), ""},
                           {"scale", fmt(s.scale), ""}, {"seed", std::to_string(s.seed), ""}};
  for (const auto& p : param_registry()) {
    const double v = get_param(s.params, p);
    out.push_back({std::string(p.key), p.type == "bool" ? (v != 0.0 ? "true" : "false") : fmt(v), ""});
  }
  for (const auto& spec : composition_registry()) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < spec.labels.size(); ++i)
      parts.push_back(std::string(spec.labels[i]) + " " + fmt((s.composition.*spec.field)[i]));
    out.push_back({"population." + std::string(spec.name), joined(parts), ""});
  }
  for (const auto& z : s.zones) {
    const std::string k = "zones." + z.name + ".";
    out.push_back({k + "kind", std::string(to_string(z.kind)), ""});
    out.push_back({k + "tier", z.tier, ""});
    for (const auto& f : zone_field_registry()) out.push_back({k + std::string(f.name), fmt(z.f.*f.field), ""});
  }
  channel_settings(s, out);
  plan_settings(s, out);
  return out;
}

std::vector<Change> diff(const Scenario& a, const Scenario& b) {
  const std::vector<Setting> sa = settings(a), sb = settings(b);
  std::map<std::string, const Setting*> in_b;
  for (const auto& s : sb) in_b[s.key] = &s;
  std::vector<Change> out;
  for (const auto& s : sa) {
    const auto it = in_b.find(s.key);
    if (it == in_b.end()) {
      out.push_back({s.key, s.value, "", s.clause});
      continue;
    }
    if (it->second->value != s.value)
      out.push_back({s.key, s.value, it->second->value, it->second->clause.empty() ? s.clause : it->second->clause});
    in_b.erase(it);
  }
  for (const auto& s : sb)
    if (in_b.count(s.key)) out.push_back({s.key, "", s.value, s.clause});
  return out;
}

}  // namespace hukou::scenario
