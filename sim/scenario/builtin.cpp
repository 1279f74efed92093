#include "builtin.hpp"

#include <algorithm>
#include <optional>

#include <toml++/toml.h>

#include "loader.hpp"

namespace hukou::scenario {

namespace detail {

std::vector<Builtin> describe_builtins(std::span<const EmbeddedFile> files) {
  std::vector<Builtin> out;
  for (const auto& f : files) {
    Builtin b{std::string(f.stem), "", f.stem, f.text};
    try {
      const toml::table t = toml::parse(f.text, std::string("builtin:") + std::string(f.stem));
      if (auto name = t["name"].value<std::string>(); name && !name->empty()) b.name = *name;
      if (auto title = t["title"].value<std::string>()) b.title = *title;
    } catch (const std::exception&) {
      // Unreadable: listed by file name; loading it reports the problem.
    }
    out.push_back(std::move(b));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Builtin& a, const Builtin& b) { return a.name < b.name; });
  return out;
}

namespace {
const std::vector<Builtin>& builtins() {
  static const std::vector<Builtin> list = describe_builtins(embedded_scenarios());
  return list;
}
}  // namespace

std::vector<std::string_view> builtin_names() {
  std::vector<std::string_view> out;
  for (const auto& b : builtins()) out.push_back(b.name);
  return out;
}

}  // namespace detail

std::vector<BuiltinInfo> builtin_scenarios() {
  std::vector<BuiltinInfo> out;
  for (const auto& b : detail::builtins()) out.push_back(BuiltinInfo{b.name, b.title});
  return out;
}

std::optional<std::string> builtin_text(std::string_view name) {
  for (const auto& b : detail::builtins())
    if (b.name == name) return std::string(b.text);
  for (const auto& b : detail::builtins())
    if (b.stem == name) return std::string(b.text);
  return std::nullopt;
}

}  // namespace hukou::scenario
