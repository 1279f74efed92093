#include "age_structure.hpp"

#include <algorithm>
#include <cmath>

namespace hukou {

namespace {
constexpr int kGroupLow[4] = {0, 15, 60, 65};
constexpr int kGroupHigh[4] = {14, 59, 64, kMaxAge - 1};
// The old-age tilt of scenarios/data/README.md 3.2 (80+ about 18.8% of 65+, the
// recalled 2020 census share).
constexpr double kOldAgeTilt = 0.05;

// Survivors to exact age x of the unscaled schedule, by sex.
AgeTable survivors(const Params& p) {
  const AgeTable q = gompertz_makeham(p);
  AgeTable l{};
  for (std::size_t s : {kMale, kFemale}) {
    double alive = 1.0;
    for (std::size_t x = 0; x < kAges; ++x) {
      l[s][x] = alive;
      alive *= 1.0 - q[s][x];
    }
  }
  return l;
}

// Shares by age (both sexes) from the four census groups; `old` multiplies the 60+
// groups, the others shrink to keep the sum at 1.
std::array<double, kAges> by_age(const Scenario& sc, const AgeTable& l, double old) {
  const std::vector<double>& g = sc.composition.city_age;
  const double over60 = g[2] + g[3];
  const double tilt_old = std::min(old, 1.0 / std::max(over60, 1e-12));
  const double young = over60 < 1.0 ? (1.0 - tilt_old * over60) / (1.0 - over60) : 0.0;
  std::array<double, kAges> a{};
  for (std::size_t k = 0; k < 4; ++k) {
    const double share = g[k] * (k >= 2 ? tilt_old : young);
    double sum = 0.0;
    std::array<double, kAges> w{};
    for (int x = kGroupLow[k]; x <= kGroupHigh[k]; ++x) {
      const auto i = static_cast<std::size_t>(x);
      w[i] = k < 3 ? 1.0 : 0.5 * (l[kMale][i] + l[kFemale][i]) * std::exp(-kOldAgeTilt * (x - 65));
      sum += w[i];
    }
    for (int x = kGroupLow[k]; x <= kGroupHigh[k]; ++x) a[static_cast<std::size_t>(x)] += share * w[x] / sum;
  }
  return a;
}

// Split by sex with r solved (bisection) for the scenario's sex ratio.
AgeTable by_sex(const std::array<double, kAges>& a, const AgeTable& l, double sex_ratio) {
  const auto men = [&](double r) {
    double m = 0.0;
    for (std::size_t x = 0; x < kAges; ++x) {
      const double lm = r * l[kMale][x], lf = l[kFemale][x];
      m += lm + lf > 0.0 ? a[x] * lm / (lm + lf) : 0.0;
    }
    return m;
  };
  const double want = sex_ratio / (100.0 + sex_ratio);
  double lo = 0.1, hi = 10.0;
  for (int it = 0; it < 100; ++it) {
    const double mid = 0.5 * (lo + hi);
    (men(mid) < want ? lo : hi) = mid;
  }
  const double r = 0.5 * (lo + hi);
  AgeTable t{};
  for (std::size_t x = 0; x < kAges; ++x) {
    const double lm = r * l[kMale][x], lf = l[kFemale][x];
    const double m = lm + lf > 0.0 ? lm / (lm + lf) : 0.5;
    t[kMale][x] = a[x] * m;
    t[kFemale][x] = a[x] * (1.0 - m);
  }
  return t;
}
}  // namespace

AgeTable resident_shares(const Scenario& sc) {
  const AgeTable l = survivors(sc.params);
  return by_sex(by_age(sc, l, 1.0), l, sc.params.population_sex_ratio);
}

AgeTable village_shares(const Scenario& sc) {
  const AgeTable l = survivors(sc.params);
  return by_sex(by_age(sc, l, sc.params.population_old_age_ratio), l, sc.params.population_sex_ratio);
}

GroupTable grouped(const AgeTable& t) {
  GroupTable g{};
  for (std::size_t s : {kMale, kFemale})
    for (std::size_t x = 0; x < kAges; ++x) g[s][age_group(static_cast<int>(x))] += t[s][x];
  return g;
}

}  // namespace hukou
