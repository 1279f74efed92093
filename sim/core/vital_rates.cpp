#include "vital_rates.hpp"

#include <algorithm>
#include <cmath>

namespace hukou {

AgeTable gompertz_makeham(const Params& p) {
  AgeTable q{};
  const double A[2] = {p.demography_makeham_male, p.demography_makeham_female};
  const double a[2] = {p.demography_gompertz_level_male, p.demography_gompertz_level_female};
  const double b[2] = {p.demography_gompertz_slope_male, p.demography_gompertz_slope_female};
  q[kMale][0] = p.demography_infant_mortality_male;
  q[kFemale][0] = p.demography_infant_mortality_female;
  for (std::size_t s : {kMale, kFemale}) {
    for (int x = 1; x < kMaxAge; ++x) {
      // The hazard integrated over the year of age [x, x + 1); b -> 0 is a constant hazard.
      const double gompertz = b[s] > 0.0 ? a[s] / b[s] * (std::exp(b[s] * (x + 1)) - std::exp(b[s] * x)) : a[s];
      q[s][static_cast<std::size_t>(x)] = 1.0 - std::exp(-(A[s] + gompertz));
    }
    q[s][kMaxAge] = 1.0;
  }
  return q;
}

AgeTable scaled(const AgeTable& q, double k) {
  AgeTable out = q;
  for (auto& row : out)
    for (std::size_t x = 1; x < kAges; ++x) row[x] = std::min(1.0, row[x] * k);
  return out;
}

double life_expectancy(const AgeTable& q, std::size_t sex) {
  double alive = 1.0, years = 0.0;
  for (std::size_t x = 0; x < kAges; ++x) {
    const double dying = alive * q[sex][x];
    years += alive - 0.5 * dying;
    alive -= dying;
  }
  return years;
}

}  // namespace hukou
