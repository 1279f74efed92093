// Rebuilds the arrays after deaths, births and departures so that each
// household's members stay adjacent and no dead or departed agent is carried on.
// Newborns go right after their household's members.
//
// Where the elements go is worked out once per compaction (plan), as runs of
// elements that move together; every array is then moved run by run with memmove.
// Finding the runs household by household for each array cost more than the
// copies themselves.
//
// The arrays are moved in place, each in its own allocation, which keeps its room
// from period to period. So no period allocates or page-faults a new population,
// and each element is read and written once (gathering into a scratch column and
// copying it back would move it twice and hold 8 more bytes per person).
#include <algorithm>
#include <cstring>
#include <type_traits>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_scan.h>
#include <tbb/task_group.h>

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
  // in both places. So a dead member or a dropped household's (a gap in `from`) and
  // a newborn's slot (a gap in `to`) each end a run.
  void add(std::uint32_t from, std::uint32_t to, std::uint32_t n) {
    if (open_.from + open_.n == from && open_.to + open_.n == to) {
      open_.n += n;
      return;
    }
    close();
    open_ = Run{from, to, n};
  }

 private:
  void close() {
    if (open_.n) list_.push_back(open_);
  }
  std::vector<Run>& list_;
  Run open_{0, 0, 0};
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
      const auto end = static_cast<std::uint32_t>(std::min(nh, (b + 1) * kGrain));
      for (auto h = static_cast<std::uint32_t>(b * kGrain); h < end; ++h) {
        // Households that neither lost nor gained a member, nor left, move as one
        // run with their members: most of them, found by a lean scan (taking them
        // one by one as below gives the same runs, at several times the cost).
        std::uint32_t u = h;
        while (u < end && s.size[u] && s.size[u] == H.members[u] && !s.born[u]) ++u;
        if (u > h) {
          households.add(h, s.index[h], u - h);
          persons.add(H.first[h], s.first[h], H.first[u - 1] + H.members[u - 1] - H.first[h]);
          if (u == end) break;
          h = u;
        }
        if (!s.size[h]) continue;
        households.add(h, s.index[h], 1);
        const std::uint32_t first = H.first[h], n = H.members[h];
        if (static_cast<std::uint32_t>(s.size[h] - s.born[h]) == n) {  // no member died
          persons.add(first, s.first[h], n);
        } else {
          std::uint32_t to = s.first[h];
          for (std::uint32_t i = first; i < first + n; ++i)
            if (!(flags[i] & pflag::dead)) persons.add(i, to++, 1);
        }
        if (s.born[h]) k.births.push_back(h);  // its slot, after the members, is filled by add_newborns
      }
    }
  });
}

// Moves the runs of `kind` within v, which then holds the n elements of the new
// population. Runs keep their order in both places, so a run moving left (to <
// from) can overwrite only sources of earlier runs moving left, and one moving
// right only those of later runs moving right: the first are moved first to last,
// then the second last to first. That order is serial, so compact() runs the
// arrays in parallel instead.
template <class T>
void move_in_place(const CompactScratch& s, std::vector<Run> Block::*kind, std::vector<T>& v, std::size_t n) {
  const std::size_t old = v.size();
  if (v.capacity() < room_needed(n)) v.reserve(room_to_grow(n));  // keeps the elements, unlike resize_for_overwrite
  v.resize(std::max(old, n));
  T* const p = v.data();
  const auto move = [p](const Run& r) { std::memmove(p + r.to, p + r.from, r.n * sizeof(T)); };
  for (const Block& b : s.blocks)
    for (const Run& r : b.*kind)
      if (r.to < r.from) move(r);
  for (auto b = s.blocks.rbegin(); b != s.blocks.rend(); ++b) {
    const std::vector<Run>& runs = (*b).*kind;
    for (auto r = runs.rbegin(); r != runs.rend(); ++r)
      if (r->to > r->from) move(*r);
  }
  v.resize(n);
}

// A household array anew, from the new first members or sizes.
template <class T>
void gather_households(const CompactScratch& s, const T* from, std::vector<T>& v, std::size_t n) {
  resize_for_overwrite(v, n);
  tbb::parallel_for(Range(0, s.blocks.size(), 1), [&](const Range& r) {
    for (std::size_t b = r.begin(); b != r.end(); ++b)
      for (const Run& run : s.blocks[b].households) std::memcpy(v.data() + run.to, from + run.from, run.n * sizeof(T));
  });
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

  // The plan holds all that is read from the old arrays' layout, so the arrays are
  // independent of each other: one task each. A household's first member and size
  // are taken anew from the plan; every other array moves as it is (the first two
  // picked by identity, not by type, so that a later array of their type moves).
  tbb::task_group g;
  person_arrays([&](auto m) {
    auto& v = P.*m;
    g.run([&s, &v, persons] { move_in_place(s, &Block::persons, v, persons); });
  });
  household_arrays([&](auto m) {
    auto& v = H.*m;
    if constexpr (std::is_same_v<decltype(m), decltype(&Households::first)>) {
      if (m == &Households::first)
        return g.run([&s, &v, households] { gather_households(s, s.first.data(), v, households); });
    }
    if constexpr (std::is_same_v<decltype(m), decltype(&Households::members)>) {
      if (m == &Households::members)
        return g.run([&s, &v, households] { gather_households(s, s.size.data(), v, households); });
    }
    g.run([&s, &v, households] { move_in_place(s, &Block::households, v, households); });
  });
  g.wait();
  add_newborns(w);
}

}  // namespace hukou
