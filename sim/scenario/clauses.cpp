// [[clauses]]: the coverage table of the scenario's document. Each entry is read and
// checked (known status, unique id, a reason, keys that exist). When the table is
// declared in the scenario's own file (not inherited through `extends`, where a
// what-if may drop the channels that cite a clause), it must also match the
// citations both ways: every clause a channel, event, target or county score cites
// is listed, is not marked not_simulated, and every simulated or partly simulated
// entry is cited or names the parameter keys that read it.
#include "clauses.hpp"

#include <algorithm>
#include <set>

#include "core/params.hpp"
#include "format.hpp"
#include "keys.hpp"
#include "parts.hpp"
#include "toml_reads.hpp"

namespace hukou::scenario {

namespace {
constexpr std::string_view kStatusNames[] = {"simulated", "partly", "not_simulated"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace

std::string clause_id(std::string_view clause) {
  return std::string(trim(clause.substr(0, std::min(clause.find(':'), clause.size()))));
}

std::string_view status_name(hukou::ClauseStatus s) { return kStatusNames[static_cast<std::size_t>(s)]; }

std::optional<hukou::ClauseStatus> parse_status(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kStatusNames); ++i)
    if (kStatusNames[i] == name) return static_cast<hukou::ClauseStatus>(i);
  return std::nullopt;
}

std::string cited_by(const hukou::Scenario& s, const hukou::ClauseEntry& e) {
  std::string channels;
  for (const auto& c : s.channels)
    if (clause_id(c.clause) == e.id) channels += (channels.empty() ? "channels " : ", ") + c.name;
  const auto count = [&](const auto& list) {
    return std::count_if(list.begin(), list.end(), [&](const auto& x) { return clause_id(x.clause) == e.id; });
  };
  std::vector<std::string> parts;
  if (!channels.empty()) parts.push_back(channels);
  if (const auto n = count(s.targets)) parts.push_back(std::to_string(n) + (n == 1 ? " target" : " targets"));
  if (const auto n = count(s.events)) parts.push_back(std::to_string(n) + (n == 1 ? " event" : " events"));
  if (s.county_score && clause_id(s.county_score->clause) == e.id) parts.push_back("county score");
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

namespace detail {

namespace {
constexpr std::size_t kMaxClauses = 1000;

// The keys a `keys` entry may name: registry parameters and compositions, zone
// fields (zones.<field>), and the keys of the single tables ([public_rental], ...).
const std::vector<std::string>& settable_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out(registry_keys().begin(), registry_keys().end());
    for (auto f : zone_field_names()) out.push_back("zones." + std::string(f));
    for (auto table : {std::string_view("public_rental"), std::string_view("county_score")})
      for (auto k : table_keys(table)) out.push_back(std::string(table) + "." + std::string(k));
    return out;
  }();
  return keys;
}

void read_keys(ReadContext& ctx, const toml::node& n, const std::string& key, hukou::ClauseEntry& c) {
  const toml::array* a = n.as_array();
  if (!a || a->empty()) {
    ctx.error(n, key, "expected a non-empty array of parameter keys, found " + describe(n));
    return;
  }
  const auto& known = settable_keys();
  const std::vector<std::string_view> names(known.begin(), known.end());
  for (const toml::node& e : *a) {
    auto s = read_string(ctx, e, key, true);
    if (!s) continue;
    if (std::find(known.begin(), known.end(), *s) == known.end())
      ctx.error(e, key, "unknown parameter key " + quote(*s) + suggest(*s, names, "keys"));
    else
      c.keys.push_back(*s);
  }
}

void read_clause(ReadContext& ctx, const toml::table& t, std::size_t index, std::set<std::string>& ids,
                 Scenario& s) {
  hukou::ClauseEntry c;
  const std::string path = "clauses[" + std::to_string(index + 1) + "]";
  check_keys(ctx, t, path, clause_keys(), "in [[clauses]]");
  if (auto n = require(ctx, t, "id", path, t.source()))
    if (auto v = read_string(ctx, *n, path + ".id", true)) {
      c.id = *v;
      if (clause_id(*v) != *v)
        ctx.error(*n, path + ".id", "an id has no ':' and no surrounding spaces (it is a `clause` string's text "
                                    "before its first ':'), found " + quote(*v));
      else if (!ids.insert(*v).second)
        ctx.error(*n, path + ".id", "duplicate clause id " + quote(*v));
    }
  if (auto n = require(ctx, t, "topic", path, t.source()))
    if (auto v = read_string(ctx, *n, path + ".topic", true)) c.topic = *v;
  if (auto n = require(ctx, t, "status", path, t.source()))
    if (auto v = read_string(ctx, *n, path + ".status")) {
      if (auto st = parse_status(*v)) c.status = *st;
      else ctx.error(*n, path + ".status", "unknown status " + quote(*v) + suggest(*v, std::vector<std::string_view>(std::begin(kStatusNames), std::end(kStatusNames)), "statuses"));
    }
  if (auto n = require(ctx, t, "why", path, t.source()))
    if (auto v = read_string(ctx, *n, path + ".why", true)) c.why = *v;
  if (auto n = t.get("keys")) read_keys(ctx, *n, path + ".keys", c);
  s.clauses.push_back(std::move(c));
}

// A `clause` string of the file and where it is.
struct Citation {
  const toml::node* node;
  std::string key, id;
};

std::vector<Citation> citations(const toml::table& root) {
  std::vector<Citation> out;
  auto add = [&](const toml::table& t, const std::string& path) {
    if (const toml::node* n = t.get("clause"))
      if (auto v = n->value<std::string>()) out.push_back({n, path + ".clause", clause_id(*v)});
  };
  for (std::string_view key : {"channels", "events", "targets"})
    if (const toml::array* a = root.get_as<toml::array>(key))
      for (std::size_t i = 0; i < a->size(); ++i)
        if (const toml::table* t = (*a)[i].as_table()) {
          std::string path = std::string(key) + "[" + std::to_string(i + 1) + "]";
          if (key == "channels")
            if (auto name = t->get_as<std::string>("name")) path = "channels." + name->get();
          add(*t, path);
        }
  if (const toml::table* t = root.get_as<toml::table>("county_score")) add(*t, "county_score");
  return out;
}

void check_coverage(ReadContext& ctx, const toml::table& root, const toml::array& table, const Scenario& s) {
  std::set<std::string> cited;
  for (const Citation& c : citations(root)) {
    cited.insert(c.id);
    const auto it = std::find_if(s.clauses.begin(), s.clauses.end(), [&](const auto& e) { return e.id == c.id; });
    if (it == s.clauses.end())
      ctx.error(*c.node, c.key, "cites clause " + quote(c.id) + ", which [[clauses]] does not list");
    else if (it->status == hukou::ClauseStatus::not_simulated)
      ctx.error(*c.node, c.key, "cites clause " + quote(c.id) + ", which [[clauses]] marks not_simulated");
  }
  for (std::size_t i = 0; i < s.clauses.size() && i < table.size(); ++i) {
    const hukou::ClauseEntry& e = s.clauses[i];
    if (e.id.empty() || e.status == hukou::ClauseStatus::not_simulated || cited.count(e.id) || !e.keys.empty())
      continue;
    ctx.error(table[i], "clauses[" + std::to_string(i + 1) + "]",
              "clause " + quote(e.id) + " is " + std::string(status_name(e.status)) +
                  " but no channel, event, target or county score cites it: cite it, or name in `keys` the "
                  "parameters that read it");
  }
}
}  // namespace

void read_clauses(ReadContext& ctx, const toml::table& root, Scenario& s) {
  const toml::array* table = table_array(ctx, root, "clauses", kMaxClauses);
  if (!table) return;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < table->size(); ++i)
    if (const toml::table* t = (*table)[i].as_table()) read_clause(ctx, *t, i, ids, s);
  // Only the file that declares the table answers for it (see the top of this file).
  const auto& where = table->source().path;
  if (!ctx.has_errors() && where && *where == ctx.main_source() && s.clauses.size() == table->size())
    check_coverage(ctx, root, *table, s);
}

}  // namespace detail
}  // namespace hukou::scenario
