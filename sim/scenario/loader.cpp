// parse / load_file / load: text -> table (extends, --set) -> validated Scenario;
// resolve_text / resolve also keep where each value came from.
#include "loader.hpp"

#include <filesystem>

#include "builtin.hpp"
#include "document.hpp"
#include "fileio/errors.hpp"
#include "fileio/input_file.hpp"
#include "parts.hpp"
#include "policy/suggest.hpp"
#include "provenance.hpp"
#include "toml_reads.hpp"

namespace hukou::scenario {

namespace {
namespace fs = std::filesystem;

[[noreturn]] void fail(std::string file, std::string message) {
  throw ScenarioError({Diagnostic{std::move(file), 0, 0, "", std::move(message)}});
}

std::string builtins_text() {
  const auto names = detail::builtin_names();
  if (names.empty()) return "there are no built-in scenarios";
  return "built-in scenarios: " + list(names);
}
}  // namespace

Resolved resolve_text(std::string_view text, const std::string& source,
                      const std::vector<std::string>& overrides) {
  ReadContext ctx(source);
  ctx.add_text(source, std::string(text));
  toml::table root = parse_toml(text, source);
  std::string source_text(text);
  root = detail::resolve_extends(ctx, std::move(root), source, source_text);
  const std::string applied = detail::apply_overrides(ctx, root, overrides);
  Resolved r{detail::validate(ctx, root), {}, {}};
  ctx.throw_if_errors();
  if (!overrides.empty()) source_text += std::string(kOverridesMarker) + applied;
  r.scenario.source_text = std::move(source_text);
  r.origin = detail::origins(root, source);
  r.files = ctx.sources();
  return r;
}

std::vector<std::string> recorded_overrides(std::string_view source_text) {
  std::vector<std::string> out;
  const auto at = source_text.rfind(kOverridesMarker);
  if (at == std::string_view::npos) return out;
  std::string_view rest = source_text.substr(at + kOverridesMarker.size());
  while (!rest.empty()) {
    const auto end = std::min(rest.find('\n'), rest.size());
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    const auto eq = line.find(" = ");
    if (!line.starts_with("# ") || eq == std::string_view::npos) break;
    out.push_back(std::string(line.substr(2, eq - 2)) + "=" + std::string(line.substr(eq + 3)));
  }
  return out;
}

Scenario parse(std::string_view text, const std::string& source,
               const std::vector<std::string>& overrides) {
  return resolve_text(text, source, overrides).scenario;
}

namespace {
Resolved resolve_file(const fs::path& path, const std::vector<std::string>& overrides) {
  std::string text;
  try {
    text = fileio::read_input_file(path, fileio::kMaxScenarioBytes, "scenario file");
  } catch (const fileio::FileError& e) {
    // The message starts with the path; the diagnostic names it already.
    std::string msg = e.what();
    const std::string prefix = path.string() + ": ";
    fail(path.string(), msg.rfind(prefix, 0) == 0 ? msg.substr(prefix.size()) : msg);
  }
  return resolve_text(text, path.string(), overrides);
}
}  // namespace

Scenario load_file(const fs::path& path, const std::vector<std::string>& overrides) {
  return resolve_file(path, overrides).scenario;
}

Resolved resolve(std::string_view name_or_path, const std::vector<std::string>& overrides) {
  const std::string name(name_or_path);
  std::error_code ec;
  if (name.find('\0') == std::string::npos && !name.empty() && fs::exists(fs::path(name), ec))
    return resolve_file(fs::path(name), overrides);
  if (auto text = builtin_text(name))
    return resolve_text(*text, "builtin:" + name, overrides);
  std::string msg = "no such file, and no built-in scenario of that name";
  if (auto near = hukou::policy::nearest(name, detail::builtin_names()); !near.empty())
    msg += "; did you mean " + quote(near) + "?";
  fail(name, msg + " (" + builtins_text() + ")");
}

Scenario load(std::string_view name_or_path, const std::vector<std::string>& overrides) {
  return resolve(name_or_path, overrides).scenario;
}

}  // namespace hukou::scenario
