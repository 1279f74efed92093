// The registry sections ([demography] ... [population]): every key is a parameter
// of params.def (or, in [population], a composition of population.def), read with
// the type, bounds and unit declared there. Absent keys keep the registry default.
#include <cmath>
#include <cstdio>

#include "core/params.hpp"
#include "keys.hpp"
#include "parts.hpp"
#include "toml_reads.hpp"

namespace hukou::scenario::detail {

namespace {
constexpr double kShareTolerance = 1e-6;

void read_param(ReadContext& ctx, const toml::node& n, const hukou::ParamSpec& spec, Params& p) {
  const std::string key(spec.key);
  if (spec.type == "bool") {
    if (auto v = read_bool(ctx, n, key)) set_param(p, spec, *v ? 1.0 : 0.0);
  } else if (spec.type == "int") {
    if (auto v = read_integer(ctx, n, key, static_cast<std::int64_t>(spec.lo),
                              static_cast<std::int64_t>(spec.hi), spec.unit))
      set_param(p, spec, static_cast<double>(*v));
  } else {
    if (auto v = read_number(ctx, n, key, spec.lo, spec.hi, spec.unit)) set_param(p, spec, *v);
  }
}

// The sum as people write it: 0.95, not 0.9500000000000001.
std::string rounded(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string labels_text(const hukou::CompositionSpec& spec) {
  std::string out;
  for (std::size_t i = 0; i < spec.labels.size(); ++i)
    out += (i ? ", " : "") + std::string(spec.labels[i]);
  return out;
}

void read_composition(ReadContext& ctx, const toml::node& n, const hukou::CompositionSpec& spec,
                      Composition& c) {
  const std::string key = "population." + std::string(spec.name);
  const std::size_t want = spec.labels.size();
  const std::string expected = "expected an array of " + std::to_string(want) + " numbers (" +
                               labels_text(spec) + ")";
  const toml::array* a = n.as_array();
  if (!a) {
    ctx.error(n, key, expected + ", found " + describe(n));
    return;
  }
  if (a->size() != want) {
    ctx.error(n, key, expected + ", found " + std::to_string(a->size()) + " values");
    return;
  }
  std::vector<double> shares;
  for (std::size_t i = 0; i < want; ++i) {
    const std::string ekey = key + "[" + std::to_string(i + 1) + "]";
    if (auto v = read_number(ctx, (*a)[i], ekey, 0.0, 1.0)) shares.push_back(*v);
  }
  if (shares.size() != want) return;
  double sum = 0.0;
  for (double v : shares) sum += v;
  if (std::abs(sum - 1.0) > kShareTolerance) {
    ctx.error(n, key,
              "shares sum to " + rounded(sum) + "; they must sum to 1 (within " +
                  fmt(kShareTolerance) + ")");
    return;
  }
  c.*spec.field = std::move(shares);
}
}  // namespace

void read_sections(ReadContext& ctx, const toml::table& root, Scenario& s) {
  for (std::string_view section : section_names()) {
    const toml::node* n = root.get(section);
    if (!n) continue;
    const toml::table* t = n->as_table();
    if (!t) {
      ctx.error(*n, std::string(section),
                "expected a table [" + std::string(section) + "], found " + describe(*n));
      continue;
    }
    check_keys(ctx, *t, section, section_keys(section), "in [" + std::string(section) + "]");
    for (auto&& [k, v] : *t) {
      const std::string full = std::string(section) + "." + std::string(k.str());
      if (const auto* spec = hukou::find_param(full)) {
        read_param(ctx, v, *spec, s.params);
      } else if (section == "population") {
        if (const auto* comp = hukou::find_composition(k.str()))
          read_composition(ctx, v, *comp, s.composition);
      }
    }
  }
}

}  // namespace hukou::scenario::detail
