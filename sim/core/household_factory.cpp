#include "household_factory.hpp"

#include <algorithm>
#include <cmath>

#include "ipf.hpp"

namespace hukou {

namespace {
constexpr int kBandLow[5] = {16, 21, 31, 41, 51};
constexpr int kBandHigh[5] = {20, 30, 40, 50, 65};

// Association of age and schooling that the two marginals do not carry: younger
// cohorts went to school longer. assumption: log-odds slope 0.8 per step.
Eigen::MatrixXd age_edu_seed() {
  Eigen::MatrixXd s(5, 5);
  for (int a = 0; a < 5; ++a)
    for (int e = 0; e < 5; ++e) s(a, e) = std::exp(0.8 * (2 - a) * (e - 2) / 4.0);
  return s;
}

std::array<double, 25> fit(const std::vector<double>& ages, const std::vector<double>& edus) {
  const Eigen::VectorXd r = Eigen::Map<const Eigen::VectorXd>(ages.data(), 5);
  const Eigen::VectorXd c = Eigen::Map<const Eigen::VectorXd>(edus.data(), 5);
  const IpfResult res = ipf(age_edu_seed(), r / r.sum(), c / c.sum());
  std::array<double, 25> out{};
  for (int a = 0; a < 5; ++a)
    for (int e = 0; e < 5; ++e) out[a * 5 + e] = res.table(a, e);
  return out;
}

template <std::size_t N>
std::size_t pick(const std::array<double, N>& p, double u) {
  double acc = 0.0;
  for (std::size_t k = 0; k < N; ++k) {
    acc += p[k];
    if (u < acc) return k;
  }
  return N - 1;
}

std::size_t pick(const std::vector<double>& p, double u) {
  double acc = 0.0;
  for (std::size_t k = 0; k < p.size(); ++k) {
    acc += p[k];
    if (u < acc) return k;
  }
  return p.size() - 1;
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
      village_(fit(sc.composition.village_head_age, sc.composition.village_edu)) {}

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
                                  bool in_town, HouseholdKind kind, bool newcomer, int year,
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
  if (in_town) f |= pflag::in_town;
  if (adult && e == Edu::college && age >= 22) f |= pflag::college;
  if (adult && e == Edu::college && age < 22) f |= pflag::rural_student;
  if (adult && e == Edu::vocational) f |= pflag::vocational;
  if (adult && e >= Edu::junior && d.uniform() < prm.population_skilled_share) f |= pflag::skilled;
  if ((f & pflag::college) && d.uniform() < prm.population_overseas_share) f |= pflag::overseas;
  if (!female && age >= 20 && age <= 60 && d.uniform() < prm.population_veteran_share) f |= pflag::veteran;
  P.flags[i] = f;

  const bool town = kind != HouseholdKind::village && in_town;
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

std::uint32_t HouseholdFactory::make(Population& pop, HouseholdKind kind, std::uint8_t zone,
                                     std::uint64_t id, int year, bool newcomer, rng::Draws& d) const {
  const Params& prm = sc_.params;
  const Composition& comp = sc_.composition;
  auto& H = pop.h;
  const auto h = static_cast<std::uint32_t>(H.size());
  H.add_one();
  H.id[h] = id;
  H.first[h] = static_cast<std::uint32_t>(pop.p.size());
  H.members[h] = 0;
  H.zone[h] = zone;
  H.origin[h] = kind == HouseholdKind::town_outside ? kOutside : zone;
  H.loc[h] = kind == HouseholdKind::village ? Location::village : Location::town;
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

  if (kind == HouseholdKind::village) {
    H.tenure[h] = Tenure::village_home;
  } else if (newcomer) {
    H.tenure[h] = d.uniform() < prm.population_dorm_share ? Tenure::dorm : Tenure::private_rental;
  } else {
    const double u = d.uniform();
    if (u < prm.population_own_home_share) H.tenure[h] = Tenure::titled_home;
    else if (u < prm.population_own_home_share + prm.population_dorm_share) H.tenure[h] = Tenure::dorm;
    else H.tenure[h] = d.uniform() < prm.population_registered_rental_share ? Tenure::registered_rental
                                                                            : Tenure::private_rental;
  }

  const auto& heads = kind == HouseholdKind::village ? village_ : migrant_;
  const std::size_t cell = pick(heads, d.uniform());
  const std::size_t band = cell / 5;
  const int head_age = kBandLow[band] + static_cast<int>(d.uniform() * (kBandHigh[band] - kBandLow[band] + 1));
  const Edu head_edu = static_cast<Edu>(cell % 5);
  std::size_t type = pick(comp.household_type, d.uniform());
  const bool in_town = kind != HouseholdKind::village;
  const bool whole = kind == HouseholdKind::village || d.uniform() < prm.population_whole_family_share;
  const auto member_in_town = [&](int age) { return in_town && (whole || (age >= 15 && age <= 60)); };

  const bool head_female = type == 0 ? d.uniform() < 0.35 : false;  // assumption: 35% of single migrants are women
  add_person(pop, h, head_age, head_female, head_edu, in_town, kind, newcomer, year, d);
  if (type >= 1) {
    const int age = std::max(16, head_age + static_cast<int>(d.uniform() * 7) - 4);
    add_person(pop, h, age, true, near(head_edu, d.uniform()), in_town, kind, newcomer, year, d);
  }
  if (type >= 2) {
    const int children = 1 + (d.uniform() < 0.4 ? 1 : 0);  // assumption: 40% of families have a second child
    for (int k = 0; k < children; ++k) {
      const int age = head_age - 24 - static_cast<int>(d.uniform() * 12);
      if (age < 0) continue;
      const Edu e = age >= 19 ? near(head_edu, d.uniform()) : Edu::primary;
      add_person(pop, h, age, d.uniform() < 0.48, e, member_in_town(age), kind, newcomer, year, d);
    }
  }
  if (type == 3) {
    const int age = std::min(90, head_age + 26 + static_cast<int>(d.uniform() * 6));
    add_person(pop, h, age, d.uniform() < 0.55, Edu::primary, member_in_town(age), kind, newcomer, year, d);
  }
  return h;
}

}  // namespace hukou
