// Moves across the prefecture's border of its registered rural-hukou people
// (part of 1. Demography, in its sweep):
// - departures: a household of local origin without urban hukou, living in the
//   prefecture, leaves with a probability that falls with its head's age, as
//   village-to-town moves do; unless the whole family goes, children under 15 and
//   members over 60 stay in the village. Those who leave keep their hukou here:
//   registered here, living elsewhere (pflag::away);
// - each person away comes back (moves.return_rate) or moves the hukou out of the
//   prefecture (moves.away_hukou_out_rate, and leaves the population) each year.
// The departure rate is fixed in the base year (base_year_rates.hpp) so that
// moves.out_migration_rate is the share of rural-hukou residents who leave.
//
// Why in demography's sweep: a hukou moved out takes the person out of the arrays,
// which is compaction's work, and compaction follows demography's plan; births then
// see who has left (a newborn takes its mother's place, away included).
#pragma once
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "../household_ops.hpp"
#include "../rng.hpp"
#include "../world.hpp"

namespace hukou {

// Whether household h may leave: of local origin, in the prefecture, not settled,
// its head not away.
inline bool may_leave(const Population& pop, std::uint32_t h) {
  const std::uint16_t head = pop.p.flags[pop.h.first[h]];
  return pop.h.origin[h] != kOutside && pop.h.loc[h] != Location::gone &&
         !(head & (pflag::settled | pflag::away | pflag::dead));
}

// Whether a member goes even when the whole family does not: the head, and those
// aged 15-60 (the rule of village-to-town moves).
inline bool leaves_unless_whole(bool head, int age) { return head || (age >= 15 && age <= 60); }

// The fall of a household's move probability with its head's age.
inline double age_factor(const Params& prm, int head_age) {
  return std::exp(-prm.moves_move_age_decay * std::max(0, head_age - 30));
}

class BorderMoves {
 public:
  explicit BorderMoves(const World& w);

  // Person i of h, away: may come back or move the hukou out; true if the hukou
  // moved out (the person is then flagged dead: dropped at compaction).
  [[gnu::always_inline]] bool away_member(World& w, Counters& c, std::uint32_t h, std::uint32_t i) const {
    rng::Draws d(away_key_, w.pop.p.id[i]);
    const std::uint64_t b = d.next_bits();
    if (!rng::below(b, gone_)) return false;
    if (rng::below(b, back_)) {
      come_back(w, c, h, i);
      return false;
    }
    move_hukou_out(w, c, h, i);
    return true;
  }

  // Household h may leave the prefecture; true if it did.
  [[gnu::always_inline]] bool household(World& w, Counters& c, std::uint32_t h) const {
    if (!may_leave(w.pop, h)) return false;
    const auto over_30 = static_cast<std::size_t>(std::max(0, age_of(w, w.pop.h.first[h]) - 30));
    rng::Draws d(leave_key_, w.pop.h.id[h]);
    if (!rng::below(d.next_bits(), leave_[std::min(over_30, leave_.size() - 1)])) return false;
    leave_prefecture(w, c, h, d.uniform() < whole_);
    return true;
  }

 private:
  std::array<std::uint64_t, 96> leave_{};  // by the head's years over 30, as thresholds (rng::threshold)
  std::uint64_t back_ = 0, gone_ = 0;      // return, and return or hukou out, as thresholds
  double whole_ = 0.0;
  rng::StreamKey leave_key_, away_key_;
};

}  // namespace hukou
