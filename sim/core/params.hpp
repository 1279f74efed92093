// Parameters of the model, generated from params.def / zones.def / population.def
// so that each is declared exactly once, with its unit, bounds, default and source.
#pragma once
#include <array>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hukou {

struct Params {
#define X(type, section, name, unit, def, lo, hi, desc, src) type section##_##name = def;
#include "params.def"
#undef X
};

using ParamField = std::variant<double Params::*, int Params::*, bool Params::*>;

struct ParamSpec {
  std::string_view key;  // "section.name"
  std::string_view section, name, type, unit;
  double def, lo, hi;
  std::string_view description, source;
  ParamField field;
};
std::span<const ParamSpec> param_registry();
const ParamSpec* find_param(std::string_view key);
double get_param(const Params& p, const ParamSpec& s);
void set_param(Params& p, const ParamSpec& s, double v);  // v already validated

enum class ZoneKind : std::uint8_t { urban_district, county, county_city };
std::string_view to_string(ZoneKind k);

struct ZoneFields {
#define X(name, unit, required, def, lo, hi, desc) double name = def;
#include "zones.def"
#undef X
};

struct ZoneFieldSpec {
  std::string_view name, unit;
  bool required;
  double def, lo, hi;
  std::string_view description;
  double ZoneFields::*field;
};
std::span<const ZoneFieldSpec> zone_field_registry();
const ZoneFieldSpec* find_zone_field(std::string_view name);

struct Composition {
#define HUKOU_UNPAREN(...) __VA_ARGS__
#define X(name, labels, shares, desc, src) std::vector<double> name = HUKOU_UNPAREN shares;
#include "population.def"
#undef X
};

struct CompositionSpec {
  std::string_view name;
  std::vector<std::string_view> labels;
  std::vector<double> def;
  std::string_view description, source;
  std::vector<double> Composition::*field;
};
std::span<const CompositionSpec> composition_registry();
const CompositionSpec* find_composition(std::string_view name);

}  // namespace hukou
