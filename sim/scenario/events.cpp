// [[events]]: scheduled events of step 8 (in-situ reclassification, poverty
// relocation, workplace registration), each in one zone and year.
#include "format.hpp"
#include "keys.hpp"
#include "parts.hpp"
#include "toml_reads.hpp"

namespace hukou::scenario::detail {

namespace {
std::int64_t bound_lo(std::string_view k) { return static_cast<std::int64_t>(table_key("events", k).lo); }
std::int64_t bound_hi(std::string_view k) { return static_cast<std::int64_t>(table_key("events", k).hi); }

struct KindInfo {
  std::string_view name;
  hukou::EventKind kind;
  bool share, persons, channel;  // which keys the kind takes (all required)
};
constexpr KindInfo kKinds[] = {
    {"reclassify", hukou::EventKind::reclassify, true, false, false},
    {"relocation", hukou::EventKind::relocation, true, false, true},
    {"workplace_registration", hukou::EventKind::workplace_registration, false, true, true},
};

const KindInfo* read_kind(ReadContext& ctx, const toml::node& n, const std::string& key) {
  auto s = read_string(ctx, n, key);
  if (!s) return nullptr;
  std::vector<std::string_view> names;
  for (const auto& k : kKinds) {
    if (k.name == *s) return &k;
    names.push_back(k.name);
  }
  ctx.error(n, key, "unknown event kind " + quote(*s) + suggest(*s, names, "kinds"));
  return nullptr;
}

// A key the kind requires must be there; one it does not take must not.
const toml::node* kind_key(ReadContext& ctx, const toml::table& t, const std::string& path,
                           const KindInfo& kind, std::string_view k, bool wanted) {
  const toml::node* n = t.get(k);
  if (wanted) return require(ctx, t, k, path, t.source());
  if (n)
    ctx.error(*n, join_key(path, k),
              "key " + quote(k) + " does not apply to events of kind " + quote(kind.name));
  return nullptr;
}

void read_event(ReadContext& ctx, const toml::table& t, std::size_t index, const Names& zones,
                const Names& channels, const Years& years, Scenario& s) {
  hukou::Event e;
  const std::string path = "events[" + std::to_string(index + 1) + "]";
  check_keys(ctx, t, path, event_keys(), "in [[events]]");
  const KindInfo* kind = nullptr;
  if (auto n = require(ctx, t, "kind", path, t.source()))
    if ((kind = read_kind(ctx, *n, path + ".kind"))) e.kind = kind->kind;
  if (auto n = require(ctx, t, "zone", path, t.source()))
    if (auto z = read_reference(ctx, *n, path + ".zone", zones, "zone")) e.zone = *z;
  if (auto n = require(ctx, t, "year", path, t.source())) {
    if (auto y = read_integer(ctx, *n, path + ".year", bound_lo("year"), bound_hi("year"))) {
      e.year = static_cast<int>(*y);
      if (years.ok && (e.year <= years.base || e.year > years.horizon))
        ctx.error(*n, path + ".year",
                  "event year " + std::to_string(e.year) + " is outside the simulated years " +
                      std::to_string(years.base + 1) + "-" + std::to_string(years.horizon) +
                      " (base_year < year <= horizon)");
    }
  }
  if (auto n = require(ctx, t, "clause", path, t.source()))
    if (auto v = read_string(ctx, *n, path + ".clause", true)) e.clause = *v;
  if (!kind) {
    s.events.push_back(std::move(e));
    return;
  }

  if (auto n = kind_key(ctx, t, path, *kind, "share", kind->share))
    if (auto v = read_number(ctx, *n, path + ".share", table_key("events", "share").lo, table_key("events", "share").hi)) e.share = *v;
  if (auto n = kind_key(ctx, t, path, *kind, "persons", kind->persons))
    // Bounded like a zone's population fields (keys.def): more persons than a zone
    // holds registering at once is no workplace.
    if (auto v = read_number(ctx, *n, path + ".persons", table_key("events", "persons").lo,
                             table_key("events", "persons").hi, "persons"))
      e.persons = *v;
  if (auto n = kind_key(ctx, t, path, *kind, "channel", kind->channel))
    if (auto c = read_reference(ctx, *n, path + ".channel", channels, "channel")) e.channel = *c;
  s.events.push_back(std::move(e));
}
}  // namespace

void read_events(ReadContext& ctx, const toml::table& root, const Names& zones, const Names& channels,
                 const Years& years, Scenario& s) {
  const toml::array* events = table_array(ctx, root, "events", 100000);
  if (!events) return;
  for (std::size_t i = 0; i < events->size(); ++i)
    if (const toml::table* t = (*events)[i].as_table())
      read_event(ctx, *t, i, zones, channels, years, s);
}

}  // namespace hukou::scenario::detail
