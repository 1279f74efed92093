#include "keys.hpp"

#include <algorithm>
#include <string>

#include "core/params.hpp"

namespace hukou::scenario::detail {

const std::vector<std::string_view>& section_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const auto& p : hukou::param_registry())
      if (std::find(out.begin(), out.end(), p.section) == out.end()) out.push_back(p.section);
    if (std::find(out.begin(), out.end(), "population") == out.end()) out.push_back("population");
    return out;
  }();
  return names;
}

std::vector<std::string_view> section_keys(std::string_view section) {
  std::vector<std::string_view> out;
  for (const auto& p : hukou::param_registry())
    if (p.section == section) out.push_back(p.name);
  if (section == "population")
    for (const auto& c : hukou::composition_registry()) out.push_back(c.name);
  return out;
}

const std::vector<std::string_view>& registry_keys() {
  static const std::vector<std::string> owned = [] {
    std::vector<std::string> out;
    for (const auto& p : hukou::param_registry()) out.emplace_back(p.key);
    for (const auto& c : hukou::composition_registry()) out.push_back("population." + std::string(c.name));
    return out;
  }();
  static const std::vector<std::string_view> keys(owned.begin(), owned.end());
  return keys;
}

const std::vector<std::string_view>& top_level_keys() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> out{"name", "title", "description", "base_year", "horizon",
                                      "scale", "seed", "extends"};
    for (auto s : section_names()) out.push_back(s);
    for (auto s : {"zones", "channels", "public_rental", "events", "targets", "county_score"}) out.push_back(s);
    return out;
  }();
  return keys;
}

const std::vector<std::string_view>& zone_field_names() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> out;
    for (const auto& f : hukou::zone_field_registry()) out.push_back(f.name);
    return out;
  }();
  return keys;
}

const std::vector<std::string_view>& zone_keys() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> out{"name", "kind", "tier"};
    for (auto f : zone_field_names()) out.push_back(f);
    return out;
  }();
  return keys;
}

const std::vector<std::string_view>& channel_keys() {
  static const std::vector<std::string_view> keys{"name",  "clause", "condition", "zones",
                                                  "tiers", "from",   "until",     "events_only", "kind"};
  return keys;
}

const std::vector<std::string_view>& public_rental_keys() {
  static const std::vector<std::string_view> keys{"condition"};
  return keys;
}

const std::vector<std::string_view>& event_keys() {
  static const std::vector<std::string_view> keys{"kind",    "zone",    "year",  "share",
                                                  "persons", "channel", "clause"};
  return keys;
}

const std::vector<std::string_view>& target_keys() {
  static const std::vector<std::string_view> keys{"indicator", "year", "value", "clause", "zone"};
  return keys;
}

const std::vector<std::string_view>& county_score_keys() {
  static const std::vector<std::string_view> keys{"year", "relocation_channel", "clause"};
  return keys;
}

const std::vector<std::string_view>& settable_top_keys() {
  static const std::vector<std::string_view> keys{"scale", "seed", "horizon", "base_year"};
  return keys;
}

}  // namespace hukou::scenario::detail
