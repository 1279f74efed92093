#include "household_ops.hpp"

#include "results.hpp"

namespace hukou {

namespace {
struct Where {
  int res, reg;
};
Where where(const Population& pop, std::uint32_t h, std::uint32_t i) {
  return {residence_zone(pop, h, i), registration_zone(pop, h, i)};
}

void record(Counters& c, Where before, Where after) {
  if (before.res != after.res) {
    if (before.res >= 0) c.add(before.res, Flow::moves_out);
    if (after.res >= 0) c.add(after.res, Flow::moves_in);
  }
  if (before.reg != after.reg) {
    if (before.reg >= 0) c.add(before.reg, Flow::reg_out);
    if (after.reg >= 0) c.add(after.reg, Flow::reg_in);
  }
}

// Apply f to the household, recording each member's change of place and hukou.
// Members who died this period (demography's sweep) were counted where they died:
// a change of their household moves them nowhere.
template <class F>
void change(World& w, Counters& c, std::uint32_t h, F&& f) {
  auto& pop = w.pop;
  const std::uint32_t first = pop.h.first[h], n = pop.h.members[h];
  Where before[256];
  const std::uint32_t m = n < 256 ? n : 256;  // household sizes are small; bound the buffer anyway
  for (std::uint32_t k = 0; k < m; ++k) before[k] = where(pop, h, first + k);
  f();
  for (std::uint32_t k = 0; k < m; ++k)
    if (!(pop.p.flags[first + k] & pflag::dead)) record(c, before[k], where(pop, h, first + k));
}
}  // namespace

std::uint32_t groups_of(const World& w, std::uint32_t i) {
  const auto f = w.pop.p.flags[i];
  std::uint32_t g = 0;
  if (f & pflag::college) g |= 1u << 0;
  if (f & pflag::skilled) g |= 1u << 1;
  if (f & pflag::vocational) g |= 1u << 2;
  if (f & pflag::overseas) g |= 1u << 3;
  if (f & pflag::veteran) g |= 1u << 4;
  if (f & pflag::rural_student) g |= 1u << 5;
  if (w.pop.p.birth_year[i] >= 1980 && age_of(w, i) >= w.sc.params.moves_adult_age) g |= 1u << 6;
  if (g == 0) g = 1u << 7;  // "other"
  return g;
}

void settle(World& w, Counters& c, std::uint32_t h, std::uint8_t channel, bool count_as_settlement) {
  auto& pop = w.pop;
  const std::uint32_t first = pop.h.first[h], n = pop.h.members[h];
  const std::size_t z = pop.h.zone[h];
  change(w, c, h, [&] {
    for (std::uint32_t i = first; i < first + n; ++i) {
      pop.p.flags[i] |= pflag::settled;
      pop.p.permit_years[i] = 0;  // a hukou holder needs no residence permit
    }
    pop.h.channel[h] = channel;
  });
  if (!count_as_settlement) {
    c.add(z, Flow::reclassified, n);
    return;
  }
  c.add(z, Flow::settlers, n);
  c.channel[z * c.channels + channel] += n;
  for (std::uint32_t i = first; i < first + n; ++i) {
    const std::uint32_t g = groups_of(w, i);
    for (std::size_t k = 0; k < c.groups; ++k)
      if (g & (1u << k)) c.group[z * c.groups + k] += 1;
  }
}

void send_home(World& w, Counters& c, std::uint32_t h) {
  auto& pop = w.pop;
  const std::uint32_t first = pop.h.first[h], n = pop.h.members[h];
  std::int64_t in_town = 0;
  for (std::uint32_t i = first; i < first + n; ++i) in_town += (pop.p.flags[i] & pflag::in_town) != 0;
  c.add(pop.h.zone[h], Flow::returns, in_town);
  const bool local = pop.h.origin[h] != kOutside;
  change(w, c, h, [&] {
    for (std::uint32_t i = first; i < first + n; ++i) {
      pop.p.flags[i] &= static_cast<std::uint16_t>(~pflag::in_town);
      pop.p.town_years[i] = 0;
      pop.p.permit_years[i] = 0;
      pop.p.emp[i] = Emp::none;
      pop.p.wage[i] = 0.0f;
    }
    if (local) {
      pop.h.loc[h] = Location::village;
      pop.h.zone[h] = pop.h.origin[h];
      pop.h.tenure[h] = Tenure::village_home;
      pop.h.tenure_years[h] = 0;
      pop.h.rental_wait[h] = 0;
    } else {
      pop.h.loc[h] = Location::gone;
    }
  });
  if (!local) c.add(pop.h.zone[h], Flow::agents_removed, n);
}

void return_with_hukou(World& w, Counters& c, std::uint32_t h) {
  auto& pop = w.pop;
  const std::uint32_t first = pop.h.first[h], n = pop.h.members[h];
  change(w, c, h, [&] {
    for (std::uint32_t i = first; i < first + n; ++i) pop.p.flags[i] &= static_cast<std::uint16_t>(~pflag::settled);
    pop.h.channel[h] = kNoChannel;
  });
  c.add(pop.h.origin[h], Flow::rehukou, n);
  send_home(w, c, h);
}

void move_to_town(World& w, Counters& c, std::uint32_t h, std::uint8_t zone, bool whole_family) {
  auto& pop = w.pop;
  const std::uint32_t first = pop.h.first[h], n = pop.h.members[h];
  std::int64_t movers = 0;
  change(w, c, h, [&] {
    for (std::uint32_t i = first; i < first + n; ++i) {
      const int age = age_of(w, i);
      const bool goes = !(pop.p.flags[i] & pflag::away) && (whole_family || i == first || (age >= 15 && age <= 60));
      if (goes) {
        pop.p.flags[i] |= pflag::in_town;
        ++movers;
      }
      pop.p.town_years[i] = 0;
    }
    pop.h.loc[h] = Location::town;
    pop.h.zone[h] = zone;
    pop.h.tenure[h] = Tenure::private_rental;
    pop.h.tenure_years[h] = 0;
  });
  c.add(zone, Flow::rural_to_town, movers);
}

void leave_prefecture(World& w, Counters& c, std::uint32_t h, bool whole_family) {
  auto& pop = w.pop;
  auto& P = pop.p;
  const std::uint32_t first = pop.h.first[h], n = pop.h.members[h];
  change(w, c, h, [&] {
    for (std::uint32_t i = first; i < first + n; ++i) {
      if (P.flags[i] & (pflag::away | pflag::dead)) continue;
      if (!whole_family && !(i == first || (age_of(w, i) >= 15 && age_of(w, i) <= 60))) continue;
      c.add(static_cast<std::size_t>(residence_zone(pop, h, i)), Flow::departures);
      P.flags[i] = static_cast<std::uint16_t>((P.flags[i] & ~pflag::in_town) | pflag::away);
      P.emp[i] = Emp::none;
      P.wage[i] = 0.0f;
      P.town_years[i] = 0;
      P.permit_years[i] = 0;
    }
    if (pop.h.loc[h] == Location::town) {
      for (std::uint32_t i = first; i < first + n; ++i) P.flags[i] &= static_cast<std::uint16_t>(~pflag::in_town);
      pop.h.loc[h] = Location::village;
      pop.h.zone[h] = pop.h.origin[h];
      pop.h.tenure[h] = Tenure::village_home;
      pop.h.tenure_years[h] = 0;
      pop.h.rental_wait[h] = 0;
    }
  });
}

void come_back(World& w, Counters& c, std::uint32_t h, std::uint32_t i) {
  auto& P = w.pop.p;
  P.flags[i] &= static_cast<std::uint16_t>(~pflag::away);
  const int res = residence_zone(w.pop, h, i);
  c.add(static_cast<std::size_t>(res), Flow::moves_in);
  c.add(static_cast<std::size_t>(res), Flow::returns_from_away);
}

void move_hukou_out(World& w, Counters& c, std::uint32_t h, std::uint32_t i) {
  const int reg = registration_zone(w.pop, h, i);
  w.pop.p.flags[i] |= pflag::dead;
  if (reg >= 0) {
    c.add(static_cast<std::size_t>(reg), Flow::reg_out);
    c.add(static_cast<std::size_t>(reg), Flow::hukou_out);
  }
  c.add(w.pop.h.zone[h], Flow::agents_removed);
}

void record_arrival(const World& w, Counters& c, std::uint32_t h) {
  const auto& pop = w.pop;
  const std::uint32_t first = pop.h.first[h], n = pop.h.members[h];
  for (std::uint32_t i = first; i < first + n; ++i) record(c, {-1, -1}, where(pop, h, i));
  c.add(pop.h.zone[h], Flow::agents_added, n);
  std::int64_t in_town = 0;
  for (std::uint32_t i = first; i < first + n; ++i) in_town += (pop.p.flags[i] & pflag::in_town) != 0;
  c.add(pop.h.zone[h], Flow::inflow, in_town);
}

}  // namespace hukou
