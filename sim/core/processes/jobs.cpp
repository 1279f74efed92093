// 3. Jobs, for members living in town aged 16 to retirement. The jobless find work
// at a fixed yearly rate; a new job is formal with a probability rising with
// schooling; jobs are lost at a fixed rate; informal jobs become formal at a
// fixed rate. Formal jobs accrue years of social insurance. Wages grow at the
// observed rate; a new job draws a log-normal wage around the zone's level times
// an education premium. Free vocational training (Shaoxing 四(三)) certifies skills.
#include <cmath>

#include "../parallel.hpp"
#include "../processes.hpp"

namespace hukou {

namespace {
// `wage_growth`: the growth of wages since the base year, the same for every job
// this period.
float new_wage(const World& w, std::uint32_t h, Edu e, double wage_growth, rng::Draws& d) {
  const Params& prm = w.sc.params;
  const double level = w.sc.zones[w.pop.h.zone[h]].f.wage * wage_growth;
  const double z = std::sqrt(-2.0 * std::log(1.0 - d.uniform())) * std::cos(6.283185307179586 * d.uniform());
  const double s = prm.jobs_wage_sigma;
  return static_cast<float>(level * std::exp(prm.jobs_edu_wage_premium * (static_cast<int>(e) - 1) + s * z - 0.5 * s * s));
}
}  // namespace

void jobs(World& w) {
  const Params& prm = w.sc.params;
  auto& P = w.pop.p;
  auto& H = w.pop.h;
  const auto period = static_cast<std::uint32_t>(w.t);
  const auto growth = static_cast<float>(1.0 + prm.jobs_wage_growth);
  const double wage_growth = std::pow(1.0 + prm.jobs_wage_growth, w.t);
  const rng::StreamKey job_key(w.seed, period, rng::Stream::job);
  const rng::StreamKey training_key(w.seed, period, rng::Stream::training);
  for_households(w, [&](std::uint32_t h, Counters&) {
    if (H.loc[h] != Location::town) return;
    for (std::uint32_t i = H.first[h]; i < H.first[h] + H.members[h]; ++i) {
      if (!(P.flags[i] & pflag::in_town)) continue;
      const int age = age_of(w, i);
      if (age < 16) continue;
      if ((P.flags[i] & pflag::rural_student) && age >= 22)  // graduates
        P.flags[i] = static_cast<std::uint16_t>((P.flags[i] & ~pflag::rural_student) | pflag::college);
      if (age >= prm.jobs_retirement_age || (P.flags[i] & pflag::rural_student)) {
        P.emp[i] = Emp::none;
        P.wage[i] = 0.0f;
        continue;
      }
      rng::Draws d(job_key, P.id[i]);
      const double u = d.uniform();
      if (P.emp[i] == Emp::none) {
        if (u < prm.jobs_find_rate) {
          const double formal = prm.jobs_formal_share_base + prm.jobs_formal_edu_gain * static_cast<int>(P.edu[i]);
          P.emp[i] = d.uniform() < formal ? Emp::formal : Emp::informal;
          P.wage[i] = new_wage(w, h, P.edu[i], wage_growth, d);
        }
      } else if (u < prm.jobs_loss_rate) {
        P.emp[i] = Emp::none;
        P.wage[i] = 0.0f;
      } else {
        P.wage[i] *= growth;
        if (P.emp[i] == Emp::informal && d.uniform() < prm.jobs_formalize_rate) P.emp[i] = Emp::formal;
      }
      if (P.emp[i] == Emp::formal && P.si_years[i] < 255) ++P.si_years[i];
      if (P.emp[i] != Emp::none && !(P.flags[i] & pflag::skilled)) {
        rng::Draws t(training_key, P.id[i]);
        if (t.uniform() < prm.jobs_training_rate) P.flags[i] |= pflag::skilled;
      }
    }
  });
}

}  // namespace hukou
