#include "base_year_rates.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cmath>

#include "processes/demography.hpp"
#include "processes/migration.hpp"

namespace hukou {

namespace {
struct Expected {
  double persons = 0.0;         // the reference population
  double infant_deaths = 0.0;   // at q(0), which k does not scale
  double deaths = 0.0;          // above age 0, unscaled
  double mothers = 0.0;         // agents: households with a mother and partner; urban: women x partnered share
};

// The agents' part, in persons; ages in the first simulated year are one more than now.
// Agents are counted by sex and age first (integers), so the sums do not depend on
// the order of the households (tests/scenario/test_household_order.cpp).
void add_agents(const World& w, const AgeTable& q, Expected& e) {
  const auto& P = w.pop.p;
  const auto& H = w.pop.h;
  const bool registered = w.sc.params.demography_rates_registered;
  std::array<std::array<std::int64_t, kAges>, 2> count{};
  std::int64_t mothers = 0;
  for (std::uint32_t h = 0; h < H.size(); ++h) {
    const std::uint32_t first = H.first[h], n = H.members[h];
    for (std::uint32_t i = first; i < first + n; ++i) {
      const int where = registered ? registration_zone(w.pop, h, i) : residence_zone(w.pop, h, i);
      if (where < 0) continue;
      const auto x = static_cast<std::size_t>(std::clamp(age_of(w, i), 0, kMaxAge));
      ++count[(P.flags[i] & pflag::female) ? kFemale : kMale][x];
    }
    const std::int64_t m = mother_of(w, h, 1);
    if (m < 0) continue;
    const auto mi = static_cast<std::uint32_t>(m);
    const int where = registered ? registration_zone(w.pop, h, mi) : residence_zone(w.pop, h, mi);
    if (where >= 0) ++mothers;
  }
  const double k = w.sc.scale;
  for (std::size_t s : {kMale, kFemale})
    for (std::size_t x = 0; x < kAges; ++x) {
      const double n = k * static_cast<double>(count[s][x]);
      e.persons += n;
      (x == 0 ? e.infant_deaths : e.deaths) += n * q[s][x];
    }
  e.mothers += k * static_cast<double>(mothers);
}

void add_urban(const World& w, const AgeTable& q, Expected& e) {
  const double p = w.sc.params.demography_partnered_share;
  for (const ZoneState& z : w.zs)
    for (std::size_t s : {kMale, kFemale})
      for (std::size_t x = 0; x < kAges; ++x) {
        const double n = z.urban_age[s][x];
        e.persons += n;
        (x == 0 ? e.infant_deaths : e.deaths) += n * q[s][x];
        if (s == kFemale && x + 1 >= kMotherAgeMin && x + 1 <= kMotherAgeMax) e.mothers += p * n;
      }
}

// The out-migration rate of households whose head is 30 or less, such that the
// expected movers of the first year are moves.out_migration_rate of the rural-hukou
// residents (local, not settled). Counts by the head's age first (integers), for a
// result independent of the households' order.
double departure_rate(const World& w) {
  const Params& prm = w.sc.params;
  std::array<std::int64_t, kAges> here{}, working{};
  std::int64_t residents = 0;
  for (std::uint32_t h = 0; h < w.pop.h.size(); ++h) {
    if (!may_leave(w.pop, h)) continue;
    const std::uint32_t first = w.pop.h.first[h], n = w.pop.h.members[h];
    const auto head = static_cast<std::size_t>(std::clamp(age_of(w, first) + 1, 0, kMaxAge));
    for (std::uint32_t i = first; i < first + n; ++i) {
      if (residence_zone(w.pop, h, i) < 0) continue;
      ++residents;
      ++here[head];
      if (leaves_unless_whole(i == first, age_of(w, i) + 1)) ++working[head];
    }
  }
  const double whole = prm.moves_whole_family_share;
  double movers = 0.0;
  for (std::size_t a = 0; a < kAges; ++a)
    movers += age_factor(prm, static_cast<int>(a)) *
              (whole * static_cast<double>(here[a]) + (1.0 - whole) * static_cast<double>(working[a]));
  return movers > 0.0 ? prm.moves_out_migration_rate * static_cast<double>(residents) / movers : 0.0;
}
}  // namespace

void fix_base_year_rates(World& w) {
  const Params& prm = w.sc.params;
  const AgeTable q = gompertz_makeham(prm);
  Expected e;
  add_agents(w, q, e);
  add_urban(w, q, e);
  double k = 1.0;
  if (prm.demography_death_rate > 0.0 && e.deaths > 0.0)
    k = std::max(0.0, (prm.demography_death_rate * e.persons - e.infant_deaths) / e.deaths);
  w.vital.k = k;
  w.vital.q = scaled(q, k);
  w.vital.fertility = e.mothers > 0.0 ? std::min(1.0, prm.demography_birth_rate * e.persons / e.mothers) : 0.0;
  w.vital.fertility_change = prm.demography_birth_rate_change;
  w.vital.mortality_decline = prm.demography_mortality_decline;
  w.departure_rate = departure_rate(w);
}

}  // namespace hukou
