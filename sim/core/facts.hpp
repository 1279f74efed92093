// The facts a condition reads (compiled_condition.hpp), filled from agent state:
// the household's once, then each adult member's in turn. For the functions that
// test households against conditions (attrs.cpp, processes/eligibility.cpp).
#pragma once
#include <cstdint>

#include "compiled_condition.hpp"
#include "world.hpp"

namespace hukou::facts {

inline std::uint64_t bit_if(bool x, Attr a) { return static_cast<std::uint64_t>(x) << static_cast<unsigned>(a); }
inline void set_num(Facts& f, Attr a, float x) { f[a] = x; }

constexpr std::uint64_t kPersonFlags =
    attr_bit(Attr::permit) | attr_bit(Attr::employed) | attr_bit(Attr::formal_job) | attr_bit(Attr::college_grad) |
    attr_bit(Attr::skilled_worker) | attr_bit(Attr::vocational_grad) | attr_bit(Attr::overseas_returnee) |
    attr_bit(Attr::veteran) | attr_bit(Attr::rural_student) | attr_bit(Attr::new_generation);
// The six qualification flags (college .. rural_student) sit in the same order in a
// person's flags and among the attributes, so one shift moves them all (checked
// below), instead of a test per flag in the loop over every adult.
constexpr unsigned kQualFirst = 3, kQualCount = 6;
static_assert(pflag::college == 1u << kQualFirst && pflag::skilled == 1u << (kQualFirst + 1) &&
              pflag::vocational == 1u << (kQualFirst + 2) && pflag::overseas == 1u << (kQualFirst + 3) &&
              pflag::veteran == 1u << (kQualFirst + 4) && pflag::rural_student == 1u << (kQualFirst + 5));
static_assert(static_cast<unsigned>(Attr::skilled_worker) == static_cast<unsigned>(Attr::college_grad) + 1 &&
              static_cast<unsigned>(Attr::vocational_grad) == static_cast<unsigned>(Attr::college_grad) + 2 &&
              static_cast<unsigned>(Attr::overseas_returnee) == static_cast<unsigned>(Attr::college_grad) + 3 &&
              static_cast<unsigned>(Attr::veteran) == static_cast<unsigned>(Attr::college_grad) + 4 &&
              static_cast<unsigned>(Attr::rural_student) == static_cast<unsigned>(Attr::college_grad) + 5);
constexpr std::uint64_t kQualifications = ((std::uint64_t{1} << kQualCount) - 1u)
                                          << static_cast<unsigned>(Attr::college_grad);
inline std::uint64_t qualifications(std::uint16_t pf) {
  return static_cast<std::uint64_t>((pf >> kQualFirst) & ((1u << kQualCount) - 1u))
         << static_cast<unsigned>(Attr::college_grad);
}

constexpr std::uint64_t kMemberPass = attr_bit(Attr::whole_family) | attr_bit(Attr::school_children);

// Calls f(person) for each adult member until it returns true; whether it did.
template <class F>
bool any_adult(const World& w, std::uint32_t h, F&& f) {
  const std::uint32_t first = w.pop.h.first[h], n = w.pop.h.members[h];
  const int adult = w.sc.params.moves_adult_age;
  for (std::uint32_t i = first; i < first + n; ++i)
    if (age_of(w, i) >= adult && f(i)) return true;
  return false;
}

inline void set_settled(Facts& f, bool settled) {
  f.flags = (f.flags & ~attr_bit(Attr::settled)) | bit_if(settled, Attr::settled);
}

// The facts are filled for every household and adult member that housing,
// eligibility and the decision test, so they are compiled into each caller's loop
// (always_inline: GCC otherwise calls them once per household and adult).

// The household's facts; `reads` (attr_bit mask) says which attributes are
// needed: those that take a pass over the members are filled only if read.
[[gnu::always_inline]] inline void household_facts(const World& w, std::uint32_t h, std::uint64_t reads, Facts& f) {
  const auto& H = w.pop.h;
  const auto& P = w.pop.p;
  const std::uint32_t first = H.first[h], n = H.members[h];
  bool whole = true;
  int kids = 0;
  if (reads & kMemberPass) {
    for (std::uint32_t i = first; i < first + n; ++i) {
      whole = whole && (P.flags[i] & pflag::in_town);
      const int age = age_of(w, i);
      kids += age >= 6 && age <= 14;
    }
  }
  const Tenure t = H.tenure[h];
  const bool town = H.loc[h] == Location::town;
  const bool owns = t == Tenure::purchase_contract || t == Tenure::titled_home;
  f.flags = bit_if(town && whole, Attr::whole_family) | bit_if(H.origin[h] != kOutside, Attr::local_origin) |
            bit_if(town, Attr::in_town) | bit_if(P.flags[first] & pflag::settled, Attr::settled) |
            bit_if(town && owns, Attr::purchase_contract) | bit_if(town && owns, Attr::owns_home) |
            bit_if(town && t == Tenure::registered_rental, Attr::registered_rental) |
            bit_if(town && (owns || t == Tenure::registered_rental || t == Tenure::public_rental),
                   Attr::stable_residence) |
            bit_if(town && t == Tenure::public_rental, Attr::public_rental) |
            bit_if(H.flags[h] & hflag::relocated, Attr::relocated) |
            bit_if((H.flags[h] & (hflag::land | hflag::homestead)) && !(H.flags[h] & hflag::exited),
                   Attr::land_rights);
  set_num(f, Attr::household_size, static_cast<float>(n));
  set_num(f, Attr::school_children, static_cast<float>(kids));
}

// Overwrites the person part of `f` that `reads` (attr_bit mask) asks for with one
// member's facts; the rest keeps what it held. Each array is loaded only if some
// attribute read comes from it (the branches are the same for every adult).
[[gnu::always_inline]] inline void person_facts(const World& w, std::uint32_t i, std::uint64_t reads, Facts& f) {
  const auto& P = w.pop.p;
  const auto read = [&](std::uint64_t attrs) { return (reads & attrs) != 0; };
  std::uint64_t flags = f.flags & ~kPersonFlags;
  set_num(f, Attr::age, static_cast<float>(age_of(w, i)));
  flags |= bit_if(P.birth_year[i] >= 1980, Attr::new_generation);
  if (read(attr_bit(Attr::years_in_town))) set_num(f, Attr::years_in_town, static_cast<float>(P.town_years[i]));
  if (read(attr_bit(Attr::si_years))) set_num(f, Attr::si_years, static_cast<float>(P.si_years[i]));
  if (read(attr_bit(Attr::permit_years) | attr_bit(Attr::permit))) {
    set_num(f, Attr::permit_years, static_cast<float>(P.permit_years[i]));
    flags |= bit_if(P.permit_years[i] > 0, Attr::permit);
  }
  if (read(attr_bit(Attr::employed) | attr_bit(Attr::formal_job)))
    flags |= bit_if(P.emp[i] != Emp::none, Attr::employed) | bit_if(P.emp[i] == Emp::formal, Attr::formal_job);
  if (read(kQualifications)) flags |= qualifications(P.flags[i]);
  f.flags = flags;
}
}  // namespace hukou::facts
