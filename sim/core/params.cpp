#include "params.hpp"

namespace hukou {

namespace {
const std::vector<ParamSpec>& params_table() {
  static const std::vector<ParamSpec> table{
#define X(type, section, name, unit, def, lo, hi, desc, src)                                   \
  ParamSpec{#section "." #name, #section, #name, #type, unit, static_cast<double>(def),         \
            static_cast<double>(lo), static_cast<double>(hi), desc, src,                       \
            ParamField{&Params::section##_##name}},
#include "params.def"
#undef X
  };
  return table;
}

const std::vector<ZoneFieldSpec>& zone_table() {
  static const std::vector<ZoneFieldSpec> table{
#define X(name, unit, required, def, lo, hi, desc) \
  ZoneFieldSpec{#name, unit, required, def, lo, hi, desc, &ZoneFields::name},
#include "zones.def"
#undef X
  };
  return table;
}

const std::vector<CompositionSpec>& composition_table() {
  static const std::vector<CompositionSpec> table{
#define X(name, labels, shares, desc, src) \
  CompositionSpec{#name, HUKOU_UNPAREN labels, HUKOU_UNPAREN shares, desc, src, &Composition::name},
#include "population.def"
#undef X
  };
  return table;
}
}  // namespace

std::span<const ParamSpec> param_registry() { return params_table(); }
std::span<const ZoneFieldSpec> zone_field_registry() { return zone_table(); }
std::span<const CompositionSpec> composition_registry() { return composition_table(); }

const ParamSpec* find_param(std::string_view key) {
  for (const auto& s : params_table())
    if (s.key == key) return &s;
  return nullptr;
}
const ZoneFieldSpec* find_zone_field(std::string_view name) {
  for (const auto& s : zone_table())
    if (s.name == name) return &s;
  return nullptr;
}
const CompositionSpec* find_composition(std::string_view name) {
  for (const auto& s : composition_table())
    if (s.name == name) return &s;
  return nullptr;
}

double get_param(const Params& p, const ParamSpec& s) {
  return std::visit([&](auto field) { return static_cast<double>(p.*field); }, s.field);
}

void set_param(Params& p, const ParamSpec& s, double v) {
  std::visit(
      [&](auto field) {
        using T = std::remove_reference_t<decltype(p.*field)>;
        p.*field = static_cast<T>(v);
      },
      s.field);
}

std::string_view to_string(ZoneKind k) {
  switch (k) {
    case ZoneKind::urban_district: return "urban_district";
    case ZoneKind::county: return "county";
    case ZoneKind::county_city: return "county_city";
  }
  return "?";
}

}  // namespace hukou
