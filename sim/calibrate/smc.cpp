#include "smc.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "batches.hpp"
#include "error.hpp"
#include "proposal.hpp"
#include "weighted.hpp"

namespace hukou::calibrate {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

void validate_problem(const Problem& p, const Settings& s) {
  validate(p.parameters);
  validate(p.observations);
  validate(s);
  if (!p.model) throw CalibrationError("calibration needs a model");
}

// Most proposals a generation may examine: beyond N / min_rate its acceptance rate
// is certainly below min_rate.
std::uint64_t proposal_cap(const Settings& s) {
  if (s.min_acceptance_rate <= 0.0) return std::numeric_limits<std::uint64_t>::max();
  return static_cast<std::uint64_t>(std::floor(static_cast<double>(s.particles) / s.min_acceptance_rate));
}

void check_size(const Problem& p, const Eigen::VectorXd& x) {
  if (static_cast<std::size_t>(x.size()) != p.observations.size())
    throw CalibrationError("the model returned " + std::to_string(x.size()) + " values for " +
                           std::to_string(p.observations.size()) + " observations");
}

std::function<void(std::uint64_t, std::uint64_t)> batch_reporter(const Callbacks& cb, std::uint32_t t,
                                                                 const std::size_t& accepted, std::size_t n,
                                                                 std::uint64_t sims_before, double eps) {
  if (!cb.on_batch) return {};
  return [&cb, t, &accepted, n, sims_before, eps](std::uint64_t examined, std::uint64_t sims) {
    cb.on_batch(Progress{t, examined, accepted, n, sims_before + sims, eps});
  };
}

void finish(State& st, std::uint32_t t, const Settings& s, std::uint64_t examined, std::uint64_t invalid) {
  st.generation = t;
  st.acceptance_rate = static_cast<double>(s.particles) / static_cast<double>(examined);
  st.ess = effective_sample_size(st.weights);
  st.proposals = examined;
  st.invalid = invalid;
  st.invalid_total += invalid;
  st.next_generation = t + 1;
  st.next_proposal = 0;
  st.stop = Stop::running;
}

}  // namespace

const char* to_string(Stop s) {
  switch (s) {
    case Stop::running: return "running";
    case Stop::generations: return "generations";
    case Stop::epsilon: return "epsilon";
    case Stop::acceptance: return "acceptance";
  }
  return "?";
}

State prior_generation(const Parameters& ps, const Settings& s) {
  validate(ps);
  const auto n = static_cast<Eigen::Index>(s.particles), d = static_cast<Eigen::Index>(ps.size());
  State st;
  st.particles.resize(n, d);
  for (Eigen::Index k = 0; k < n; ++k)
    st.particles.row(k) = prior_proposal(ps, s, static_cast<std::uint64_t>(k)).transpose();
  st.weights = Eigen::VectorXd::Constant(n, 1.0 / static_cast<double>(n));
  st.distances = Eigen::VectorXd::Constant(n, std::numeric_limits<double>::quiet_NaN());
  st.scales = Eigen::VectorXd(0);
  st.epsilon = kInf;
  st.acceptance_rate = 1.0;
  st.ess = static_cast<double>(n);
  st.proposals = s.particles;
  st.stop = Stop::generations;
  return st;
}

