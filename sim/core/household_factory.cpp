#include "household_factory.hpp"

#include <algorithm>
#include <cmath>

#include "age_structure.hpp"
#include "ipf.hpp"

namespace hukou {

namespace {
constexpr int kBandLow[5] = {16, 21, 31, 41, 51};
constexpr int kBandHigh[5] = {20, 30, 40, 50, 65};
// Bands of village adults: the migrants' five, then 66-80 and 81+.
constexpr std::size_t kVillageBands = 7;
std::size_t village_band(int age) {
  if (age <= 20) return 0;
  if (age <= 65) return std::min<std::size_t>(4, static_cast<std::size_t>((age - 11) / 10));
  return age <= 80 ? 5 : 6;
}

// Association of age and schooling that the two marginals do not carry: younger
// cohorts went to school longer. assumption: log-odds slope 0.8 per step.
Eigen::MatrixXd age_edu_seed(std::size_t bands) {
  Eigen::MatrixXd s(static_cast<Eigen::Index>(bands), 5);
  const double middle = (static_cast<double>(bands) - 1.0) / 2.0;
  for (std::size_t a = 0; a < bands; ++a)
    for (int e = 0; e < 5; ++e)
      s(static_cast<Eigen::Index>(a), e) = std::exp(0.8 * (middle - static_cast<double>(a)) * (e - 2) / 4.0);
  return s;
}

// The joint table (row-major, rows: age bands) fitted to the two marginals.
std::vector<double> fit(const std::vector<double>& ages, const std::vector<double>& edus) {
  const auto n = static_cast<Eigen::Index>(ages.size());
  const Eigen::VectorXd r = Eigen::Map<const Eigen::VectorXd>(ages.data(), n);
  const Eigen::VectorXd c = Eigen::Map<const Eigen::VectorXd>(edus.data(), 5);
  const IpfResult res = ipf(age_edu_seed(ages.size()), r / r.sum(), c / c.sum());
  std::vector<double> out(ages.size() * 5);
  for (Eigen::Index a = 0; a < n; ++a)
    for (int e = 0; e < 5; ++e) out[static_cast<std::size_t>(a * 5 + e)] = res.table(a, e);
  return out;
}

// Village adults (16+) by band, from the census-based village ages.
std::vector<double> village_adult_bands(const Scenario& sc) {
  const AgeTable v = village_shares(sc);
  std::vector<double> bands(kVillageBands, 0.0);
  for (std::size_t s : {kMale, kFemale})
    for (int x = 16; x < kMaxAge; ++x) bands[village_band(x)] += v[s][static_cast<std::size_t>(x)];
  return bands;
}

std::size_t pick(const std::vector<double>& p, double u) {
  double acc = 0.0;
  for (std::size_t k = 0; k < p.size(); ++k) {
    acc += p[k];
    if (u < acc) return k;
  }
  return p.size() - 1;
}

// An education level from row `band` of a joint band x education table.
Edu pick_edu(const std::vector<double>& joint, std::size_t band, double u) {
  double row = 0.0;
  for (int e = 0; e < 5; ++e) row += joint[band * 5 + static_cast<std::size_t>(e)];
  double acc = 0.0;
  for (int e = 0; e < 5; ++e) {
    acc += joint[band * 5 + static_cast<std::size_t>(e)] / row;
    if (u < acc) return static_cast<Edu>(e);
  }
  return Edu::college;
}

Edu near(Edu e, double u) {
  int v = static_cast<int>(e);
  if (u < 0.2) v = std::max(0, v - 1);
  else if (u < 0.4) v = std::min(4, v + 1);
  return static_cast<Edu>(v);
}
}  // namespace

HouseholdFactory::HouseholdFactory(const Scenario& sc)
    : sc_(sc),
      migrant_(fit(sc.composition.migrant_head_age, sc.composition.migrant_edu)),
      village_(fit(village_adult_bands(sc), sc.composition.village_edu)) {}

void HouseholdFactory::reserve(Population& pop, std::int64_t persons) const {
  // Members by household type (make()): head; + partner; + 1.4 children; + an elder.
  constexpr std::array<double, 4> kMembers{1.0, 2.0, 3.4, 4.4};
  const std::vector<double>& type = sc_.composition.household_type;
  double mean = 0.0;
  for (std::size_t k = 0; k < std::min(type.size(), kMembers.size()); ++k) mean += type[k] * kMembers[k];
  mean = std::max(mean, 1.0);
  const auto n = static_cast<std::size_t>(std::max<std::int64_t>(persons, 0));
  // A quarter more: town categories count members in town only, some children are
  // not born yet, and sizes are drawn. Room never written costs address space only.
  pop.p.reserve(pop.p.size() + n + n / 4);
  pop.h.reserve(pop.h.size() + static_cast<std::size_t>(static_cast<double>(n + n / 4) / mean) + 1);
}

void HouseholdFactory::add_person(Population& pop, std::uint32_t h, int age, bool female, Edu edu,
                                  Place place, bool newcomer, int year,
                                  rng::Draws& d) const {
  const bool head = pop.h.members[h] == 0;
  const Params& prm = sc_.params;
  auto& P = pop.p;
  const std::size_t i = P.size();
  P.add_one();
  P.id[i] = rng::derive_id(pop.h.id[h], 0, pop.h.members[h]);
  P.birth_year[i] = static_cast<std::int16_t>(year - age);
  const bool adult = age >= prm.moves_adult_age;
  // Children are still at school; a head keeps the drawn level (a 16-20 year-old
  // head with college schooling is a student, see rural_student below).
  const Edu e = age < 15 ? Edu::primary : (!head && age < 18 && edu > Edu::junior ? Edu::junior : edu);
  P.edu[i] = e;
  std::uint16_t f = female ? pflag::female : 0;
  if (place == Place::town) f |= pflag::in_town;
  if (place == Place::away) f |= pflag::away;
  if (adult && e == Edu::college && age >= 22) f |= pflag::college;
  if (adult && e == Edu::college && age < 22) f |= pflag::rural_student;
  if (adult && e == Edu::vocational) f |= pflag::vocational;
  if (adult && e >= Edu::junior && d.uniform() < prm.population_skilled_share) f |= pflag::skilled;
  if ((f & pflag::college) && d.uniform() < prm.population_overseas_share) f |= pflag::overseas;
  if (!female && age >= 20 && age <= 60 && d.uniform() < prm.population_veteran_share) f |= pflag::veteran;
  P.flags[i] = f;

  const bool town = place == Place::town;
  const double mean_years = prm.population_years_in_town_mean;
  int years = 0;
  if (town && !newcomer && mean_years > 0.0)
    years = static_cast<int>(-mean_years * std::log(1.0 - d.uniform()));
  years = std::clamp(years, 0, std::max(0, std::min(age, 40)));
  P.town_years[i] = static_cast<std::uint8_t>(years);

  const bool working_age = age >= 16 && age < prm.jobs_retirement_age;
  Emp emp = Emp::none;
  if (town && working_age && !(f & pflag::rural_student) && d.uniform() < prm.population_employed_share) {
    const double formal = prm.jobs_formal_share_base + prm.jobs_formal_edu_gain * static_cast<int>(e);
    emp = d.uniform() < formal ? Emp::formal : Emp::informal;
  }
  P.emp[i] = emp;
  P.wage[i] = 0.0f;
  if (emp != Emp::none) {
    const double z = std::sqrt(-2.0 * std::log(1.0 - d.uniform())) * std::cos(6.283185307179586 * d.uniform());
    const double s = prm.jobs_wage_sigma;
    const double zone_wage = sc_.zones[pop.h.zone[h]].f.wage;
    P.wage[i] = static_cast<float>(zone_wage * std::exp(prm.jobs_edu_wage_premium * (static_cast<int>(e) - 1) +
                                                        s * z - 0.5 * s * s));
  }
  P.si_years[i] = static_cast<std::uint8_t>(emp == Emp::formal ? static_cast<int>(d.uniform() * (years + 1)) : 0);
  const bool permit = town && adult && !newcomer && years >= prm.permits_min_years &&
                      d.uniform() < prm.population_permit_share;
  P.permit_years[i] = static_cast<std::uint8_t>(permit ? std::max(1, static_cast<int>(d.uniform() * years) + 1) : 0);
  pop.h.members[h] += 1;
}

void HouseholdFactory::add_household(Population& pop, HouseholdKind kind, std::uint8_t zone, std::uint64_t id,
                                     rng::Draws& d) const {
  const Params& prm = sc_.params;
  auto& H = pop.h;
  const auto h = static_cast<std::uint32_t>(H.size());
  H.add_one();
  H.id[h] = id;
  H.first[h] = static_cast<std::uint32_t>(pop.p.size());
  H.members[h] = 0;
  H.zone[h] = zone;
  H.origin[h] = kind == HouseholdKind::town_outside ? kOutside : zone;
  const bool in_village = kind == HouseholdKind::village || kind == HouseholdKind::away;
  H.loc[h] = in_village ? Location::village : Location::town;
  H.channel[h] = kNoChannel;
  H.rental_wait[h] = 0;
  H.tenure_years[h] = 0;

  std::uint8_t hf = 0;
  if (kind != HouseholdKind::town_outside) hf |= hflag::local;
  if (kind == HouseholdKind::village && d.uniform() < sc_.zones[zone].f.relocation_share) hf |= hflag::relocated;
  if (d.uniform() < prm.population_homestead_share) hf |= hflag::homestead;
  const double mu = prm.population_land_mu_mean > 0.0 ? -prm.population_land_mu_mean * std::log(1.0 - d.uniform()) : 0.0;
  if (mu > 0.0) hf |= hflag::land;
  H.flags[h] = hf;
  H.land_mu[h] = static_cast<float>(mu);
  if (in_village) H.tenure[h] = Tenure::village_home;
}

std::uint32_t HouseholdFactory::make_village(Population& pop, std::uint8_t zone, std::uint64_t id, int year,
                                             const HouseholdShape& shape, rng::Draws& d) const {
  const auto h = static_cast<std::uint32_t>(pop.h.size());
  add_household(pop, HouseholdKind::village, zone, id, d);
  for (std::size_t m = 0; m < shape.members; ++m) {
    const int age = shape.age[m];
    // Schooling by the adult's own age band; children are still at school.
    const Edu e = age < 16 ? Edu::primary : pick_edu(village_, village_band(age), d.uniform());
    add_person(pop, h, age, (shape.female >> m) & 1u, e, Place::village, false, year, d);
  }
  return h;
}

std::uint32_t HouseholdFactory::make(Population& pop, HouseholdKind kind, std::uint8_t zone,
                                     std::uint64_t id, int year, bool newcomer, rng::Draws& d) const {
  const Params& prm = sc_.params;
  const Composition& comp = sc_.composition;
  auto& H = pop.h;
  const auto h = static_cast<std::uint32_t>(H.size());
  add_household(pop, kind, zone, id, d);
  if (kind != HouseholdKind::away) {  // away households keep their village home
    if (newcomer) {
      H.tenure[h] = d.uniform() < prm.population_dorm_share ? Tenure::dorm : Tenure::private_rental;
    } else {
      const double u = d.uniform();
      if (u < prm.population_own_home_share) H.tenure[h] = Tenure::titled_home;
      else if (u < prm.population_own_home_share + prm.population_dorm_share) H.tenure[h] = Tenure::dorm;
      else H.tenure[h] = d.uniform() < prm.population_registered_rental_share ? Tenure::registered_rental
                                                                              : Tenure::private_rental;
    }
  }

  const std::size_t cell = pick(migrant_, d.uniform());
  const std::size_t band = cell / 5;
  const int head_age = kBandLow[band] + static_cast<int>(d.uniform() * (kBandHigh[band] - kBandLow[band] + 1));
  const Edu head_edu = static_cast<Edu>(cell % 5);
  std::size_t type = pick(comp.household_type, d.uniform());
  // The movers live in town (or away); unless the whole family moved, children
  // under 15 and members over 60 are left behind in the village.
  const Place moved = kind == HouseholdKind::away ? Place::away : Place::town;
  const bool whole = d.uniform() < prm.population_whole_family_share;
  const auto place = [&](int age) { return whole || (age >= 15 && age <= 60) ? moved : Place::village; };

  const bool head_female = type == 0 ? d.uniform() < 0.35 : false;  // assumption: 35% of single migrants are women
  add_person(pop, h, head_age, head_female, head_edu, moved, newcomer, year, d);
  if (type >= 1) {
    const int age = std::max(16, head_age + static_cast<int>(d.uniform() * 7) - 4);
    add_person(pop, h, age, true, near(head_edu, d.uniform()), moved, newcomer, year, d);
  }
  if (type >= 2) {
    const int children = 1 + (d.uniform() < 0.4 ? 1 : 0);  // assumption: 40% of families have a second child
    for (int k = 0; k < children; ++k) {
      const int age = head_age - 24 - static_cast<int>(d.uniform() * 12);
      if (age < 0) continue;
      const Edu e = age >= 19 ? near(head_edu, d.uniform()) : Edu::primary;
      add_person(pop, h, age, d.uniform() < 0.48, e, place(age), newcomer, year, d);
    }
  }
  if (type == 3) {
    const int age = std::min(90, head_age + 26 + static_cast<int>(d.uniform() * 6));
    add_person(pop, h, age, d.uniform() < 0.55, Edu::primary, place(age), newcomer, year, d);
  }
  return h;
}

}  // namespace hukou
