// Rebuilds the arrays after deaths, births and departures so that each
// household's members stay adjacent and no dead or departed agent is carried on.
// Newborns go right after their household's members.
//
// The arrays are rebuilt in place, one at a time: each is gathered in its new order
// into the scratch column and copied back into its own allocation, which keeps its
// room from period to period. So no period allocates or page-faults a new
// population, and the state stays one population plus one column (see CompactScratch).
//
// Where the elements go is worked out once per compaction (plan), as runs of
// elements that move together; every array is then moved by one memcpy per run.
// Finding the runs household by household for each of the 21 arrays cost more
// than the copies themselves.
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
using Run = CompactScratch::Run;
using Block = CompactScratch::Block;

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

// Collects runs into a list. The open run is held apart from the list (in registers,
// once inlined) and joins it when the next elements do not extend it.
class Runs {
 public:
  explicit Runs(std::vector<Run>& list) : list_(list) { list_.clear(); }
  ~Runs() { close(); }
  // n elements moving from `from` to `to`: they extend the open run if they follow it
  // in both places with the same household shift. So a dead member (a gap in
  // `from`), a newborn's slot (a gap in `to`) and a dropped household (a change of
  // shift, even with no members) each end a run.
  void add(std::uint32_t from, std::uint32_t to, std::uint32_t n, std::uint32_t shift) {
    if (open_.from + open_.n == from && open_.to + open_.n == to && open_.shift == shift) {
      open_.n += n;
      return;
    }
    close();
    open_ = Run{from, to, n, shift};
  }

 private:
  void close() {
    if (open_.n) list_.push_back(open_);
  }
  std::vector<Run>& list_;
  Run open_{0, 0, 0, 0};
};

// The copy plan, per block of kGrain households. A block's runs and births depend
// on its own households only, so the plan is the same for any thread count and
// order of the blocks. Reads the old arrays' sizes, members and dead bits, so it
// comes before any array is moved.
void plan(Population& pop) {
  CompactScratch& s = pop.scratch;
  const Households& H = pop.h;
  const auto& flags = pop.p.flags;
  const std::size_t nh = s.size.size();
  s.blocks.resize((nh + kGrain - 1) / kGrain);
  tbb::parallel_for(Range(0, s.blocks.size(), 1), [&](const Range& r) {
    for (std::size_t b = r.begin(); b != r.end(); ++b) {
      Block& k = s.blocks[b];
      Runs persons(k.persons), households(k.households);
      k.births.clear();
      for (auto h = static_cast<std::uint32_t>(b * kGrain); h < std::min(nh, (b + 1) * kGrain); ++h) {
        if (!s.size[h]) continue;
        const std::uint32_t shift = h - s.index[h];  // households dropped before h
        households.add(h, s.index[h], 1, shift);
        const std::uint32_t first = H.first[h], n = H.members[h];
        if (static_cast<std::uint32_t>(s.size[h] - s.born[h]) == n) {  // no member died
          persons.add(first, s.first[h], n, shift);
        } else {
          std::uint32_t to = s.first[h];
          for (std::uint32_t i = first; i < first + n; ++i)
            if (!(flags[i] & pflag::dead)) persons.add(i, to++, 1, shift);
        }
        if (s.born[h]) k.births.push_back(h);  // its slot, after the members, is filled by add_newborns
      }
    }
  });
}

// Copies the n gathered elements from the scratch column back into v.
template <class T>
void put_back(std::vector<T>& v, const std::byte* from, std::size_t n) {
  resize_for_overwrite(v, n);
  tbb::parallel_for(Range(0, n, 1 << 16), [&](const Range& r) {
    std::memcpy(v.data() + r.begin(), from + r.begin() * sizeof(T), r.size() * sizeof(T));
  });
}

// One array: each run of `kind` (the person or the household runs) from `from` (the
// array itself, or the new first members and sizes) into the column, then back into
// v, which gets the n elements of the new population. `hh` subtracts each run's shift
// on the way: a person's household index less the households dropped before it is
// its household's new index.
template <bool hh = false, class T>
void move_array(Population& pop, std::vector<Run> Block::*kind, const T* from, std::vector<T>& v, std::size_t n) {
  CompactScratch& s = pop.scratch;
  T* out = reinterpret_cast<T*>(s.column.data());
  tbb::parallel_for(Range(0, s.blocks.size(), 1), [&](const Range& r) {
    for (std::size_t b = r.begin(); b != r.end(); ++b)
      for (const Run& run : s.blocks[b].*kind) {
        if constexpr (hh) {
          for (std::uint32_t k = 0; k < run.n; ++k) out[run.to + k] = from[run.from + k] - run.shift;
        } else {
          std::memcpy(out + run.to, from + run.from, run.n * sizeof(T));
        }
      }
  });
  put_back(v, s.column.data(), n);
}

// The newborn, last of its household, takes the mother's hukou and place; the
// mother is the first surviving woman aged 20-39 (as in demography).
void add_newborns(World& w) {
  Persons& P = w.pop.p;
  const CompactScratch& s = w.pop.scratch;
  const int year = w.year();
  const auto period = static_cast<std::uint32_t>(w.t);
  tbb::parallel_for(Range(0, s.blocks.size(), 1), [&](const Range& r) {
    for (std::size_t b = r.begin(); b != r.end(); ++b)
      for (const std::uint32_t h : s.blocks[b].births) {
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
        P.hh[to] = s.index[h];
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
  plan(pop);
  const std::size_t persons = s.first[nh], households = s.index[nh];
  // Room for the widest array (ids); a kept household has a member, so households <= persons.
  resize_for_overwrite(s.column, sizeof(std::uint64_t) * persons);

  // The plan holds all that is read from the old arrays' layout, so any order will do.
  const auto person = [&](auto& v) { move_array(pop, &Block::persons, v.data(), v, persons); };
  person(P.id); person(P.birth_year); person(P.edu); person(P.emp); person(P.si_years);
  person(P.town_years); person(P.permit_years); person(P.wage); person(P.flags);
  move_array<true>(pop, &Block::persons, P.hh.data(), P.hh, persons);
  add_newborns(w);

  const auto household = [&](auto& v) { move_array(pop, &Block::households, v.data(), v, households); };
  household(H.id); household(H.zone); household(H.origin); household(H.loc); household(H.tenure);
  household(H.tenure_years); household(H.flags); household(H.channel); household(H.rental_wait);
  household(H.land_mu);
  move_array(pop, &Block::households, s.first.data(), H.first, households);
  move_array(pop, &Block::households, s.size.data(), H.members, households);
}

}  // namespace hukou
