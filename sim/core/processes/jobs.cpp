// 3. Jobs, for members living in town aged 16 to retirement. The jobless find work
// at a fixed yearly rate; a new job is formal with a probability rising with
// schooling; jobs are lost at a fixed rate; informal jobs become formal at a
// fixed rate. Formal jobs accrue years of social insurance. Wages grow at the
// observed rate; a new job draws a log-normal wage around the zone's level times
// an education premium. Free vocational training (Shaoxing 四(三)) certifies skills.
//
// One person at a time (JobStep): the town pass (town_pass.cpp) runs it for each
// member together with moves and permits.
#include <cmath>

#include "../steps.hpp"

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

JobStep::JobStep(const World& w)
    : prm_(w.sc.params),
      growth_(static_cast<float>(1.0 + prm_.jobs_wage_growth)),
      wage_growth_(std::pow(1.0 + prm_.jobs_wage_growth, w.t)),
      job_key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::job),
      training_key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::training) {}

void JobStep::operator()(World& w, std::uint32_t h, std::uint32_t i, int age) const {
  auto& P = w.pop.p;
  if ((P.flags[i] & pflag::rural_student) && age >= 22)  // graduates
    P.flags[i] = static_cast<std::uint16_t>((P.flags[i] & ~pflag::rural_student) | pflag::college);
  if (age >= prm_.jobs_retirement_age || (P.flags[i] & pflag::rural_student)) {
    P.emp[i] = Emp::none;
    P.wage[i] = 0.0f;
    return;
  }
  rng::Draws d(job_key_, P.id[i]);
  const double u = d.uniform();
  if (P.emp[i] == Emp::none) {
    if (u < prm_.jobs_find_rate) {
      const double formal = prm_.jobs_formal_share_base + prm_.jobs_formal_edu_gain * static_cast<int>(P.edu[i]);
      P.emp[i] = d.uniform() < formal ? Emp::formal : Emp::informal;
      P.wage[i] = new_wage(w, h, P.edu[i], wage_growth_, d);
    }
  } else if (u < prm_.jobs_loss_rate) {
    P.emp[i] = Emp::none;
    P.wage[i] = 0.0f;
  } else {
    P.wage[i] *= growth_;
    if (P.emp[i] == Emp::informal && d.uniform() < prm_.jobs_formalize_rate) P.emp[i] = Emp::formal;
  }
  if (P.emp[i] == Emp::formal && P.si_years[i] < 255) ++P.si_years[i];
  if (P.emp[i] != Emp::none && !(P.flags[i] & pflag::skilled)) {
    rng::Draws t(training_key_, P.id[i]);
    if (t.uniform() < prm_.jobs_training_rate) P.flags[i] |= pflag::skilled;
  }
}

}  // namespace hukou
