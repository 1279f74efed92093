// [calibration]: the cutoff year and the priors of the parameters that `hukou
// calibrate` estimates. A prior's key is a --set key (a registry parameter or a zone
// field); its value is "default" (core/priors.def) or an inline table of keys.def's
// "calibration.priors" keys. The distribution's own consistency (shapes, truncation
// mass) is checked again by hukou_calibrate when a calibration starts.
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/params.hpp"
#include "core/priors.hpp"
#include "format.hpp"
#include "keys.hpp"
#include "parts.hpp"
#include "toml_reads.hpp"

namespace hukou::scenario::detail {

namespace {
constexpr double INF = std::numeric_limits<double>::infinity();

struct Target {
  std::string unit;
  double lo = -INF, hi = INF;
};

// The parameter a prior key names, or nothing (reported).
std::optional<Target> parameter(ReadContext& ctx, const toml::node& at, const std::string& key,
                                const Names& zones) {
  const std::string path = "calibration.priors." + key;
  if (const auto* p = hukou::find_param(key)) {
    if (p->type != std::string_view("double")) {
      ctx.error(at, path, "parameter " + quote(key) + " is of type " + std::string(p->type) +
                              "; only number parameters can be calibrated");
      return std::nullopt;
    }
    return Target{std::string(p->unit), p->lo, p->hi};
  }
  if (key.rfind("zones.", 0) == 0) {
    const auto dot = key.rfind('.');
    const std::string zone = key.substr(6, dot > 6 ? dot - 6 : 0), field = key.substr(dot + 1);
    const auto* f = hukou::find_zone_field(field);
    if (dot > 6 && f && zones.find(zone)) return Target{std::string(f->unit), f->lo, f->hi};
    ctx.error(at, path, "expected zones.<zone name>.<field> with a declared zone and a zones.def field, found " +
                            quote(key));
    return std::nullopt;
  }
  std::vector<std::string_view> known(registry_keys().begin(), registry_keys().end());
  ctx.error(at, path, "unknown parameter " + quote(key) + suggest(key, known, "parameters"));
  return std::nullopt;
}

// The distributions core/priors.hpp declares (PriorDist) and hukou_calibrate samples.
constexpr std::string_view kDists[] = {"uniform", "normal", "lognormal", "beta"};

void check_shape(ReadContext& ctx, const toml::node& at, const std::string& path, hukou::CalibratedParameter& c,
                 const Target& t) {
  auto bad = [&](const std::string& m) { ctx.error(at, path, m); };
  if (c.lo >= c.hi) return bad("bounds [" + fmt(c.lo) + ", " + fmt(c.hi) + "] are empty (lo < hi expected)");
  if (c.lo < t.lo || c.hi > t.hi)
    return bad("bounds [" + fmt(c.lo) + ", " + fmt(c.hi) + "] leave the parameter's range [" + fmt(t.lo) + ", " +
               fmt(t.hi) + "]");
  if (c.dist == "uniform") {
    if (!(c.a < c.b)) return bad("uniform(a, b) needs a < b");
    if (c.a < c.lo || c.b > c.hi) return bad("uniform range [a, b] must lie within [lo, hi]");
  } else if ((c.dist == "normal" || c.dist == "lognormal") && !(c.b > 0)) {
    return bad(c.dist + "(a, b) needs b > 0 (a standard deviation)");
  } else if (c.dist == "beta" && !(c.a > 0 && c.b > 0)) {
    return bad("beta(a, b) needs both shapes > 0");
  } else if (c.dist == "lognormal" && c.hi <= 0) {
    return bad("a log-normal prior needs an upper bound > 0");
  } else if (c.dist == "beta" && (std::isinf(c.lo) || std::isinf(c.hi))) {
    return bad("a beta prior needs finite bounds lo, hi (its support)");
  }
}

std::optional<hukou::CalibratedParameter> read_prior(ReadContext& ctx, const std::string& key, const toml::node& n,
                                                     const Names& zones) {
  const std::string path = "calibration.priors." + key;
  const auto target = parameter(ctx, n, key, zones);
  if (!target) return std::nullopt;
  hukou::CalibratedParameter c;
  c.key = key;
  c.unit = target->unit;
  if (auto s = n.value<std::string>()) {
    const hukou::PriorSpec* d = *s == "default" ? hukou::find_prior(key) : nullptr;
    if (!d) {
      ctx.error(n, path, *s == "default" ? "core/priors.def declares no default prior for " + quote(key)
                                         : "expected \"default\" or a table {dist = ..., a = ..., b = ..., source = ...}");
      return std::nullopt;
    }
    c.dist = std::string(hukou::to_string(d->dist));
    c.a = d->a, c.b = d->b, c.lo = d->lo, c.hi = d->hi, c.source = std::string(d->source);
    return c;
  }
  const toml::table* t = n.as_table();
  if (!t) {
    ctx.error(n, path, "expected \"default\" or a table {dist = ..., a = ..., b = ..., source = ...}, found " +
                           describe(n));
    return std::nullopt;
  }
  check_keys(ctx, *t, path, prior_keys(), "in a prior");
  bool ok = true;
  if (auto d = require(ctx, *t, "dist", path, t->source())) {
    if (auto s = read_string(ctx, *d, path + ".dist")) {
      c.dist = *s;
      if (std::find(std::begin(kDists), std::end(kDists), *s) == std::end(kDists)) {
        ctx.error(*d, path + ".dist",
                  "unknown prior " + quote(*s) + suggest(*s, {std::begin(kDists), std::end(kDists)}, "priors"));
        ok = false;
      }
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  auto number = [&](std::string_view k, double& out, bool required, double def) {
    out = def;
    const toml::node* v = required ? require(ctx, *t, k, path, t->source()) : t->get(k);
    if (!v) {
      ok = ok && !required;
      return;
    }
    if (auto x = read_number(ctx, *v, join_key(path, k))) out = *x;
    else ok = false;
  };
  number("a", c.a, true, 0);
  number("b", c.b, true, 0);
  number("lo", c.lo, false, target->lo);
  number("hi", c.hi, false, target->hi);
  if (auto s = require(ctx, *t, "source", path, t->source())) {
    if (auto v = read_string(ctx, *s, path + ".source", true)) c.source = *v;
    else ok = false;
  } else {
    ok = false;
  }
  if (!ok) return std::nullopt;
  const std::size_t before = ctx.error_count();
  check_shape(ctx, n, path, c, *target);
  if (ctx.error_count() != before) return std::nullopt;
  return c;
}
}  // namespace

void read_calibration(ReadContext& ctx, const toml::table& root, const Names& zones, const Years& years,
                      Scenario& s) {
  const toml::node* n = root.get("calibration");
  if (!n) return;
  const toml::table* t = n->as_table();
  if (!t) {
    ctx.error(*n, "calibration", "expected a table [calibration], found " + describe(*n));
    return;
  }
  check_keys(ctx, *t, "calibration", calibration_keys(), "in [calibration]");
  hukou::Calibration cal;
  if (auto y = require(ctx, *t, "cutoff", "calibration", t->source()))
    if (auto v = read_integer(ctx, *y, "calibration.cutoff",
                              static_cast<std::int64_t>(table_key("calibration", "cutoff").lo),
                              static_cast<std::int64_t>(table_key("calibration", "cutoff").hi))) {
      cal.cutoff = static_cast<int>(*v);
      if (years.ok && (cal.cutoff < years.base || cal.cutoff > years.horizon))
        ctx.error(*y, "calibration.cutoff",
                  "cutoff " + std::to_string(cal.cutoff) + " is outside the simulated years " +
                      std::to_string(years.base) + "-" + std::to_string(years.horizon) +
                      " (base_year <= cutoff <= horizon)");
    }
  if (const toml::node* p = t->get("priors")) {
    if (const toml::table* pt = p->as_table()) {
      for (const auto& [k, v] : *pt)
        if (auto c = read_prior(ctx, std::string(k.str()), v, zones)) cal.priors.push_back(std::move(*c));
    } else {
      ctx.error(*p, "calibration.priors", "expected a table [calibration.priors], found " + describe(*p));
    }
  }
  s.calibration = std::move(cal);
}

}  // namespace hukou::scenario::detail
