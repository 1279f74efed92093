// A small scenario built in code, so core tests do not depend on the TOML loader:
// three zones, every channel condition "true" unless a test changes it.
#pragma once
#include "core/scenario.hpp"

namespace hukou::test {

inline Zone zone(const char* name, ZoneKind kind, double urban, double village, double town, double outside) {
  Zone z;
  z.name = name;
  z.kind = kind;
  z.tier = kind == ZoneKind::urban_district ? "relaxed" : "open";
  z.f.urban_hukou = urban;
  z.f.rural_hukou_village = village;
  z.f.rural_hukou_town = town;
  z.f.migrants_outside = outside;
  z.f.public_rental_units = 200;
  z.f.public_rental_additions = 50;
  return z;
}

inline Channel open_channel(const char* name, std::size_t zones) {
  Channel c;
  c.name = name;
  c.clause = "test";
  c.condition = Condition::always();
  c.zones.assign(zones, true);
  return c;
}

inline Scenario small_scenario(double scale = 1.0) {
  Scenario sc;
  sc.name = "small";
  sc.title = "three-zone test scenario";
  sc.base_year = 2017;
  sc.horizon = 2022;
  sc.scale = scale;
  sc.zones = {zone("城区", ZoneKind::urban_district, 60000, 8000, 6000, 12000),
              zone("东县", ZoneKind::county, 15000, 25000, 3000, 2000),
              zone("西市", ZoneKind::county_city, 20000, 18000, 4000, 3000)};
  sc.channels = {open_channel("anyone", 3)};
  return sc;
}

// Every utility term but the constants switched off, peers included: the nested
// logit then has the closed form of choice_probabilities on (asc_settle, 0, asc_return).
inline void zero_all_terms(Params& p) {
  p.decision_b_school = p.decision_exam_weight = p.decision_b_public_rental = p.decision_b_subsidy = 0;
  p.decision_b_social_insurance = p.decision_b_job_stability = p.decision_b_owns_home = p.decision_b_education = 0;
  p.decision_b_years_in_town = p.decision_b_rights = p.decision_b_exit_compensation = p.decision_b_fee = 0;
  p.decision_b_peer = p.decision_b_new_generation = p.decision_b_age_settle = 0;
  p.decision_b_return_jobless = p.decision_b_return_age = p.decision_b_return_left_behind = 0;
  p.decision_attachment_nonlocal = 0;
  p.decision_stay_owns_home = p.decision_stay_formal_job = p.decision_stay_log_income = 0;
  p.decision_stay_years_in_town = p.decision_stay_whole_family = p.decision_stay_nonlocal = p.decision_stay_permit = 0;
}

}  // namespace hukou::test
