// `hukou check SCENARIO`: validates a scenario exactly as `hukou run` does (the same
// loader, so the same messages and exit 2) and prints every value a run would use,
// each with where it came from: [default], [file], [parent NAME] or [--set]. The
// origins come from the loader (scenario::resolve), never recomputed here.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "scenario/loader.hpp"

namespace hukou::cli {

namespace {
struct CheckOptions {
  std::string scenario;
  std::vector<std::string> set;
  bool sources = false;
};

// East Asian wide characters take two terminal columns; zone names and clauses are
// Chinese, so columns are aligned by display width, not by bytes.
std::size_t width(std::string_view s) {
  static constexpr char32_t kWide[][2] = {{0x1100, 0x115F}, {0x2E80, 0xA4CF}, {0xAC00, 0xD7A3},
                                          {0xF900, 0xFAFF}, {0xFE30, 0xFE4F}, {0xFF00, 0xFF60},
                                          {0xFFE0, 0xFFE6}, {0x20000, 0x3FFFD}};
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? b : (b & (0x7Fu >> n));
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    w += std::any_of(std::begin(kWide), std::end(kWide), [c](const auto& r) { return c >= r[0] && c <= r[1]; }) ? 2 : 1;
    i += n;
  }
  return w;
}

// Rows of cells, each column padded to its widest cell. Cells wider than `cap` (a
// title, a clause) do not widen their column, they just push the rest of their row
// along; the last cell is never padded, so a one-cell row is a heading.
struct Table {
  std::size_t cap = 40;
  std::vector<std::vector<std::string>> rows;
  void row(std::vector<std::string> cells) { rows.push_back(std::move(cells)); }
  void print() const {
    std::vector<std::size_t> w;
    for (const auto& r : rows) {
      w.resize(std::max(w.size(), r.size()), 0);
      for (std::size_t i = 0; i + 1 < r.size(); ++i)
        if (width(r[i]) <= cap) w[i] = std::max(w[i], width(r[i]));
    }
    for (const auto& r : rows) {
      std::string line = "  ";
      for (std::size_t i = 0; i < r.size(); ++i)
        line += r[i] + (i + 1 < r.size() ? std::string(std::max(w[i], width(r[i])) - width(r[i]) + 2, ' ') : "");
      std::cout << line.erase(line.find_last_not_of(' ') + 1) << "\n";
    }
  }
};

// Shortest round-trip text, but whole numbers in full (100000, not 1e+05).
std::string num(double v) {
  if (v == std::trunc(v) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// A dimensionless unit ("1") says nothing to a reader: left out.
std::string unit(std::string_view u) { return u == "1" ? "" : std::string(u); }

struct Printer {
  const scenario::Resolved& r;
  bool sources;
  const Scenario& s = r.scenario;

  std::string from(const std::string& key) const { return "[" + r.origin_of(key) + "]"; }
  void kv(Table& t, const std::string& label, const std::string& key, std::string value, std::string tail = {}) const {
    t.row({label, "= " + std::move(value), from(key), std::move(tail)});
  }
  // The registry's evidence for a default, with --sources.
  std::string evidence(const std::string& key, std::string_view source) const {
    return sources && r.origin_of(key) == "default" ? "source: " + std::string(source) : "";
  }
  // "Events (3)  [file]"; "Events: none" when there are none and no file said so.
  void heading(const char* title, std::size_t n, const std::string& key) const {
    const std::string o = r.origin_of(key);
    std::cout << "\n" << title << (n ? " (" + std::to_string(n) + ")" : ": none")
              << (n || o != "default" ? "  [" + o + "]" : "") << "\n";
  }

  void top() const {
    std::cout << "Scenario\n";
    Table t;
    kv(t, "name", "name", s.name);
    kv(t, "title", "title", s.title);
    kv(t, "base_year", "base_year", std::to_string(s.base_year));
    kv(t, "horizon", "horizon", std::to_string(s.horizon), std::to_string(s.periods()) + " yearly periods");
    kv(t, "scale", "scale", num(s.scale), "persons per agent");
    kv(t, "seed", "seed", std::to_string(s.seed));
    t.print();
  }

  void params() const {
    std::size_t given = 0;
    Table t;
    std::string_view section;  // a blank line between sections
    for (const auto& p : param_registry()) {
      if (!section.empty() && p.section != section) t.row({""});
      section = p.section;
      const std::string key(p.key);
      const double v = get_param(s.params, p);
      given += r.origin.count(key);
      t.row({key, "= " + (p.type == "bool" ? std::string(v != 0.0 ? "true" : "false") : num(v)), from(key),
             unit(p.unit), evidence(key, p.source)});
    }
    std::cout << "\nParameters (" << param_registry().size() << "; " << given
              << " given by the scenario or --set, the rest registry defaults)\n";
    t.print();
    std::cout << "\nComposition shares\n";
    Table c{1000, {}};  // about as wide as each other: aligned whatever their width
    for (const auto& spec : composition_registry()) {
      const std::string key = "population." + std::string(spec.name);
      std::vector<std::string> parts;
      for (std::size_t i = 0; i < spec.labels.size(); ++i)
        parts.push_back(std::string(spec.labels[i]) + " " + num((s.composition.*spec.field)[i]));
      c.row({key, "= " + joined(parts), from(key), evidence(key, spec.source)});
    }
    c.print();
  }

  void zones() const {
    std::cout << "\nZones (" << s.zones.size() << ")  " << from("zones") << "\n";
    Table t;
    for (const auto& z : s.zones) {
      const std::string k = "zones." + z.name + ".";
      t.row({z.name});
      kv(t, "  kind", k + "kind", std::string(to_string(z.kind)));
      kv(t, "  tier", k + "tier", z.tier.empty() ? "\"\"" : z.tier);
      for (const auto& f : zone_field_registry())
        kv(t, "  " + std::string(f.name), k + std::string(f.name), num(z.f.*f.field), unit(f.unit));
    }
    t.print();
  }

  void channels() const {
    std::cout << "\nChannels (" << s.channels.size() << ", in order of precedence)  " << from("channels") << "\n";
    Table t;
    for (const auto& c : s.channels) {
      const std::string k = "channels." + c.name + ".";
      std::vector<std::string> open;
      for (std::size_t z = 0; z < s.zones.size(); ++z)
        if (c.zones[z]) open.push_back(s.zones[z].name);
      t.row({c.name});
      kv(t, "  clause", k + "clause", c.clause);
      kv(t, "  condition", k + "condition", c.condition.text);
      kv(t, "  open in", k + (r.origin.count(k + "zones") ? "zones" : "tiers"),
         open.size() == s.zones.size() ? "every zone" : open.empty() ? "no zone" : joined(open));
      kv(t, "  from", k + "from", c.from.str());
      kv(t, "  until", k + "until", c.until.str());
      kv(t, "  events_only", k + "events_only", c.events_only ? "true" : "false");
    }
    t.print();
  }

  void rest() const {
    std::cout << "\nPublic rental\n";
    Table t;
    kv(t, "condition", "public_rental.condition", s.public_rental_condition.text, "who may rent public housing");
    t.print();

    heading("Events", s.events.size(), "events");
    static constexpr const char* kKinds[] = {"reclassify", "relocation", "workplace_registration"};  // EventKind
    Table e;
    for (const auto& v : s.events)
      e.row({std::to_string(v.year), kKinds[static_cast<int>(v.kind)], s.zones[v.zone].name,
             v.kind == EventKind::workplace_registration ? num(v.persons) + " persons" : "share " + num(v.share),
             v.kind == EventKind::reclassify ? "" : "via " + s.channels[v.channel].name, v.clause});
    e.print();

    heading("Targets", s.targets.size(), "targets");
    Table g;
    for (const auto& v : s.targets)
      g.row({std::to_string(v.year), v.indicator, num(v.value), v.zone ? s.zones[*v.zone].name : "prefecture", v.clause});
    g.print();

    if (!s.county_score) return;
    std::cout << "\nCounty score\n";
    Table c;
    kv(c, "year", "county_score.year", std::to_string(s.county_score->year));
    kv(c, "relocation_channel", "county_score.relocation_channel", s.channels[s.county_score->relocation_channel].name);
    kv(c, "clause", "county_score.clause", s.county_score->clause);
    c.print();
  }
};

int check(const CheckOptions& o) {
  const scenario::Resolved r = scenario::resolve(o.scenario, o.set);
  std::cout << r.files.front() << ": valid. The values `hukou run` would use, each with its origin:\n"
            << "  [file] this file, [parent NAME] a file it extends (a built-in's name or a path),"
            << (o.set.empty() ? "" : " [--set] the command line,") << "\n  [default] the parameter registry"
            << (o.sources ? " (its evidence shown after source:)" : " (--sources shows its evidence)") << "\n";
  for (std::size_t i = 1; i < r.files.size(); ++i) std::cout << "  extends " << r.files[i] << "\n";
  std::cout << "\n";
  const Printer p{r, o.sources};
  p.top();
  p.params();
  p.zones();
  p.channels();
  p.rest();
  return ok;
}
}  // namespace

void add_check(CLI::App& app) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Validate a scenario as `run` would and print its resolved parameters with their origin");
  cmd->add_option("scenario", o->scenario, "Scenario file (.toml) or built-in name (see `hukou scenarios`)")->required();
  cmd->add_option("--set", o->set, "Override a parameter, e.g. --set decision.asc_settle=-3 (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("--sources", o->sources, "Also show the registry's source (evidence) for each default");
  cmd->callback([o] {
    const int code = check(*o);
    if (code != ok) throw CLI::RuntimeError(code);
  });
}

}  // namespace hukou::cli
