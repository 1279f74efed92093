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
// partner.
struct VitalRates {
  AgeTable q{};
  double k = 1.0;
  double fertility = 0.0;
};

// q scaled by k above age 0, capped at 1.
AgeTable scaled(const AgeTable& q, double k);

}  // namespace hukou
