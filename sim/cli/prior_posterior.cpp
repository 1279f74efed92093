#include "prior_posterior.hpp"

#include <limits>

#include "calibrate/keys.hpp"
#include "calibrate/parameters.hpp"

namespace hukou::cli {

calibrate::State prior_generation(const calibrate::Problem& p, const calibrate::Settings& s) {
  calibrate::validate(p.parameters);
  const auto n = static_cast<Eigen::Index>(s.particles), d = static_cast<Eigen::Index>(p.parameters.size());
  calibrate::State st;
  st.particles.resize(n, d);
  for (Eigen::Index k = 0; k < n; ++k)
    st.particles.row(k) =
        calibrate::sample_prior(p.parameters, rng::key(s.seed, 0, static_cast<std::uint64_t>(k),
                                                       calibrate::stream::proposal))
            .transpose();
  st.weights = Eigen::VectorXd::Constant(n, 1.0 / static_cast<double>(n));
  st.distances = Eigen::VectorXd::Constant(n, std::numeric_limits<double>::quiet_NaN());
  st.epsilon = std::numeric_limits<double>::infinity();
  st.acceptance_rate = 1.0;
  st.ess = static_cast<double>(n);
  st.proposals = s.particles;
  st.scales = Eigen::VectorXd(0);
  st.stop = calibrate::Stop::generations;
  return st;
}

}  // namespace hukou::cli