State start(const Problem& p, const Settings& s, const Callbacks& cb) {
  validate_problem(p, s);
  const auto n = static_cast<Eigen::Index>(s.particles), d = static_cast<Eigen::Index>(p.parameters.size());
  const auto m = static_cast<Eigen::Index>(p.observations.size());
  State st;
  st.particles.resize(n, d);
  Eigen::MatrixXd sims(n, m);
  std::size_t accepted = 0;
  const auto res = sweep(
      p, s, 0, proposal_cap(s),
      [&](std::uint64_t k) { return prior_proposal(p.parameters, s, k); },
      [&](std::uint64_t, const Evaluated& e) {
        check_size(p, e.values);
        if (!e.valid) return false;
        st.particles.row(static_cast<Eigen::Index>(accepted)) = e.theta.transpose();
        sims.row(static_cast<Eigen::Index>(accepted)) = e.values.transpose();
        return ++accepted == s.particles;
      },
      batch_reporter(cb, 0, accepted, s.particles, 0, kInf));
  if (!res.complete)
    throw CalibrationError("generation 0: only " + std::to_string(accepted) + " of " + std::to_string(res.examined) +
                           " prior draws gave finite simulated values; " + std::to_string(s.particles) + " needed");
  st.scales = distance_scales(p.observations, sims);
  const Distance dist(p.observations, st.scales);
  st.distances.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) st.distances(i) = dist(sims.row(i).transpose());
  st.weights = Eigen::VectorXd::Constant(n, 1.0 / static_cast<double>(n));
  st.epsilon = kInf;
  st.simulations = res.simulations;
  finish(st, 0, s, res.examined, res.invalid);
  if (cb.on_generation) cb.on_generation(st);
  return st;
}

State advance(const Problem& p, const Settings& s, const State& prev, const Callbacks& cb) {
  validate_problem(p, s);
  const auto n = static_cast<Eigen::Index>(s.particles), d = static_cast<Eigen::Index>(p.parameters.size());
  if (prev.particles.rows() != n || prev.particles.cols() != d || prev.weights.size() != n ||
      prev.distances.size() != n || prev.scales.size() != static_cast<Eigen::Index>(p.observations.size()))
    throw CalibrationError("the stored calibration state does not match the parameters, observations or particles");
  const std::uint32_t t = prev.generation + 1;
  const double eps = weighted_quantile(prev.distances, prev.weights, s.quantile);
  const Proposer propose(p.parameters, s, prev);
  const Distance dist(p.observations, prev.scales);

  State st;
  st.particles.resize(n, d);
  st.distances.resize(n);
  std::size_t accepted = 0;
  const auto res = sweep(
      p, s, t, proposal_cap(s), [&](std::uint64_t k) { return propose(k); },
      [&](std::uint64_t, const Evaluated& e) {
        check_size(p, e.values);
        if (!e.valid) return false;
        const double dk = dist(e.values);
        if (!(dk <= eps)) return false;
        st.particles.row(static_cast<Eigen::Index>(accepted)) = e.theta.transpose();
        st.distances(static_cast<Eigen::Index>(accepted)) = dk;
        return ++accepted == s.particles;
      },
      batch_reporter(cb, t, accepted, s.particles, prev.simulations, eps));
  if (!res.complete) {
    State stopped = prev;
    stopped.simulations += res.simulations;
    stopped.stop = Stop::acceptance;
    return stopped;
  }
  st.weights = importance_weights(p.parameters, propose.kernel(), st.particles);
  st.epsilon = eps;
  st.scales = prev.scales;
  st.simulations = prev.simulations + res.simulations;
  st.invalid_total = prev.invalid_total;
  finish(st, t, s, res.examined, res.invalid);
  if (cb.on_generation) cb.on_generation(st);
  return st;
}

Stop stop_reason(const Settings& s, const State& st) {
  if (st.stop == Stop::acceptance) return Stop::acceptance;
  if (st.generation + 1 >= s.max_generations) return Stop::generations;
  if (st.epsilon <= s.min_epsilon) return Stop::epsilon;
  return Stop::running;
}

State run(const Problem& p, const Settings& s, const Callbacks& cb, const State* resume) {
  State st;
  if (resume) {
    if (resume->next_generation != resume->generation + 1 || resume->next_proposal != 0)
      throw CalibrationError("the stored calibration state is not at the end of a generation");
    st = *resume;
    st.stop = Stop::running;
  } else {
    st = start(p, s, cb);
  }
  while (stop_reason(s, st) == Stop::running) st = advance(p, s, st, cb);
  st.stop = stop_reason(s, st);
  return st;
}

}  // namespace hukou::calibrate
