// Rebuilds the arrays after deaths, births and departures so that each
// household's members stay adjacent and no dead or departed agent is carried on.
// Newborns go right after their household's members.
#include <numeric>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "../parallel.hpp"
#include "../processes.hpp"
#include "../rng.hpp"

namespace hukou {

namespace {
// China's sex ratio at birth was about 111 boys per 100 girls in 2015-2017 (NBS).
constexpr double kFemaleAtBirth = 100.0 / 211.0;

template <class V>
void take(V& dst, const V& src, std::size_t to, std::size_t from) { dst[to] = src[from]; }

void copy_person(Persons& dst, const Persons& src, std::size_t to, std::size_t from) {
  take(dst.id, src.id, to, from); take(dst.birth_year, src.birth_year, to, from);
  take(dst.flags, src.flags, to, from); take(dst.edu, src.edu, to, from);
  take(dst.emp, src.emp, to, from); take(dst.si_years, src.si_years, to, from);
  take(dst.town_years, src.town_years, to, from); take(dst.permit_years, src.permit_years, to, from);
  take(dst.wage, src.wage, to, from);
}

void copy_household(Households& dst, const Households& src, std::size_t to, std::size_t from) {
  take(dst.id, src.id, to, from); take(dst.zone, src.zone, to, from);
  take(dst.origin, src.origin, to, from); take(dst.loc, src.loc, to, from);
  take(dst.tenure, src.tenure, to, from); take(dst.tenure_years, src.tenure_years, to, from);
  take(dst.flags, src.flags, to, from); take(dst.channel, src.channel, to, from);
  take(dst.rental_wait, src.rental_wait, to, from); take(dst.land_mu, src.land_mu, to, from);
}
}  // namespace

void compact(World& w, const std::vector<std::uint8_t>& births) {
  const Population& old = w.pop;
  const std::size_t nh = old.h.size();
  std::vector<std::uint32_t> keep_size(nh, 0);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, nh, kGrain), [&](const auto& r) {
    for (std::size_t h = r.begin(); h != r.end(); ++h) {
      if (old.h.loc[h] == Location::gone) continue;
      std::uint32_t alive = 0;
      for (std::uint32_t i = old.h.first[h]; i < old.h.first[h] + old.h.members[h]; ++i)
        alive += (old.p.flags[i] & pflag::dead) ? 0 : 1;
      keep_size[h] = alive ? alive + births[h] : 0;
    }
  });
  // Prefix sums give each kept household its new index and first member.
  std::vector<std::uint32_t> new_index(nh), new_first(nh);
  std::uint32_t hh = 0, persons = 0;
  for (std::size_t h = 0; h < nh; ++h) {
    new_index[h] = hh;
    new_first[h] = persons;
    if (keep_size[h]) { ++hh; persons += keep_size[h]; }
  }

  Population next;
  next.h.resize(hh);
  next.p.resize(persons);
  const int year = w.year();
  const auto period = static_cast<std::uint32_t>(w.t);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, nh, kGrain), [&](const auto& r) {
    for (std::size_t h = r.begin(); h != r.end(); ++h) {
      if (!keep_size[h]) continue;
      const std::uint32_t nhx = new_index[h];
      copy_household(next.h, old.h, nhx, h);
      next.h.first[nhx] = new_first[h];
      next.h.members[nhx] = static_cast<std::uint16_t>(keep_size[h]);
      std::uint32_t to = new_first[h];
      std::int64_t mother = -1;
      for (std::uint32_t i = old.h.first[h]; i < old.h.first[h] + old.h.members[h]; ++i) {
        if (old.p.flags[i] & pflag::dead) continue;
        const int age = year - old.p.birth_year[i];
        if (mother < 0 && (old.p.flags[i] & pflag::female) && age >= 20 && age <= 39) mother = to;
        copy_person(next.p, old.p, to, i);
        next.p.hh[to++] = nhx;
      }
      if (births[h]) {  // the newborn takes the mother's hukou and place
        const auto m = static_cast<std::uint32_t>(mother);
        const std::uint64_t id = rng::derive_id(next.p.id[m], period, 0);
        rng::Draws d(w.seed, period, id, rng::Stream::birth);
        next.p.id[to] = id;
        next.p.hh[to] = nhx;
        next.p.birth_year[to] = static_cast<std::int16_t>(year);
        next.p.flags[to] = static_cast<std::uint16_t>((d.uniform() < kFemaleAtBirth ? pflag::female : 0) |
                                                      (next.p.flags[m] & (pflag::in_town | pflag::settled)));
        next.p.edu[to] = Edu::primary;
        next.p.emp[to] = Emp::none;
        next.p.si_years[to] = 0;
        next.p.town_years[to] = 0;
        next.p.permit_years[to] = 0;
        next.p.wage[to] = 0.0f;
      }
    }
  });
  w.pop = std::move(next);
}

}  // namespace hukou
