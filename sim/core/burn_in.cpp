#include "burn_in.hpp"

#include <algorithm>
#include <type_traits>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "processes/decision.hpp"
#include "processes/eligibility.hpp"

namespace hukou {

namespace {
// Household ids of replacements: period numbers no run reaches.
constexpr std::uint32_t kBurnInPeriod = 0xfffff;
// assumption: a household whose every candidate replacement differs in size or
// would have settled too is kept as drawn after this many tries (rare: sizes repeat).
constexpr int kMaxTries = 400;

class Exposure {
 public:
  explicit Exposure(const World& w) : terms_(w), years_(std::max(0, w.sc.params.decision_burn_in_years)) {
    const auto open = open_intervals(w.sc);
    for (int k = 0; k < years_; ++k) dates_.emplace_back(open, w.sc.base_year - k);
  }

  // Whether household h, unsettled in town with channels `bits`, would have
  // settled in one of the years it has lived in town.
  bool would_have_settled(const World& w, std::uint32_t h, std::uint32_t bits) const {
    if (!bits) return false;
    const int years = std::min<int>(years_, w.pop.p.town_years[w.pop.h.first[h]]);
    rng::Draws d(w.seed, kBurnInPeriod, w.pop.h.id[h], rng::Stream::burn_in);
    double p = -1.0;  // the same facts every year: the probability once, when a channel is open
    for (int k = 0; k < years; ++k) {
      const std::uint64_t date = d.next_bits();
      const double u = d.uniform();
      if (dates_[static_cast<std::size_t>(k)].channel(bits, date) < 0) continue;
      if (p < 0.0)
        p = choice_probabilities(utilities(w, h, terms_, true), true, w.sc.params.decision_nest_lambda).settle;
      if (u < p) return true;
    }
    return false;
  }
  bool exposed(const World& w, std::uint32_t h, std::uint32_t bits) const {
    const int years = std::min<int>(years_, w.pop.p.town_years[w.pop.h.first[h]]);
    rng::Draws d(w.seed, kBurnInPeriod, w.pop.h.id[h], rng::Stream::burn_in);
    for (int k = 0; k < years; ++k) {
      const std::uint64_t date = d.next_bits();
      d.uniform();
      if (bits && dates_[static_cast<std::size_t>(k)].channel(bits, date) >= 0) return true;
    }
    return false;
  }

 private:
  UtilityTerms terms_;
  int years_;
  std::vector<DecisionDates> dates_;
};

std::uint32_t in_town(const Population& pop, std::uint32_t h) {
  std::uint32_t n = 0;
  for (std::uint32_t i = pop.h.first[h]; i < pop.h.first[h] + pop.h.members[h]; ++i)
    n += (pop.p.flags[i] & pflag::in_town) ? 1 : 0;
  return n;
}

// Moves the last household of pop, of the same size as h, into h's place (its
// members into h's members'), and drops it from the end.
void take_place(Population& pop, std::uint32_t h) {
  const auto r = static_cast<std::uint32_t>(pop.h.size() - 1);
  const std::uint32_t to = pop.h.first[h], from = pop.h.first[r];
  household_arrays([&](auto m) {
    if constexpr (std::is_same_v<decltype(m), decltype(&Households::first)>)
      if (m == &Households::first) return;
    (pop.h.*m)[h] = (pop.h.*m)[r];
  });
  person_arrays([&](auto m) {
    for (std::uint32_t j = 0; j < pop.h.members[h]; ++j) (pop.p.*m)[to + j] = (pop.p.*m)[from + j];
  });
  pop.p.resize(from);
  pop.h.resize(r);
}

// Drops the last household of pop with its members.
void drop_last(Population& pop) {
  const std::size_t h = pop.h.size() - 1;
  pop.p.resize(pop.h.first[h]);
  pop.h.resize(h);
}
}  // namespace

BurnInCounts burn_in(World& w, const HouseholdFactory& factory) {
  BurnInCounts c;
  if (w.sc.params.decision_burn_in_years <= 0) return c;
  const Exposure exposure(w);
  auto& H = w.pop.h;
  const std::size_t n0 = H.size();
  std::vector<std::uint8_t> settles(n0, 0);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n0, 4096), [&](const tbb::blocked_range<std::size_t>& r) {
    for (std::size_t k = r.begin(); k != r.end(); ++k) {
      const auto h = static_cast<std::uint32_t>(k);
      if (H.loc[h] != Location::town || is_settled(w.pop, h)) continue;
      const std::uint32_t bits = w.eligible[h];
      settles[k] = exposure.exposed(w, h, bits) ? (exposure.would_have_settled(w, h, bits) ? 2 : 1) : 0;
    }
  });
  for (std::size_t k = 0; k < n0; ++k) {
    if (settles[k]) ++c.exposed;
    if (settles[k] != 2) continue;
    const auto h = static_cast<std::uint32_t>(k);
    const std::uint8_t zone = H.zone[h];
    const HouseholdKind kind = H.origin[h] == kOutside ? HouseholdKind::town_outside : HouseholdKind::town_local;
    const std::uint32_t members = H.members[h], town = in_town(w.pop, h);
    bool found = false;
    for (int t = 0; t < kMaxTries && !found; ++t) {
      // From the replaced household's id: the same replacement whatever the households' order.
      const std::uint64_t id = rng::derive_id(H.id[h], kBurnInPeriod, static_cast<std::uint64_t>(t));
      rng::Draws d(w.seed, 0, id, rng::Stream::synth);
      const std::uint32_t r = factory.make(w.pop, kind, zone, id, w.sc.base_year, false, d);
      if (H.members[r] == members && in_town(w.pop, r) == town && H.origin[r] == H.origin[h]) {
        const std::uint32_t bits = eligible_channels(w, r);
        found = !exposure.would_have_settled(w, r, bits);
      }
      if (!found) drop_last(w.pop);
    }
    if (found) {
      take_place(w.pop, h);  // same size: in h's place, so the households' order is kept
      ++c.replaced;
    } else {
      ++c.kept;
    }
  }
  return c;
}

}  // namespace hukou
