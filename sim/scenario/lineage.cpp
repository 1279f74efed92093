#include "lineage.hpp"

#include "scenario/loader.hpp"

namespace hukou::scenario {

Lineage lineage(std::string_view name_or_path, const std::vector<std::string>& overrides, const Scenario& sc) {
  Lineage l;
  l.title = sc.title.empty() ? sc.name : sc.title;
  std::string sets;
  for (const auto& o : overrides) sets += (sets.empty() ? "" : "; ") + o;
  if (!sets.empty()) l.title += " (--set " + sets + ")";
  // The first file `extends` reaches is the parent; "builtin:NAME" names a built-in.
  const Resolved r = resolve(name_or_path);
  Scenario parent;
  if (r.files.size() > 1) {
    const std::string& src = r.files[1];
    l.parent = src.starts_with("builtin:") ? src.substr(8) : src;
    parent = load(l.parent);
  } else if (!overrides.empty()) {
    l.parent = r.files.empty() ? std::string(name_or_path) : r.files.front();
    if (l.parent.starts_with("builtin:")) l.parent = l.parent.substr(8);
    parent = r.scenario;
  } else {
    return l;
  }
  l.changes = diff(parent, sc);
  return l;
}

}  // namespace hukou::scenario
