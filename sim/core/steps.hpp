// The per-household and per-person parts of processes, with their per-period
// constants, so that one sweep over households can run several processes:
// - the town pass (processes/town_pass.cpp) runs 2 (moves), 3 (jobs) and 5
//   (permits) in one sweep instead of three: each touches only its own household
//   and person, so running them person by person gives the same state as running
//   each over everyone in turn (the order of steps within a person is kept);
// - housing (4) takes eligibility's (6) per-household part in its sweep.
// Why: the separate sweeps were each bound by loading the same household and
// member fields and by the same branches (in town, age), not by their own
// arithmetic.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "attrs.hpp"
#include "household_factory.hpp"
#include "rng.hpp"
#include "world.hpp"

namespace hukou {

// 2. A village household's move to town (true if it moved).
class MoveStep {
 public:
  explicit MoveStep(const World& w);
  bool operator()(World& w, Counters& c, std::uint32_t h) const;

 private:
  double rate(int over_30) const;
  const Params& prm_;
  std::vector<double> cum_;  // cumulative destination weights over zones
  std::array<std::uint64_t, 128> rate_{};  // rate(k) as a threshold (rng::threshold)
  rng::StreamKey key_;
};

// 2. This period's households from outside, appended; returns the first new index.
std::uint32_t arrive(World& w, const HouseholdFactory& factory);

// 3. One member living in town aged 16 or more, of household h.
class JobStep {
 public:
  explicit JobStep(const World& w);
  void operator()(World& w, std::uint32_t h, std::uint32_t i, int age) const;

 private:
  const Params& prm_;
  bool training_;       // whether training certifies anyone (rate > 0)
  float growth_;        // this period's wage growth
  double wage_growth_;  // growth since the base year (new wages)
  rng::StreamKey job_key_, training_key_;
  // The rates as thresholds on a draw's bits (rng::threshold); a new job's chance
  // of being formal by schooling.
  std::uint64_t find_, loss_, formalize_, train_;
  std::array<std::uint64_t, static_cast<std::size_t>(Edu::college) + 1> formal_{};
};

// 5. One member living in town aged 16 or more, of a household without hukou.
class PermitStep {
 public:
  explicit PermitStep(const World& w);
  void operator()(World& w, std::uint32_t i) const;

 private:
  int min_years_;
  std::uint64_t takeup_;  // the take-up rate as a threshold (rng::threshold)
  rng::StreamKey key_;
};

// A new job's wage (jobs.cpp); `wage_growth`: wages' growth since the base year.
float new_wage(const World& w, std::uint32_t h, Edu e, double wage_growth, rng::Draws& d);

// The steps per person are defined here, inline, because the town pass calls them
// for every member: as calls into other files they cost 5-10 % of that pass.
inline void JobStep::operator()(World& w, std::uint32_t h, std::uint32_t i, int age) const {
  auto& P = w.pop.p;
  if ((P.flags[i] & pflag::rural_student) && age >= 22)  // graduates
    P.flags[i] = static_cast<std::uint16_t>((P.flags[i] & ~pflag::rural_student) | pflag::college);
  if (age >= prm_.jobs_retirement_age || (P.flags[i] & pflag::rural_student)) {
    P.emp[i] = Emp::none;
    P.wage[i] = 0.0f;
    return;
  }
  rng::Draws d(job_key_, P.id[i]);
  const std::uint64_t u = d.next_bits();  // one draw, tested against finding or losing a job
  if (P.emp[i] == Emp::none) {
    if (rng::below(u, find_)) {
      P.emp[i] = rng::below(d.next_bits(), formal_[static_cast<std::size_t>(P.edu[i])]) ? Emp::formal : Emp::informal;
      P.wage[i] = new_wage(w, h, P.edu[i], wage_growth_, d);
    }
  } else if (rng::below(u, loss_)) {
    P.emp[i] = Emp::none;
    P.wage[i] = 0.0f;
  } else {
    P.wage[i] *= growth_;
    if (P.emp[i] == Emp::informal && rng::below(d.next_bits(), formalize_)) P.emp[i] = Emp::formal;
  }
  if (P.emp[i] == Emp::formal && P.si_years[i] < 255) ++P.si_years[i];
  // A draw u in [0, 1) is never below a rate of 0, so without training (most
  // scenarios) the draw is skipped: the same outcome for two fewer mixes.
  if (training_ && P.emp[i] != Emp::none && !(P.flags[i] & pflag::skilled)) {
    rng::Draws t(training_key_, P.id[i]);
    if (rng::below(t.next_bits(), train_)) P.flags[i] |= pflag::skilled;
  }
}

inline void PermitStep::operator()(World& w, std::uint32_t i) const {
  auto& P = w.pop.p;
  if (P.permit_years[i] > 0) {
    if (P.permit_years[i] < 255) ++P.permit_years[i];
    return;
  }
  if (P.town_years[i] < min_years_) return;
  // No permit yet (0): 1 if taken up, stored without a branch on the draw.
  rng::Draws d(key_, P.id[i]);
  P.permit_years[i] = rng::below(d.next_bits(), takeup_) ? 1 : 0;
}

// Whether permits may run in the town pass, before housing (see permits.cpp).
bool permits_join_town_pass(const World& w);

// 6. Eligibility per household: the tally of peers and school demand (into a
// Counters of eligibility_tally_shape), and the channels that admit it (0 unless
// in town); then the zones' peer shares and school access from the tally.
// The per-household parts are defined below, inline: housing's sweep calls them for
// every household.
Counters eligibility_tally_shape(const World& w);
void eligibility_zones(World& w, const Counters& tally);

// School demand and peer shares are tallied apart from the period's flows, per
// zone and per origin group (zones, then outside): the tally's slots are named
// after what they count here.
namespace eligibility_slots {
inline constexpr Flow peers_all = Flow::residents, peers_settled = Flow::settlers;
inline constexpr Flow school_hukou = Flow::town_residents, school_permit = Flow::unsettled_town;
}  // namespace eligibility_slots

inline void eligibility_tally(const World& w, std::uint32_t h, Counters& c) {
  using namespace eligibility_slots;
  const auto& P = w.pop.p;
  const auto& H = w.pop.h;
  if (H.loc[h] == Location::gone) return;
  const bool settled = is_settled(w.pop, h);
  const std::size_t g = w.origin_group(H.origin[h]);
  const std::uint32_t first = H.first[h], n = H.members[h];
  if (settled || H.loc[h] == Location::town) {
    c.add(g, peers_all, n);
    if (settled) c.add(g, peers_settled, n);
  }
  if (H.loc[h] != Location::town) return;
  for (std::uint32_t i = first; i < first + n; ++i) {
    const int age = age_of(w, i);
    if (age >= 6 && age <= 14 && (P.flags[i] & pflag::in_town))
      c.add(H.zone[h], settled ? school_hukou : school_permit);
  }
}

inline std::uint32_t eligible_channels(const World& w, std::uint32_t h) {
  const auto& H = w.pop.h;
  if (H.loc[h] != Location::town) return 0;
  // Settled households that came from the prefecture's villages may return
  // through a return channel; the others may settle through a settlement channel.
  if (is_settled(w.pop, h))
    return H.origin[h] != kOutside && !(H.flags[h] & hflag::reclassified)
               ? admitting_channels(w, h, ChannelKind::return_home) : 0;
  return admitting_channels(w, h);
}

}  // namespace hukou
