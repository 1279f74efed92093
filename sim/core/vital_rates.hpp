// Mortality by sex and single year of age, and fertility, from the [demography]
// parameters (docs/model.md, 7. Submodels). The same schedules act on the agents
// person by person and on the urban stock as an aggregate (urban_cohorts.hpp).
//
// Age x here is the age on 1 January of the simulated year, in completed years:
// for an agent in year Y, Y - birth year - 1 (a child born in Y - 1 is 0). So q(0),
// infant mortality, applies in the first calendar year after the birth year; the
// model adds newborns at the end of their birth year.
#pragma once
#include <array>
#include <cstddef>

#include "params.hpp"

namespace hukou {

inline constexpr int kMaxAge = 110;  // q(kMaxAge) = 1: nobody passes it
inline constexpr std::size_t kAges = kMaxAge + 1;
inline constexpr std::size_t kMale = 0, kFemale = 1;

// Girls among births: China's sex ratio at birth was about 111 boys per 100 girls
// in 2015-2017 (NBS, recalled; the registry's sex ratios are of residents).
inline constexpr double kFemaleAtBirth = 100.0 / 211.0;

// Fertility ages: a woman of age 20-39 at the end of the year (agents: year - birth
// year) may give birth.
inline constexpr int kMotherAgeMin = 20, kMotherAgeMax = 39;

using AgeTable = std::array<std::array<double, kAges>, 2>;  // [sex][age]

// The yearly death probability q(x) of the Gompertz-Makeham schedule, unscaled:
// q(0) = infant mortality; q(x) = 1 - exp(-(A + a/b (e^(b(x+1)) - e^(bx)))) above.
AgeTable gompertz_makeham(const Params& p);

// Life expectancy at birth of a schedule (deaths at mid-year; for tests and docs).
double life_expectancy(const AgeTable& q, std::size_t sex);

// The schedules a run uses, fixed in the base year (engine.cpp): q(x) scaled by k
// above age 0, and the yearly birth probability of a woman aged 20-39 living with a
// partner, both for the first simulated year, and their yearly trends after it.
struct VitalRates {
  AgeTable q{};
  double k = 1.0;
  double fertility = 0.0;  // in the first simulated year (t = 1)
  double fertility_change = 0.0;  // yearly relative change after it (demography.birth_rate_change)
  double mortality_decline = 0.0;  // yearly relative fall of q above age 0 after it (demography.mortality_decline)

  // The death probability at age x in period t >= 1.
  double q_in(std::size_t sex, std::size_t x, int t) const {
    if (x == 0 || x >= kAges - 1) return q[sex][x];
    double v = q[sex][x];
    for (int y = 1; y < t; ++y) v *= 1.0 - mortality_decline;
    return v;
  }

  // The birth probability in period t >= 1 (year base_year + t).
  double fertility_in(int t) const {
    double f = fertility;
    for (int y = 1; y < t; ++y) f *= 1.0 + fertility_change;
    return f < 1.0 ? f : 1.0;
  }
};

// q scaled by k above age 0, capped at 1.
AgeTable scaled(const AgeTable& q, double k);

}  // namespace hukou
