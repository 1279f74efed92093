#include "jobs.hpp"

#include <cmath>

namespace hukou {

float new_wage(const World& w, std::uint32_t h, Edu e, double wage_growth, rng::Draws& d) {
  const Params& prm = w.sc.params;
  const double level = w.sc.zones[w.pop.h.zone[h]].f.wage * wage_growth;
  const double z = std::sqrt(-2.0 * std::log(1.0 - d.uniform())) * std::cos(6.283185307179586 * d.uniform());
  const double s = prm.jobs_wage_sigma;
  return static_cast<float>(level * std::exp(prm.jobs_edu_wage_premium * (static_cast<int>(e) - 1) + s * z - 0.5 * s * s));
}

Jobs::Jobs(World& w, const PeriodEnv&)
    : prm_(w.sc.params),
      training_(prm_.jobs_training_rate > 0.0),
      growth_(static_cast<float>(1.0 + prm_.jobs_wage_growth)),
      wage_growth_(std::pow(1.0 + prm_.jobs_wage_growth, w.t)),
      job_key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::job),
      training_key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::training),
      find_(rng::threshold(prm_.jobs_find_rate)),
      loss_(rng::threshold(prm_.jobs_loss_rate)),
      formalize_(rng::threshold(prm_.jobs_formalize_rate)),
      train_(rng::threshold(prm_.jobs_training_rate)) {
  for (std::size_t e = 0; e < formal_.size(); ++e)
    formal_[e] = rng::threshold(prm_.jobs_formal_share_base + prm_.jobs_formal_edu_gain * static_cast<int>(e));
}

}  // namespace hukou
