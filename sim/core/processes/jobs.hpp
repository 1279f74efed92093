// 3. Jobs, for members living in town aged 16 to retirement. The jobless find work
// at a fixed yearly rate; a new job is formal with a probability rising with
// schooling; jobs are lost at a fixed rate; informal jobs become formal at a
// fixed rate. Formal jobs accrue years of social insurance. Wages grow at the
// observed rate; a new job draws a log-normal wage around the zone's level times
// an education premium. Free vocational training (Shaoxing 四(三)) certifies skills.
// Rural students become college graduates at 22 and hold no job until then.
//
// One member at a time, in the town sweep with moves and permits (schedule.hpp).
#pragma once
#include <array>
#include <cstdint>

#include "../rng.hpp"
#include "../step.hpp"
#include "../world.hpp"

namespace hukou {

class Jobs {
 public:
  Jobs(World& w, const PeriodEnv& env);

  // The members living in town of a household living in town.
  [[gnu::always_inline]] bool household(World& w, Counters&, std::uint32_t h, Visit&) const {
    return w.pop.h.loc[h] == Location::town;
  }
  [[gnu::always_inline]] void member(World& w, std::uint32_t h, std::uint32_t i, int age) const;

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

// A new job's wage; `wage_growth`: wages' growth since the base year.
float new_wage(const World& w, std::uint32_t h, Edu e, double wage_growth, rng::Draws& d);

inline void Jobs::member(World& w, std::uint32_t h, std::uint32_t i, int age) const {
  if (age < 16) return;
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

}  // namespace hukou
