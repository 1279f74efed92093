#include "series_attrs.hpp"

#include "h5_objects.hpp"

namespace hukou::output {

std::string_view kind_name(Kind k) {
  switch (k) {
    case Kind::rate: return "rate";
    case Kind::stock: return "stock";
    case Kind::flow: return "flow";
  }
  return "?";
}

std::vector<std::string> dimension_names(const SeriesSpec& s) {
  std::vector<std::string> out{"replicate", "period"};
  if (s.dims != Dims::P) out.emplace_back("zone");
  if (s.dims == Dims::PZC) out.emplace_back("channel");
  if (s.dims == Dims::PZG) out.emplace_back("group");
  return out;
}

namespace h5 {
void write_series_attrs(hid_t ds, const SeriesSpec& s, const std::vector<std::string>& leading) {
  write_attr(ds, "units", std::string(s.units));
  write_attr(ds, "long_name", std::string(s.long_name));
  write_attr(ds, "kind", std::string(kind_name(s.kind)));
  std::string dims;
  for (const auto& d : leading) dims += d + " ";
  for (const auto& d : dimension_names(s)) dims += d + " ";
  dims.pop_back();
  write_attr(ds, "dimensions", dims);
}
}  // namespace h5

}  // namespace hukou::output
