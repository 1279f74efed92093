// --set key=value: each value is parsed as TOML and put into the scenario table
// where the file would have it, so it is checked exactly like the file's values.
// Its source path (kSetSource + key) makes diagnostics read "--set: key: ...".
#include <algorithm>
#include <memory>

#include "document.hpp"
#include "keys.hpp"
#include "policy/suggest.hpp"
#include "toml_reads.hpp"

namespace hukou::scenario::detail {

namespace {
std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool contains(const std::vector<std::string_view>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

void set_error(ReadContext& ctx, std::string key, std::string message) {
  ctx.add(Diagnostic{std::string(kSetFile), 0, 0, std::move(key), std::move(message)});
}

// The value as a node whose source path names the --set key; nullptr on error.
std::unique_ptr<toml::node> parse_value(ReadContext& ctx, const std::string& key, std::string_view value) {
  try {
    toml::table t = toml::parse("v = " + std::string(value), std::string(kSetSource) + key);
    toml::node* v = t.get("v");
    if (t.size() != 1 || !v) {
      set_error(ctx, key, "expected one TOML value after '=', found more");
      return nullptr;
    }
    std::unique_ptr<toml::node> out;
    std::move(*v).visit([&](auto&& n) {
      out = std::make_unique<std::remove_cvref_t<decltype(n)>>(std::move(n));
    });
    return out;
  } catch (const toml::parse_error& e) {
    std::string msg = "cannot read the value '" + std::string(value) +
                      "' as TOML: " + std::string(e.description());
    if (!value.empty() && value.front() != '"' && value.front() != '\'' && value.front() != '[')
      msg += " (text needs quotes: " + key + "=\"...\")";
    set_error(ctx, key, msg);
    return nullptr;
  }
}

void put(toml::table& t, std::string_view k, std::unique_ptr<toml::node> v) {
  t.erase(k);
  std::move(*v).visit([&](auto&& n) { t.insert(k, std::move(n)); });
}

// zones.<zone name>.<field>; the zone name may itself contain dots.
void set_zone(ReadContext& ctx, toml::table& root, const std::string& key, std::string_view rest,
              std::unique_ptr<toml::node> v) {
  const auto dot = rest.rfind('.');
  if (dot == std::string_view::npos || dot == 0) {
    set_error(ctx, key, "expected zones.<zone name>.<field>");
    return;
  }
  const std::string_view zone = rest.substr(0, dot), field = rest.substr(dot + 1);
  std::vector<std::string_view> fields = zone_keys();
  fields.erase(std::remove(fields.begin(), fields.end(), "name"), fields.end());
  if (!contains(fields, field)) {
    set_error(ctx, key, "unknown zone field " + quote(field) + suggest(field, fields, "fields"));
    return;
  }
  std::vector<std::string_view> names;
  if (toml::array* zones = root["zones"].as_array()) {
    for (toml::node& z : *zones) {
      toml::table* t = z.as_table();
      const auto* name = t ? t->get_as<std::string>("name") : nullptr;
      if (!name) continue;
      if (name->get() == zone) {
        put(*t, field, std::move(v));
        return;
      }
      names.push_back(name->get());
    }
  }
  set_error(ctx, key, "unknown zone " + quote(zone) + suggest(zone, names, "zones"));
}

void set_registry(ReadContext& ctx, toml::table& root, const std::string& key,
                  std::unique_ptr<toml::node> v) {
  const auto dot = key.find('.');
  const std::string section = key.substr(0, dot), name = key.substr(dot + 1);
  toml::node* t = root.get(section);
  if (!t) t = &root.insert(section, toml::table{}).first->second;
  if (!t->is_table()) {
    set_error(ctx, key, "cannot set it: [" + section + "] in the scenario is not a table");
    return;
  }
  put(*t->as_table(), name, std::move(v));
}

void unknown_key(ReadContext& ctx, const std::string& key) {
  const auto dot = key.find('.');
  const std::string_view head = std::string_view(key).substr(0, dot);
  if (dot != std::string::npos && contains(section_names(), head)) {
    // Suggest the whole key, as it is written after --set.
    const std::string_view name = std::string_view(key).substr(dot + 1);
    const auto names = section_keys(head);
    std::vector<std::string> full;
    for (auto n : names) full.push_back(std::string(head) + "." + std::string(n));
    const std::string near = hukou::policy::nearest(key, {full.begin(), full.end()});
    set_error(ctx, key,
              "unknown key " + quote(name) + " in [" + std::string(head) + "]" +
                  (near.empty() ? "; valid keys: " + list(names) : "; did you mean " + quote(near) + "?"));
    return;
  }
  std::vector<std::string_view> all = registry_keys();
  for (auto k : settable_top_keys()) all.push_back(k);
  for (auto k : zone_field_names()) all.push_back(k);
  std::string msg = "unknown key for --set";
  const std::string near = hukou::policy::nearest(key, all);
  if (contains(top_level_keys(), key))
    msg = "cannot be set with --set; top-level keys that can: " + list(settable_top_keys());
  else if (contains(zone_field_names(), near))
    msg += "; did you mean " + quote("zones.<zone name>." + near) + "?";
  else if (!near.empty())
    msg += "; did you mean " + quote(near) + "?";
  else
    msg += "; expected section.name (a parameter), zones.<zone>.<field>, or one of " +
           list(settable_top_keys());
  set_error(ctx, key, msg);
}
}  // namespace

std::string apply_overrides(ReadContext& ctx, toml::table& root, const std::vector<std::string>& overrides) {
  std::string applied;
  for (const std::string& o : overrides) {
    const auto eq = o.find('=');
    const std::string key(trim(std::string_view(o).substr(0, eq)));
    ctx.add_set_key(key);
    if (eq == std::string::npos) {
      set_error(ctx, key, "expected key=value, e.g. --set demography.mortality_a=3e-5");
      continue;
    }
    const std::string_view value = trim(std::string_view(o).substr(eq + 1));
    applied += "# " + key + " = " + std::string(value) + "\n";
    const bool known = contains(settable_top_keys(), key) || contains(registry_keys(), key) ||
                       std::string_view(key).starts_with("zones.");
    if (!known) {
      unknown_key(ctx, key);
      continue;
    }
    auto v = parse_value(ctx, key, value);
    if (!v) continue;
    if (contains(settable_top_keys(), key))
      put(root, key, std::move(v));
    else if (std::string_view(key).starts_with("zones."))
      set_zone(ctx, root, key, std::string_view(key).substr(6), std::move(v));
    else
      set_registry(ctx, root, key, std::move(v));
  }
  return applied;
}

}  // namespace hukou::scenario::detail
