#include "urban_cohorts.hpp"

#include <algorithm>

#include "age_structure.hpp"

namespace hukou {

namespace {
double sum(const AgeTable& t) {
  double s = 0.0;
  for (const auto& row : t)
    for (double v : row) s += v;
  return s;
}
}  // namespace

void init_urban_stocks(World& w) {
  // Resident agents by sex and age, in persons (serial: a fixed order of sums).
  AgeTable agents{};
  const auto& P = w.pop.p;
  const auto& H = w.pop.h;
  for (std::uint32_t h = 0; h < H.size(); ++h)
    for (std::uint32_t i = H.first[h]; i < H.first[h] + H.members[h]; ++i) {
      if (residence_zone(w.pop, h, i) < 0) continue;
      const int age = std::clamp(age_of(w, i), 0, kMaxAge);
      agents[(P.flags[i] & pflag::female) ? kFemale : kMale][static_cast<std::size_t>(age)] += w.sc.scale;
    }
  double urban = 0.0;
  for (const Zone& z : w.sc.zones) urban += z.f.urban_hukou;
  const AgeTable city = resident_shares(w.sc);
  const double residents = sum(agents) + urban;
  AgeTable rest{};
  for (std::size_t s : {kMale, kFemale})
    for (std::size_t x = 0; x < kAges; ++x) rest[s][x] = std::max(0.0, city[s][x] * residents - agents[s][x]);
  const double left = sum(rest);
  for (std::size_t z = 0; z < w.zones(); ++z) {
    ZoneState& zs = w.zs[z];
    const double stock = w.sc.zones[z].f.urban_hukou;
    for (std::size_t s : {kMale, kFemale})
      for (std::size_t x = 0; x < kAges; ++x) zs.urban_age[s][x] = left > 0.0 ? stock * rest[s][x] / left : 0.0;
    zs.urban_stock = stock;
  }
}

void advance_urban_stock(ZoneState& z, const VitalRates& v, int t, double partnered_share) {
  double deaths = 0.0, mothers = 0.0;
  AgeTable next{};
  for (std::size_t s : {kMale, kFemale}) {
    for (std::size_t x = 0; x < kAges; ++x) {
      const double n = z.urban_age[s][x];
      const double survivors = n * (1.0 - v.q_in(s, x, t));
      deaths += n - survivors;
      if (s == kFemale && x + 1 >= kMotherAgeMin && x + 1 <= kMotherAgeMax) mothers += survivors;
      if (x + 1 < kAges) next[s][x + 1] = survivors;
    }
  }
  const double births = v.fertility_in(t) * partnered_share * mothers;
  next[kMale][0] = births * (1.0 - kFemaleAtBirth);
  next[kFemale][0] = births * kFemaleAtBirth;
  z.urban_age = next;
  z.urban_births = births;
  z.urban_deaths = deaths;
  z.urban_stock = sum(next);
}

void add_to_urban_stock(ZoneState& z, double persons, int lo, int hi) {
  const double each = persons / (2.0 * (hi - lo + 1));
  for (std::size_t s : {kMale, kFemale})
    for (int x = lo; x <= hi; ++x) z.urban_age[s][static_cast<std::size_t>(x)] += each;
  z.urban_stock = sum(z.urban_age);
}

}  // namespace hukou
