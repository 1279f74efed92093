// `extends`: a scenario built on another (a file relative to this one, or a
// built-in). The parent's table is read first; the child's is merged over it.
#include <algorithm>
#include <filesystem>
#include <optional>
#include <sstream>

#include "builtin.hpp"
#include "fileio/errors.hpp"
#include "fileio/input_file.hpp"
#include "document.hpp"
#include "loader.hpp"
#include "toml_reads.hpp"

namespace hukou::scenario::detail {

namespace {
namespace fs = std::filesystem;
constexpr std::size_t kMaxDepth = 8;
constexpr std::string_view kBuiltinPrefix = "builtin:";

// Arrays of tables replaced whole by a child that gives them.
bool replaced_whole(std::string_view key) {
  return key == "events" || key == "targets" || key == "observations" || key == "clauses";
}

// Zones and channels are matched by name, so a what-if changes only what differs: a
// child entry with a parent's name is merged into it key by key (`drop = true`
// removes it instead); an entry with a new name is added at the end.
bool merged_by_name(std::string_view key) { return key == "zones" || key == "channels"; }

void merge(ReadContext& ctx, toml::table& base, toml::table& child);

std::optional<std::string> entry_name(const toml::node& n) {
  const toml::table* t = n.as_table();
  if (!t) return std::nullopt;
  if (auto s = t->get_as<std::string>("name")) return s->get();
  return std::nullopt;
}

// A child entry with a new name that lacks a key every parent entry has is almost
// always a change aimed at a misspelt parent entry: with a near name, that is said
// here (the entry is not added), instead of as the new entry's missing keys.
bool misspelt_change(ReadContext& ctx, const std::string& key, const toml::array& base, const toml::table& entry,
                     const std::string& name) {
  std::vector<std::string> names;
  for (const auto& b : base)
    if (auto n = entry_name(b)) names.push_back(*n);
  std::vector<std::string_view> candidates(names.begin(), names.end());
  const std::string hint = suggest(name, candidates, "names");
  if (hint.find("did you mean") == std::string::npos) return false;
  std::vector<std::string> lacking;
  if (const toml::table* first = base.empty() ? nullptr : base.front().as_table())
    for (auto&& [k, v] : *first) {
      // A named copy: clang-14, the fuzz preset's compiler, does not yet let a lambda
      // capture a structured binding (C++20 allows it).
      const std::string field(k.str());
      const bool everywhere = std::all_of(base.begin(), base.end(), [&](const toml::node& b) {
        return b.as_table() && b.as_table()->contains(field);
      });
      if (everywhere && !entry.contains(field)) lacking.emplace_back(field);
    }
  if (lacking.empty()) return false;
  ctx.error(entry, key, "no entry named " + quote(name) + " in the parent scenario to change" + hint +
                            " (a new entry would need " +
                            list(std::vector<std::string_view>(lacking.begin(), lacking.end())) + ")");
  return true;
}

void merge_by_name(ReadContext& ctx, const std::string& key, toml::array& base, toml::array& child) {
  for (auto&& entry : child) {
    const auto name = entry_name(entry);
    auto it = std::find_if(base.begin(), base.end(), [&](const toml::node& b) { return name && entry_name(b) == name; });
    toml::table* t = entry.as_table();
    if (t && name && it == base.end() && !t->contains("drop") && misspelt_change(ctx, key, base, *t, *name)) continue;
    const toml::node* drop = t ? t->get("drop") : nullptr;
    if (drop) {
      const auto yes = drop->value<bool>();
      if (!yes) ctx.error(*drop, key + ".drop", "expected true (drop the parent's entry of this name)");
      else if (it == base.end())
        ctx.error(*drop, key + ".drop", "no entry named " + quote(name.value_or("")) + " in the parent to drop");
      else base.erase(it);
      continue;
    }
    if (it != base.end() && t) merge(ctx, *it->as_table(), *t);
    else std::move(entry).visit([&](auto&& n) { base.push_back(std::move(n)); });
  }
}

void merge(ReadContext& ctx, toml::table& base, toml::table& child) {
  for (auto&& [k, v] : child) {
    toml::node* b = base.get(k.str());
    if (b && b->is_table() && v.is_table() && !replaced_whole(k.str())) {
      merge(ctx, *b->as_table(), *v.as_table());
      continue;
    }
    if (b && b->is_array() && v.is_array() && merged_by_name(k.str())) {
      merge_by_name(ctx, std::string(k.str()), *b->as_array(), *v.as_array());
      continue;
    }
    base.erase(k.str());
    // Moving keeps the source positions, so diagnostics point into the child. (A
    // named reference, not the binding, in the lambda: clang 14 cannot capture one.)
    const toml::key& key = k;
    std::move(v).visit([&](auto&& n) { base.insert(toml::key(key), std::move(n)); });
  }
}

struct Found {
  std::string source, text;
};

std::optional<Found> locate(const std::string& name, const std::string& from) {
  std::error_code ec;
  if (!std::string_view(from).starts_with(kBuiltinPrefix) && name.find('\0') == std::string::npos) {
    const fs::path p = fs::path(from).parent_path() / fs::path(name);
    if (fs::is_regular_file(p, ec)) {
      try {
        return Found{p.lexically_normal().string(),
                     fileio::read_input_file(p, fileio::kMaxScenarioBytes, "scenario file")};
      } catch (const fileio::FileError&) {
        // Unreadable (or swapped for something that is not a file): try a built-in.
      }
    }
  }
  if (auto text = builtin_text(name)) return Found{std::string(kBuiltinPrefix) + name, *text};
  return std::nullopt;
}

// Each parent's text as comments, so that the stored text shows what was used.
std::string commented(const std::string& source, std::string_view text) {
  std::string out = "\n# ---- extends " + source + " ----\n";
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t e = text.find('\n', i);
    if (e == std::string_view::npos) e = text.size();
    out += "# " + std::string(text.substr(i, e - i)) + "\n";
    i = e + 1;
  }
  return out;
}

toml::table resolve(ReadContext& ctx, toml::table root, const std::string& source, std::string& text,
                    std::vector<std::string>& chain) {
  const toml::node* e = root.get("extends");
  if (!e) return root;
  std::optional<std::string> name = read_string(ctx, *e, "extends", true);
  std::optional<Found> parent;
  if (name) {
    parent = locate(*name, source);
    if (!parent) {
      ctx.error(*e, "extends",
                "cannot find scenario " + quote(*name) +
                    " to extend: no such file next to this one and no built-in scenario of "
                    "that name" +
                    suggest(*name, builtin_names(), "built-in scenarios"));
      ctx.throw_if_errors();  // without the parent, every other message would be noise
    } else if (std::find(chain.begin(), chain.end(), parent->source) != chain.end()) {
      ctx.error(*e, "extends", "extends " + quote(*name) + " makes a cycle");
      parent.reset();
    } else if (chain.size() > kMaxDepth) {
      ctx.error(*e, "extends", "extends nests more than " + std::to_string(kMaxDepth) + " deep");
      parent.reset();
    }
  }
  root.erase("extends");
  if (!parent) return root;

  ctx.add_text(parent->source, parent->text);
  chain.push_back(parent->source);
  toml::table base = parse_toml(parent->text, parent->source);
  text += commented(parent->source, parent->text);
  base = resolve(ctx, std::move(base), parent->source, text, chain);
  merge(ctx, base, root);
  return base;
}
}  // namespace

toml::table resolve_extends(ReadContext& ctx, toml::table root, const std::string& source,
                            std::string& source_text) {
  std::vector<std::string> chain{source};
  return resolve(ctx, std::move(root), source, source_text, chain);
}

}  // namespace hukou::scenario::detail
