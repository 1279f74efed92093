#include "provenance.hpp"

#include "loader.hpp"
#include "toml_reads.hpp"

namespace hukou {

std::string scenario::Resolved::origin_of(const std::string& key) const {
  const auto it = origin.find(key);
  return it == origin.end() ? "default" : it->second;
}

}  // namespace hukou

namespace hukou::scenario::detail {

namespace {
// How load() and extends name built-in sources ("builtin:taiyuan").
constexpr std::string_view kBuiltinPrefix = "builtin:";

std::string origin_of(const toml::node& n, const std::string& main_source) {
  const auto& path = n.source().path;
  // Only tables are made without a path (a [section] created by --set), and tables
  // are never recorded; "file" is the safe reading should one appear.
  if (!path || *path == main_source) return "file";
  std::string_view p = *path;
  if (p.starts_with(kSetSource)) return "--set";
  if (p.starts_with(kBuiltinPrefix)) p.remove_prefix(kBuiltinPrefix.size());
  return "parent " + std::string(p);
}

struct Walk {
  const std::string& main_source;
  std::map<std::string, std::string> out;

  void table(const std::string& path, const toml::table& t) {
    for (auto&& [k, v] : t) {
      const std::string key = join_key(path, k.str());
      if (const toml::table* sub = v.as_table()) {
        table(key, *sub);
      } else if (const toml::array* a = v.as_array(); a && a->is_array_of_tables()) {
        tables(key, *a);
      } else {
        out[key] = origin_of(v, main_source);  // values and arrays of values (shares)
      }
    }
  }

  // Arrays of tables are replaced whole by `extends`, so the array itself has an
  // origin too. Zones and channels are keyed by name, as in diagnostics; the rest
  // by position from 1 ("events[2].year").
  void tables(const std::string& key, const toml::array& a) {
    out[key] = origin_of(a, main_source);
    const bool named = key == "zones" || key == "channels";
    for (std::size_t i = 0; i < a.size(); ++i) {
      const toml::table& t = *a[i].as_table();
      std::string path = key + "[" + std::to_string(i + 1) + "]";
      if (auto name = t["name"].value<std::string>(); named && name) path = key + "." + *name;
      table(path, t);
    }
  }
};
}  // namespace

std::map<std::string, std::string> origins(const toml::table& root, const std::string& main_source) {
  Walk w{main_source, {}};
  w.table("", root);
  return std::move(w.out);
}

}  // namespace hukou::scenario::detail
