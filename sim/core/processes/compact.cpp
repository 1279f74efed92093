// Rebuilds the arrays after deaths, births and departures so that each
// household's members stay adjacent and no dead or departed agent is carried on.
// Newborns go right after their household's members.
//
// The arrays are rebuilt in place, one at a time: each is gathered in its new order
// into the scratch column (runs of unchanged households as one copy) and copied
// back into its own allocation, which keeps its room from period to period. So no
// period allocates or page-faults a new population, and the state stays one
// population plus one column (see CompactScratch).
#include <algorithm>
#include <cstring>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_scan.h>

#include "../parallel.hpp"
#include "../processes.hpp"
#include "../rng.hpp"

namespace hukou {

namespace {
// China's sex ratio at birth was about 111 boys per 100 girls in 2015-2017 (NBS).
constexpr double kFemaleAtBirth = 100.0 / 211.0;

using Range = tbb::blocked_range<std::size_t>;

// Each household's new first member and new index: exclusive prefix sums of the
// new sizes, with the totals one past the end. Integer sums, so identical however
// the scan is split.
void number(CompactScratch& s, std::size_t nh) {
  struct Sum {
    std::uint32_t persons = 0, households = 0;
  };
  resize_for_overwrite(s.first, nh + 1);
  resize_for_overwrite(s.index, nh + 1);
  const Sum total = tbb::parallel_scan(
      Range(0, nh, kGrain), Sum{},
      [&s](const Range& r, Sum sum, bool is_final) {
        for (std::size_t h = r.begin(); h != r.end(); ++h) {
          if (is_final) {
            s.first[h] = sum.persons;
            s.index[h] = sum.households;
          }
          sum.persons += s.size[h];
          sum.households += s.size[h] ? 1 : 0;
        }
        return sum;
      },
      [](Sum a, Sum b) { return Sum{a.persons + b.persons, a.households + b.households}; });
  s.first[nh] = total.persons;
  s.index[nh] = total.households;
}

// Copies the n gathered elements from the scratch column back into v.
template <class T>
void put_back(std::vector<T>& v, const std::byte* from, std::size_t n) {
  resize_for_overwrite(v, n);
  tbb::parallel_for(Range(0, n, 1 << 16), [&](const Range& r) {
    std::memcpy(v.data() + r.begin(), from + r.begin() * sizeof(T), r.size() * sizeof(T));
  });
}

// One person array: the survivors of each kept household at its new first member
// (a newborn's slot, after them, is filled by add_newborns).
template <class T>
void move_persons(Population& pop, std::vector<T>& v) {
  const CompactScratch& s = pop.scratch;
  const Households& H = pop.h;
  const auto& flags = pop.p.flags;
  T* out = reinterpret_cast<T*>(pop.scratch.column.data());
  const auto unchanged = [&](std::size_t h) { return s.size[h] == H.members[h] && !s.born[h]; };
  const std::size_t nh = s.size.size();
  tbb::parallel_for(Range(0, nh, kGrain), [&](const Range& r) {
    for (std::size_t h = r.begin(); h != r.end();) {
      if (unchanged(h)) {  // a run of households whose members are adjacent and all survive
        std::size_t e = h + 1;
        while (e != r.end() && unchanged(e) && H.first[e] == H.first[e - 1] + H.members[e - 1]) ++e;
        std::copy(v.data() + H.first[h], v.data() + H.first[e - 1] + H.members[e - 1], out + s.first[h]);
        h = e;
        continue;
      }
      if (s.size[h]) {
        std::uint32_t to = s.first[h];
        for (std::uint32_t i = H.first[h]; i < H.first[h] + H.members[h]; ++i)
          if (!(flags[i] & pflag::dead)) out[to++] = v[i];
      }
      ++h;
    }
  });
  put_back(v, pop.scratch.column.data(), s.first[nh]);
}

// One household array, from `from` (the array itself, or the new first members
// and sizes) to each kept household's new index.
template <class T>
void move_households(Population& pop, const T* from, std::vector<T>& v) {
  const CompactScratch& s = pop.scratch;
  const std::size_t nh = s.size.size();  // the old households (pop.h shrinks array by array)
  T* out = reinterpret_cast<T*>(pop.scratch.column.data());
  tbb::parallel_for(Range(0, nh, kGrain), [&](const Range& r) {
    for (std::size_t h = r.begin(); h != r.end();) {
      if (!s.size[h]) {
        ++h;
        continue;
      }
      std::size_t e = h + 1;
      while (e != r.end() && s.size[e]) ++e;
      std::copy(from + h, from + e, out + s.index[h]);
      h = e;
    }
  });
  put_back(v, pop.scratch.column.data(), s.index[nh]);
}

// Each person's new household index.
void set_households(Population& pop) {
  const CompactScratch& s = pop.scratch;
  const std::size_t nh = s.size.size();
  resize_for_overwrite(pop.p.hh, s.first[nh]);
  tbb::parallel_for(Range(0, nh, kGrain), [&](const Range& r) {
    for (std::size_t h = r.begin(); h != r.end(); ++h)
      std::fill(pop.p.hh.begin() + s.first[h], pop.p.hh.begin() + s.first[h + 1], s.index[h]);
  });
}

// The newborn, last of its household, takes the mother's hukou and place; the
// mother is the first surviving woman aged 20-39 (as in demography).
void add_newborns(World& w) {
  Persons& P = w.pop.p;
  const CompactScratch& s = w.pop.scratch;
  const int year = w.year();
  const auto period = static_cast<std::uint32_t>(w.t);
  tbb::parallel_for(Range(0, s.size.size(), kGrain), [&](const Range& r) {
    for (std::size_t h = r.begin(); h != r.end(); ++h) {
      if (!s.born[h]) continue;
      const std::uint32_t to = s.first[h + 1] - 1;
      const auto mother = [&](std::uint32_t i) {
        const int age = year - P.birth_year[i];
        return (P.flags[i] & pflag::female) && age >= 20 && age <= 39;
      };
      std::uint32_t m = s.first[h];
      while (m + 1 < to && !mother(m)) ++m;  // demography found her, so she is there
      const std::uint64_t id = rng::derive_id(P.id[m], period, 0);
      rng::Draws d(w.seed, period, id, rng::Stream::birth);
      P.id[to] = id;
      P.birth_year[to] = static_cast<std::int16_t>(year);
      P.flags[to] = static_cast<std::uint16_t>((d.uniform() < kFemaleAtBirth ? pflag::female : 0) |
                                               (P.flags[m] & (pflag::in_town | pflag::settled)));
      P.edu[to] = Edu::primary;
      P.emp[to] = Emp::none;
      P.si_years[to] = 0;
      P.town_years[to] = 0;
      P.permit_years[to] = 0;
      P.wage[to] = 0.0f;
    }
  });
}
}  // namespace

void compact(World& w) {
  Population& pop = w.pop;
  CompactScratch& s = pop.scratch;
  Persons& P = pop.p;
  Households& H = pop.h;
  const std::size_t nh = H.size();
  number(s, nh);
  // Room for the widest array (ids); a kept household has a member, so households <= persons.
  resize_for_overwrite(s.column, sizeof(std::uint64_t) * s.first[nh]);

  // Flags last: every person array is gathered by their dead bit.
  move_persons(pop, P.id); move_persons(pop, P.birth_year); move_persons(pop, P.edu);
  move_persons(pop, P.emp); move_persons(pop, P.si_years); move_persons(pop, P.town_years);
  move_persons(pop, P.permit_years); move_persons(pop, P.wage); move_persons(pop, P.flags);
  set_households(pop);
  add_newborns(w);

  // Households after persons: the person arrays are gathered by the old first and members.
  move_households(pop, H.id.data(), H.id); move_households(pop, H.zone.data(), H.zone);
  move_households(pop, H.origin.data(), H.origin); move_households(pop, H.loc.data(), H.loc);
  move_households(pop, H.tenure.data(), H.tenure); move_households(pop, H.tenure_years.data(), H.tenure_years);
  move_households(pop, H.flags.data(), H.flags); move_households(pop, H.channel.data(), H.channel);
  move_households(pop, H.rental_wait.data(), H.rental_wait); move_households(pop, H.land_mu.data(), H.land_mu);
  move_households(pop, s.first.data(), H.first);
  move_households(pop, s.size.data(), H.members);
}

}  // namespace hukou
