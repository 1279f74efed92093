#include "results.hpp"

#include <stdexcept>

namespace hukou {

namespace {
constexpr std::array<SeriesSpec, kSeriesCount> kSpecs{{
#define X(id, dims, kind, units, long_name) {Series::id, #id, Dims::dims, Kind::kind, units, long_name},
#include "outputs.def"
#undef X
}};
}  // namespace

const std::array<SeriesSpec, kSeriesCount>& output_series() { return kSpecs; }
const SeriesSpec& spec(Series s) { return kSpecs[static_cast<std::size_t>(s)]; }

const std::vector<std::string>& group_names() {
  static const std::vector<std::string> names{
      "college_grad", "skilled_worker", "vocational_grad", "overseas_returnee",
      "veteran", "rural_student", "new_generation", "other"};
  return names;
}

RunResult::RunResult(std::vector<int> y, std::vector<std::string> z, std::vector<std::string> c)
    : years(std::move(y)), zones(std::move(z)), channels(std::move(c)), data(kSeriesCount) {
  for (std::size_t i = 0; i < kSeriesCount; ++i) {
    std::size_t n = 1;
    for (auto e : shape(static_cast<Series>(i))) n *= e;
    data[i].assign(n, 0.0);
  }
}

std::vector<std::size_t> RunResult::shape(Series s) const {
  const std::size_t p = years.size(), z = zones.size();
  switch (spec(s).dims) {
    case Dims::P: return {p};
    case Dims::PZ: return {p, z};
    case Dims::PZC: return {p, z, channels.size()};
    case Dims::PZG: return {p, z, group_names().size()};
  }
  throw std::logic_error("unknown dims");
}

double& RunResult::at(Series s, std::size_t period, std::size_t zone, std::size_t third) {
  const auto sh = shape(s);
  std::size_t idx = period;
  if (sh.size() > 1) idx = idx * sh[1] + zone;
  if (sh.size() > 2) idx = idx * sh[2] + third;
  return data[static_cast<std::size_t>(s)].at(idx);
}

double RunResult::total(Series s, std::size_t period, std::size_t zone) const {
  const auto sh = shape(s);
  if (sh.size() == 1) return at(s, period);
  const std::size_t z0 = zone == all_zones ? 0 : zone, z1 = zone == all_zones ? sh[1] : zone + 1;
  const std::size_t third = sh.size() > 2 ? sh[2] : 1;
  double x = 0.0;
  for (std::size_t z = z0; z < z1; ++z)
    for (std::size_t c = 0; c < third; ++c) x += at(s, period, z, c);
  return x;
}

double RunResult::at(Series s, std::size_t period, std::size_t zone, std::size_t third) const {
  return const_cast<RunResult*>(this)->at(s, period, zone, third);
}

}  // namespace hukou
