// Reading a sweep file with the scenario loader's helpers, so its messages look
// like a scenario's (file:line:column, key, expected vs found, did-you-mean).
#include "core/params.hpp"
#include "scenario/loader.hpp"
#include "scenario/toml_reads.hpp"
#include "spec.hpp"

namespace hukou::sweep {

namespace fs = std::filesystem;
using scenario::check_keys;
using scenario::describe;
using scenario::fmt;
using scenario::quote;
using scenario::read_bool;
using scenario::read_integer;
using scenario::read_number;
using scenario::read_string;
using scenario::ReadContext;
using scenario::require;
using scenario::suggest;

namespace {

struct Bounds {
  double lo, hi;
  bool integer, boolean;
};

// The registry's bounds for a key, or an error naming the nearest key.
std::optional<Bounds> bounds_of(ReadContext& ctx, const toml::node& at, const std::string& where, const std::string& k,
                                const Scenario& base) {
  if (k.starts_with("zones.")) {
    const auto dot = k.rfind('.');
    const std::string zone = dot > 6 ? k.substr(6, dot - 6) : "";
    const std::string field = k.substr(dot + 1);
    bool found = false;
    std::vector<std::string_view> names;
    for (const auto& z : base.zones) {
      names.push_back(z.name);
      found = found || z.name == zone;
    }
    if (!found) {
      ctx.error(at, where, "no zone " + quote(zone) + " in the base scenario" + suggest(zone, names, "zones"));
      return std::nullopt;
    }
    if (const ZoneFieldSpec* f = find_zone_field(field)) return Bounds{f->lo, f->hi, false, false};
    std::vector<std::string_view> fields;
    for (const auto& f : zone_field_registry()) fields.push_back(f.name);
    ctx.error(at, where, "unknown zone field " + quote(field) + suggest(field, fields, "fields"));
    return std::nullopt;
  }
  if (const ParamSpec* p = find_param(k)) return Bounds{p->lo, p->hi, p->type == "int", p->type == "bool"};
  std::vector<std::string_view> keys;
  for (const auto& p : param_registry()) keys.push_back(p.key);
  ctx.error(at, where, "unknown parameter " + quote(k) + suggest(k, keys, "keys"));
  return std::nullopt;
}

void read_param(ReadContext& ctx, const toml::table& t, std::size_t i, const Scenario& base, SweepSpec& s) {
  const std::string path = "parameters[" + std::to_string(i + 1) + "]";
  check_keys(ctx, t, path, {"key", "range", "scale", "levels", "values"}, "in [[parameters]]");
  SweptParam p;
  const toml::node* kn = require(ctx, t, "key", path, t.source());
  const auto key = kn ? read_string(ctx, *kn, path + ".key", true) : std::nullopt;
  if (!key) return;
  p.key = *key;
  for (const auto& q : s.params)
    if (q.key == p.key) ctx.error(*kn, path + ".key", quote(p.key) + " is swept twice");
  const auto b = bounds_of(ctx, *kn, path + ".key", p.key, base);
  if (!b) return;
  p.integer = b->integer;
  p.boolean = b->boolean;
  const toml::node* range = t.get("range");
  const toml::node* values = t.get("values");
  if ((range != nullptr) == (values != nullptr)) {
    ctx.error(t.source(), path, "give either `range = [lo, hi]` or `values = [...]`");
    return;
  }
  if (const toml::node* sc = t.get("scale")) {
    const auto v = read_string(ctx, *sc, path + ".scale");
    if (v && *v != "linear" && *v != "log")
      ctx.error(*sc, path + ".scale", "expected \"linear\" or \"log\", found " + quote(*v));
    p.log = v && *v == "log";
  }
  if (const toml::node* lv = t.get("levels")) {
    if (const auto v = read_integer(ctx, *lv, path + ".levels", 1, 1000)) p.levels = static_cast<int>(*v);
  }
  if (values) {
    const toml::array* a = values->as_array();
    if (!a || a->empty()) {
      ctx.error(*values, path + ".values", "expected a non-empty array, found " + describe(*values));
      return;
    }
    for (std::size_t j = 0; j < a->size(); ++j) {
      const toml::node& n = *a->get(j);
      const std::string vk = path + ".values[" + std::to_string(j + 1) + "]";
      if (p.boolean) {
        if (const auto v = read_bool(ctx, n, vk)) p.values.push_back(*v ? 1.0 : 0.0);
      } else if (p.integer) {
        if (const auto v = read_integer(ctx, n, vk, static_cast<std::int64_t>(b->lo), static_cast<std::int64_t>(b->hi)))
          p.values.push_back(static_cast<double>(*v));
      } else if (const auto v = read_number(ctx, n, vk, b->lo, b->hi)) {
        p.values.push_back(*v);
      }
    }
  } else {
    const toml::array* a = range->as_array();
    if (p.boolean) {
      ctx.error(*range, path + ".range", "a boolean parameter takes `values = [false, true]`, not a range");
    } else if (!a || a->size() != 2) {
      ctx.error(*range, path + ".range", "expected [lo, hi], found " + describe(*range));
    } else {
      const auto lo = read_number(ctx, *a->get(0), path + ".range[1]", b->lo, b->hi);
      const auto hi = read_number(ctx, *a->get(1), path + ".range[2]", b->lo, b->hi);
      if (lo && hi && !(*lo < *hi))
        ctx.error(*range, path + ".range", "expected lo < hi, found [" + fmt(*lo) + ", " + fmt(*hi) + "]");
      if (lo && hi && p.log && !(*lo > 0))
        ctx.error(*range, path + ".range", "a log scale needs lo > 0, found " + fmt(*lo));
      p.lo = lo.value_or(0);
      p.hi = hi.value_or(1);
    }
  }
  s.params.push_back(std::move(p));
}

void read_design(ReadContext& ctx, const toml::table& root, SweepSpec& s) {
  const toml::node* dn = require(ctx, root, "design", "", root.source());
  if (!dn) return;
  const toml::table* d = dn->as_table();
  if (!d) return ctx.error(*dn, "design", "expected a table, found " + describe(*dn));
  check_keys(ctx, *d, "design", {"kind", "samples", "trajectories", "levels"}, "in [design]");
  const toml::node* kn = require(ctx, *d, "kind", "design", d->source());
  const auto kind = kn ? read_string(ctx, *kn, "design.kind") : std::nullopt;
  if (!kind) return;
  const std::vector<std::string_view> kinds = {"grid", "lhs", "sobol", "morris"};
  if (*kind == "grid")
    s.kind = DesignKind::grid;
  else if (*kind == "lhs")
    s.kind = DesignKind::lhs;
  else if (*kind == "sobol")
    s.kind = DesignKind::sobol;
  else if (*kind == "morris")
    s.kind = DesignKind::morris;
  else
    return ctx.error(*kn, "design.kind", "unknown design " + quote(*kind) + suggest(*kind, kinds, "designs"));
  auto need = [&](std::string_view k, std::int64_t lo, std::int64_t hi) -> std::int64_t {
    const toml::node* n = require(ctx, *d, k, "design", d->source());
    const auto v = n ? read_integer(ctx, *n, "design." + std::string(k), lo, hi) : std::nullopt;
    return v.value_or(lo);
  };
  if (s.kind == DesignKind::lhs || s.kind == DesignKind::sobol)
    s.samples = static_cast<std::size_t>(need("samples", 1, 1000000));
  if (s.kind == DesignKind::morris) {
    s.trajectories = static_cast<std::size_t>(need("trajectories", 1, 100000));
    s.morris_levels = static_cast<int>(need("levels", 2, 1000));
    if (s.morris_levels % 2) ctx.error(*d->get("levels"), "design.levels", "Morris needs an even number of levels");
  }
  const bool sampled = s.kind == DesignKind::lhs || s.kind == DesignKind::sobol;
  for (std::string_view k : {"samples", "trajectories", "levels"}) {
    const bool used = k == "samples" ? sampled : s.kind == DesignKind::morris;
    if (const toml::node* n = d->get(k); n && !used)
      ctx.error(*n, "design." + std::string(k), "not used by a " + *kind + " design");
  }
}

}  // namespace

namespace {
// Runs of the design, counted in floating point: a grid of 10 parameters of
// 1000 levels is 1e30 runs, which would overflow a size_t before it is refused.
double run_count(const SweepSpec& s) {
  const auto k = static_cast<double>(s.params.size());
  switch (s.kind) {
    case DesignKind::grid: {
      double n = 1;
      for (const auto& p : s.params) n *= p.values.empty() ? p.levels : static_cast<double>(p.values.size());
      return n;
    }
    case DesignKind::lhs: return static_cast<double>(s.samples);
    case DesignKind::sobol: return static_cast<double>(s.samples) * (k + 2);
    case DesignKind::morris: return static_cast<double>(s.trajectories) * (k + 1);
  }
  return 0;
}
}  // namespace

SweepSpec parse_spec(std::string_view text, const std::string& source, const fs::path& base_dir) {
  const toml::table root = scenario::parse_toml(text, source);
  ReadContext ctx(source);
  ctx.add_text(source, std::string(text));
  SweepSpec s;
  s.source = source;
  check_keys(ctx, root, "", {"scenario", "set", "replicates", "seed", "design", "parameters"}, "at the top level");
  const toml::node* sn = require(ctx, root, "scenario", "", root.source());
  const auto name = sn ? read_string(ctx, *sn, "scenario", true) : std::nullopt;
  if (const toml::node* n = root.get("set")) {
    const toml::array* a = n->as_array();
    if (!a) ctx.error(*n, "set", "expected an array of \"key=value\" strings, found " + describe(*n));
    for (std::size_t i = 0; a && i < a->size(); ++i)
      if (const auto v = read_string(ctx, *a->get(i), "set[" + std::to_string(i + 1) + "]", true)) s.set.push_back(*v);
  }
  if (const toml::node* n = root.get("replicates"))
    s.replicates = static_cast<std::size_t>(read_integer(ctx, *n, "replicates", 1, 100000).value_or(1));
  std::optional<std::int64_t> seed;
  if (const toml::node* n = root.get("seed")) seed = read_integer(ctx, *n, "seed", 0, INT64_MAX);
  read_design(ctx, root, s);
  ctx.throw_if_errors();
  // The base scenario: a path relative to the sweep file, else a built-in name.
  const fs::path rel = base_dir / *name;
  s.scenario = fs::is_regular_file(rel) ? rel.string() : *name;
  const scenario::Resolved base = scenario::resolve(s.scenario, s.set);
  s.base_text = base.scenario.source_text;
  s.seed = seed ? static_cast<std::uint64_t>(*seed) : base.scenario.seed;
  const toml::node* pn = require(ctx, root, "parameters", "", root.source());
  const toml::array* ps = pn ? pn->as_array() : nullptr;
  if (pn && (!ps || ps->empty() || !ps->is_array_of_tables()))
    ctx.error(*pn, "parameters", "expected one or more [[parameters]] tables");
  for (std::size_t i = 0; ps && ps->is_array_of_tables() && i < ps->size(); ++i)
    read_param(ctx, *ps->get(i)->as_table(), i, base.scenario, s);
  if (s.kind == DesignKind::sobol && s.params.size() > 10)
    ctx.error(*pn, "parameters",
              "a sobol design takes at most 10 parameters (Sobol direction numbers for 21 dimensions)");
  if (!ctx.has_errors() && run_count(s) > kMaxRuns)
    ctx.error(*root.get("design"), "design",
              "the design has " + fmt(run_count(s)) + " runs; at most " + fmt(kMaxRuns) +
                  " are allowed (a sweep directory holds one file per run): use fewer levels or samples");
  ctx.throw_if_errors();
  return s;
}

}  // namespace hukou::sweep
