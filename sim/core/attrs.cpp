#include "attrs.hpp"

#include <bit>

namespace hukou {

namespace {
inline float b(bool x) { return x ? 1.0f : 0.0f; }
inline void set(AttrValues& v, Attr a, float x) { v[static_cast<std::size_t>(a)] = x; }
}  // namespace

void household_attrs(const World& w, std::uint32_t h, AttrValues& v) {
  const auto& H = w.pop.h;
  const auto& P = w.pop.p;
  const std::uint32_t first = H.first[h], n = H.members[h];
  bool whole = true;
  int kids = 0;
  for (std::uint32_t i = first; i < first + n; ++i) {
    whole = whole && (P.flags[i] & pflag::in_town);
    const int age = age_of(w, i);
    kids += age >= 6 && age <= 14;
  }
  const Tenure t = H.tenure[h];
  const bool town = H.loc[h] == Location::town;
  const bool owns = t == Tenure::purchase_contract || t == Tenure::titled_home;
  set(v, Attr::whole_family, b(town && whole));
  set(v, Attr::household_size, static_cast<float>(n));
  set(v, Attr::school_children, static_cast<float>(kids));
  set(v, Attr::local_origin, b(H.origin[h] != kOutside));
  set(v, Attr::in_town, b(town));
  set(v, Attr::settled, b(P.flags[first] & pflag::settled));
  set(v, Attr::purchase_contract, b(town && owns));
  set(v, Attr::owns_home, b(town && owns));
  set(v, Attr::registered_rental, b(town && t == Tenure::registered_rental));
  set(v, Attr::stable_residence,
      b(town && (owns || t == Tenure::registered_rental || t == Tenure::public_rental)));
  set(v, Attr::public_rental, b(town && t == Tenure::public_rental));
  set(v, Attr::relocated, b(H.flags[h] & hflag::relocated));
  set(v, Attr::land_rights, b((H.flags[h] & (hflag::land | hflag::homestead)) && !(H.flags[h] & hflag::exited)));
}

void person_attrs(const World& w, std::uint32_t i, AttrValues& v) {
  const auto& P = w.pop.p;
  const auto f = P.flags[i];
  set(v, Attr::age, static_cast<float>(age_of(w, i)));
  set(v, Attr::years_in_town, static_cast<float>(P.town_years[i]));
  set(v, Attr::si_years, static_cast<float>(P.si_years[i]));
  set(v, Attr::permit, b(P.permit_years[i] > 0));
  set(v, Attr::permit_years, static_cast<float>(P.permit_years[i]));
  set(v, Attr::employed, b(P.emp[i] != Emp::none));
  set(v, Attr::formal_job, b(P.emp[i] == Emp::formal));
  set(v, Attr::college_grad, b(f & pflag::college));
  set(v, Attr::skilled_worker, b(f & pflag::skilled));
  set(v, Attr::vocational_grad, b(f & pflag::vocational));
  set(v, Attr::overseas_returnee, b(f & pflag::overseas));
  set(v, Attr::veteran, b(f & pflag::veteran));
  set(v, Attr::rural_student, b(f & pflag::rural_student));
  set(v, Attr::new_generation, b(P.birth_year[i] >= 1980));
}

bool admits(const World& w, const Condition& cond, std::uint32_t h, int settled_override) {
  if (cond.code.empty()) return true;
  AttrValues v{};
  household_attrs(w, h, v);
  if (settled_override >= 0) v[static_cast<std::size_t>(Attr::settled)] = static_cast<float>(settled_override);
  const std::uint32_t first = w.pop.h.first[h], n = w.pop.h.members[h];
  const int adult = w.sc.params.moves_adult_age;
  for (std::uint32_t i = first; i < first + n; ++i) {
    if (age_of(w, i) < adult) continue;
    person_attrs(w, i, v);
    if (cond(v)) return true;
  }
  return false;
}

AdmitsBoth admits_unsettled_and_settled(const World& w, const Condition& cond, std::uint32_t h) {
  if (cond.code.empty()) return {true, true};
  AttrValues v{};
  household_attrs(w, h, v);
  AdmitsBoth r;
  const std::uint32_t first = w.pop.h.first[h], n = w.pop.h.members[h];
  const int adult = w.sc.params.moves_adult_age;
  auto& settled = v[static_cast<std::size_t>(Attr::settled)];
  for (std::uint32_t i = first; i < first + n && !(r.unsettled && r.settled); ++i) {
    if (age_of(w, i) < adult) continue;
    person_attrs(w, i, v);
    settled = 0.0f;
    r.unsettled = r.unsettled || cond(v);
    settled = 1.0f;
    r.settled = r.settled || cond(v);
  }
  return r;
}

std::uint32_t admitting_channels(const World& w, std::uint32_t h, ChannelKind kind) {
  const auto& channels = w.sc.channels;
  const std::size_t zone = w.pop.h.zone[h];
  std::uint32_t candidates = 0;
  for (std::size_t k = 0; k < channels.size() && k < 32; ++k)
    if (channels[k].zones[zone] && !channels[k].events_only && channels[k].kind == kind) candidates |= 1u << k;
  if (!candidates) return 0;
  AttrValues v{};
  household_attrs(w, h, v);
  std::uint32_t admitted = 0;
  const std::uint32_t first = w.pop.h.first[h], n = w.pop.h.members[h];
  const int adult = w.sc.params.moves_adult_age;
  for (std::uint32_t i = first; i < first + n && admitted != candidates; ++i) {
    if (age_of(w, i) < adult) continue;
    person_attrs(w, i, v);
    for (std::uint32_t rest = candidates & ~admitted; rest; rest &= rest - 1) {
      const int k = std::countr_zero(rest);
      if (channels[static_cast<std::size_t>(k)].condition(v)) admitted |= 1u << k;
    }
  }
  return admitted;
}

}  // namespace hukou
