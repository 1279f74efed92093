#include "keys.hpp"

#include <algorithm>
#include <string>

#include "core/params.hpp"
#include "format.hpp"

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
    std::vector<std::string_view> out = table_keys("");
    for (auto s : section_names()) out.push_back(s);
    for (auto t : key_tables())
      if (!t.empty() && t.find('.') == std::string_view::npos) out.push_back(t);  // not nested tables
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
    std::vector<std::string_view> out = table_keys("zones");
    for (auto f : zone_field_names()) out.push_back(f);
    return out;
  }();
  return keys;
}

const std::vector<std::string_view>& channel_keys() {
  static const std::vector<std::string_view> keys = table_keys("channels");
  return keys;
}

const std::vector<std::string_view>& public_rental_keys() {
  static const std::vector<std::string_view> keys = table_keys("public_rental");
  return keys;
}

const std::vector<std::string_view>& event_keys() {
  static const std::vector<std::string_view> keys = table_keys("events");
  return keys;
}

const std::vector<std::string_view>& target_keys() {
  static const std::vector<std::string_view> keys = table_keys("targets");
  return keys;
}

const std::vector<std::string_view>& observation_keys() {
  static const std::vector<std::string_view> keys = table_keys("observations");
  return keys;
}

const std::vector<std::string_view>& clause_keys() {
  static const std::vector<std::string_view> keys = table_keys("clauses");
  return keys;
}

const std::vector<std::string_view>& calibration_keys() {
  static const std::vector<std::string_view> keys = table_keys("calibration");
  return keys;
}

const std::vector<std::string_view>& prior_keys() {
  static const std::vector<std::string_view> keys = table_keys("calibration.priors");
  return keys;
}

const std::vector<std::string_view>& county_score_keys() {
  static const std::vector<std::string_view> keys = table_keys("county_score");
  return keys;
}

// The numeric top-level keys of keys.def (years, scale, seed): the others name or
// describe the scenario, or choose its parent, which a run cannot change.
const std::vector<std::string_view>& settable_top_keys() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> out;
    for (auto k : table_keys("")) {
      const auto type = table_key("", k).type;
      if (type == "integer" || type.ends_with("number")) out.push_back(k);
    }
    return out;
  }();
  return keys;
}

}  // namespace hukou::scenario::detail
