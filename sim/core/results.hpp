// The outputs of one replicate: every series of outputs.def as a flat array over its
// dimensions (period, zone, channel or group), in persons (never agents).
#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hukou {

enum class Dims { P, PZ, PZC, PZG };
enum class Kind { rate, stock, flow };

enum class Series : std::size_t {
#define X(id, dims, kind, units, long_name) id,
#include "outputs.def"
#undef X
  count_
};
inline constexpr std::size_t kSeriesCount = static_cast<std::size_t>(Series::count_);

struct SeriesSpec {
  Series id;
  std::string_view name;
  Dims dims;
  Kind kind;
  std::string_view units;
  std::string_view long_name;
};
const std::array<SeriesSpec, kSeriesCount>& output_series();
const SeriesSpec& spec(Series s);

// Groups for settlements_by_group (the four groups of Taiyuan 二(二) and others of
// model.md); "other" counts settlers in none of them.
const std::vector<std::string>& group_names();

struct RunResult {
  std::vector<int> years;              // calendar years, base year first
  std::vector<std::string> zones;      // zone names (UTF-8)
  std::vector<std::string> channels;   // channel names
  std::vector<std::vector<double>> data;  // one flat array per Series

  RunResult() = default;
  RunResult(std::vector<int> y, std::vector<std::string> z, std::vector<std::string> c);

  // Extents of a series' dimensions, e.g. {periods, zones, channels}.
  std::vector<std::size_t> shape(Series s) const;
  double& at(Series s, std::size_t period, std::size_t zone = 0, std::size_t third = 0);
  double at(Series s, std::size_t period, std::size_t zone = 0, std::size_t third = 0) const;
  const std::vector<double>& values(Series s) const { return data[static_cast<std::size_t>(s)]; }

  // A series in one period, summed over channels or groups, and over zones unless
  // `zone` is given (zone < zones.size()). The one definition of an indicator's value
  // used by the run summary, `hukou evaluate` and `hukou compare`.
  static constexpr std::size_t all_zones = static_cast<std::size_t>(-1);
  double total(Series s, std::size_t period, std::size_t zone = all_zones) const;
};

}  // namespace hukou
