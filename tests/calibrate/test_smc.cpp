// The engine's mechanics: determinism across threads, resumption, stopping rules,
// weights, invalid simulations, seeds and progress.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <numbers>
#include <thread>
#include <vector>

#include <tbb/task_arena.h>

#include "calibrate/error.hpp"
#include "calibrate/batches.hpp"
#include "calibrate/smc.hpp"
#include "calibrate/weighted.hpp"
#include "toy_models.hpp"

using namespace hukou::calibrate;

namespace {

// Two parameters, five binomial shares: quick, stochastic, and informative.
Problem logistic_problem() {
  Problem p;
  p.parameters = {{"level", "logit", Prior::normal(0.0, 1.5)}, {"trend", "logit", Prior::uniform(-2.0, 2.0)}};
  const Eigen::VectorXd truth = Eigen::Vector2d(0.3, 0.8);
  const Eigen::VectorXd y = toy::logistic_shares(truth, 99, 5, 200);
  for (int t = 0; t < 5; ++t) p.observations.push_back({"year " + std::to_string(t), y(t)});
  p.model = [](const Eigen::VectorXd& theta, std::uint64_t seed) { return toy::logistic_shares(theta, seed, 5, 200); };
  return p;
}

Settings small() {
  Settings s;
  s.particles = 100;
  s.max_generations = 5;
  s.batch = 16;
  s.seed = 11;
  return s;
}

bool same(const State& a, const State& b) {
  return a.generation == b.generation && a.particles == b.particles && a.weights == b.weights &&
         a.distances == b.distances && a.epsilon == b.epsilon && a.scales == b.scales &&
         a.simulations == b.simulations && a.proposals == b.proposals && a.stop == b.stop;
}

State in_arena(int threads, const Problem& p, const Settings& s, const Callbacks& cb = {}) {
  tbb::task_arena arena(threads);
  State st;
  arena.execute([&] { st = run(p, s, cb); });
  return st;
}

}  // namespace

TEST_CASE("calibrate ABC-SMC is bitwise the same on 1 and 2 threads", "[calibrate][smc]") {
  // A toy model can finish a batch before a worker thread wakes, which would make
  // the comparison vacuous. So in the 2-thread run the calling thread waits (up to
  // 5 s) until another thread has run the model in the current generation, and
  // the test checks that this happened in every generation.
  Problem p = logistic_problem();
  std::atomic<int> off_main{0}, at_generation_start{0};
  std::atomic<bool> wait_for_worker{false};
  p.model = [&](const Eigen::VectorXd& theta, std::uint64_t seed) {
    if (tbb::this_task_arena::current_thread_index() > 0)
      ++off_main;
    else if (wait_for_worker)
      for (int i = 0; i < 5000 && off_main == at_generation_start; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return toy::logistic_shares(theta, seed, 5, 200);
  };
  std::vector<int> worker_runs;
  const Callbacks count{{}, [&](const State&) {
                          worker_runs.push_back(off_main - at_generation_start);
                          at_generation_start = off_main.load();
                        }};
  Settings s = small();
  s.max_generations = 3;
  const State one = in_arena(1, p, s, count);
  REQUIRE(off_main == 0);
  wait_for_worker = true;
  worker_runs.clear();
  const State two = in_arena(2, p, s, count);
  REQUIRE(worker_runs.size() == 3);
  for (std::size_t t = 0; t < 3; ++t) {
    INFO("generation " << t << ": " << worker_runs[t] << " runs on the second thread");
    REQUIRE(worker_runs[t] > 0);
  }
  CHECK(same(one, two));
  CHECK(one.generation == 2);
  s.seed = 12;
  CHECK_FALSE(same(one, in_arena(2, p, s)));  // the seed matters: the comparison can fail
}

TEST_CASE("calibrate ABC-SMC resumed from a stored generation equals the uninterrupted run", "[calibrate][smc]") {
  const Problem p = logistic_problem();
  std::vector<State> full;
  const State uninterrupted = run(p, small(), {{}, [&](const State& st) { full.push_back(st); }});
  REQUIRE(full.size() == 5);

  Settings first = small();
  first.max_generations = 2;  // "killed" after generation 1
  const State stored = run(p, first);
  CHECK(stored.stop == Stop::generations);
  CHECK(stored.particles == full[1].particles);
  CHECK(stored.next_generation == 2);
  CHECK(stored.next_proposal == 0);

  std::vector<State> rest;
  const State resumed = run(p, small(), {{}, [&](const State& st) { rest.push_back(st); }}, &stored);
  CHECK(same(resumed, uninterrupted));
  REQUIRE(rest.size() == 3);
  for (std::size_t i = 0; i < rest.size(); ++i) CHECK(same(rest[i], full[i + 2]));

  State bad = stored;
  bad.next_proposal = 5;
  CHECK_THROWS_AS(run(p, small(), {}, &bad), CalibrationError);
}

TEST_CASE("calibrate ABC-SMC weights sum to 1 and follow the importance formula", "[calibrate][smc]") {
  const Problem p = logistic_problem();
  const Settings s = small();
  std::vector<State> gens;
  run(p, s, {{}, [&](const State& st) { gens.push_back(st); }});
  REQUIRE(gens.size() == 5);
  CHECK(gens[0].ess == Approx(100.0));
  for (std::size_t t = 1; t < gens.size(); ++t) {
    const State &prev = gens[t - 1], &cur = gens[t];
    INFO("generation " << t << ": epsilon " << cur.epsilon << ", ESS " << cur.ess << ", acceptance "
                       << cur.acceptance_rate);
    CHECK(cur.weights.sum() == Approx(1.0).epsilon(1e-12));
    CHECK(cur.weights.minCoeff() > 0.0);
    CHECK(cur.ess == Approx(1.0 / cur.weights.squaredNorm()));
    CHECK(cur.ess >= 1.0);
    CHECK(cur.ess < 100.0);  // the weights are not all equal
    CHECK(cur.epsilon == Approx(weighted_quantile(prev.distances, prev.weights, 0.5)));
    CHECK(cur.epsilon < prev.epsilon);
    CHECK(cur.distances.maxCoeff() <= cur.epsilon);
    CHECK(cur.acceptance_rate == Approx(100.0 / double(cur.proposals)));
    // w_i ∝ prior(theta_i) / sum_j w_j N(theta_i; theta_j, 2 Sigma), recomputed here
    // with an explicit inverse and determinant.
    const Eigen::MatrixXd cov = 2.0 * weighted_covariance(prev.particles, prev.weights) +
                                Eigen::MatrixXd(((1e-4 * prior_sd(p.parameters)).array().square()).matrix().asDiagonal());
    const Eigen::MatrixXd inv = cov.inverse();
    const double norm = 1.0 / (2.0 * std::numbers::pi * std::sqrt(cov.determinant()));
    Eigen::VectorXd w(100);
    for (Eigen::Index i = 0; i < 100; ++i) {
      const Eigen::VectorXd x = cur.particles.row(i).transpose();
      double mix = 0.0;
      for (Eigen::Index j = 0; j < 100; ++j) {
        const Eigen::VectorXd dlt = x - prev.particles.row(j).transpose();
        mix += prev.weights(j) * norm * std::exp(-0.5 * dlt.dot(inv * dlt));
      }
      w(i) = std::exp(log_prior(p.parameters, x)) / mix;
    }
    w /= w.sum();
    CHECK((w - cur.weights).cwiseAbs().maxCoeff() < 1e-9 * cur.weights.maxCoeff());
  }
}

TEST_CASE("calibrate ABC-SMC stops at the first rule that holds", "[calibrate][smc]") {
  const Problem p = logistic_problem();
  SECTION("generation count") {
    Settings s = small();
    s.max_generations = 3;
    const State st = run(p, s);
    CHECK(st.generation == 2);
    CHECK(st.stop == Stop::generations);
  }
  SECTION("minimum epsilon") {
    Settings s = small();
    s.max_generations = 50;
    std::vector<State> gens;
    s.min_epsilon = 1.5;
    const State st = run(p, s, {{}, [&](const State& g) { gens.push_back(g); }});
    CHECK(st.stop == Stop::epsilon);
    CHECK(st.epsilon <= 1.5);
    REQUIRE(gens.size() >= 2);
    CHECK(gens[gens.size() - 2].epsilon > 1.5);  // not a generation later than needed
  }
  SECTION("minimum acceptance rate") {
    Settings s = small();
    s.max_generations = 50;
    s.min_acceptance_rate = 0.2;
    std::vector<State> gens;
    const State st = run(p, s, {{}, [&](const State& g) { gens.push_back(g); }});
    CHECK(st.stop == Stop::acceptance);
    CHECK(st.generation == gens.back().generation);  // the last complete generation
    CHECK(st.generation + 1 < 50);
    for (const auto& g : gens) CHECK(g.acceptance_rate >= 0.2);
    // The abandoned generation examined N / 0.2 = 500 proposals and no more.
    CHECK(st.simulations == gens.back().simulations + 500);
  }
}

TEST_CASE("calibrate ABC-SMC rejects and counts simulations that are not finite", "[calibrate][smc]") {
  Problem p;
  p.parameters = {{"x", "", Prior::uniform(0.0, 2.0)}};
  p.observations = {{"y", 0.5, 0.1}};
  // The model fails (NaN) for x > 1; a value of 0 for those would look like a match.
  p.model = [](const Eigen::VectorXd& theta, std::uint64_t) {
    return Eigen::VectorXd::Constant(1, theta(0) > 1.0 ? std::nan("") : theta(0));
  };
  Settings s = small();
  s.max_generations = 3;
  std::vector<State> gens;
  const State st = run(p, s, {{}, [&](const State& g) { gens.push_back(g); }});
  CHECK(st.particles.maxCoeff() <= 1.0);
  CHECK(st.distances.allFinite());
  CHECK(gens[0].invalid > 20);  // about half of the prior
  CHECK(gens[0].proposals == 100 + gens[0].invalid);
  std::uint64_t total = 0;
  for (const auto& g : gens) total += g.invalid;
  CHECK(st.invalid_total == total);

  p.model = [](const Eigen::VectorXd&, std::uint64_t) { return Eigen::VectorXd::Constant(1, std::nan("")); };
  CHECK_THROWS_WITH(run(p, s), Catch::Matchers::Contains("gave finite simulated values"));
  p.model = [](const Eigen::VectorXd&, std::uint64_t) { return Eigen::VectorXd::Zero(2); };
  CHECK_THROWS_WITH(run(p, s), Catch::Matchers::Contains("returned 2 values for 1 observations"));
}

TEST_CASE("calibrate replicate seeds are common or per particle, and replicates are averaged", "[calibrate][smc]") {
  Settings s = small();
  s.seeds = Seeds::common;
  CHECK(replicate_seed(s, 3, 0, 0) == replicate_seed(s, 3, 7, 0));
  CHECK(replicate_seed(s, 3, 0, 0) != replicate_seed(s, 3, 0, 1));
  CHECK(replicate_seed(s, 3, 0, 0) != replicate_seed(s, 4, 0, 0));
  s.seeds = Seeds::per_particle;
  CHECK(replicate_seed(s, 3, 0, 0) != replicate_seed(s, 3, 7, 0));

  Problem p;
  p.model = [](const Eigen::VectorXd&, std::uint64_t seed) { return Eigen::VectorXd::Constant(1, double(seed % 1000)); };
  s.replicates = 4;
  double mean = 0;
  for (std::size_t r = 0; r < 4; ++r) mean += double(replicate_seed(s, 2, 5, r) % 1000) / 4;
  CHECK(simulate(p, s, Eigen::VectorXd::Zero(1), 2, 5)(0) == Approx(mean));
}

TEST_CASE("calibrate ABC-SMC with common seeds gives each generation's particles the same noise",
          "[calibrate][smc]") {
  Problem p = logistic_problem();
  Settings s = small();
  s.seeds = Seeds::common;
  s.max_generations = 2;
  const State st = run(p, s);
  CHECK(st.stop == Stop::generations);
  // Same parameters, same generation: the same simulation whatever the proposal.
  const Eigen::VectorXd th = st.particles.row(0).transpose();
  CHECK(simulate(p, s, th, 1, 3) == simulate(p, s, th, 1, 40));
}

TEST_CASE("calibrate ABC-SMC reports progress after every batch", "[calibrate][smc]") {
  const Problem p = logistic_problem();
  Settings s = small();
  s.max_generations = 2;
  std::vector<Progress> seen;
  const State st = run(p, s, {[&](const Progress& g) { seen.push_back(g); }, {}});
  REQUIRE(seen.size() >= 2 * (100 / 16));
  CHECK(seen.front().generation == 0);
  CHECK(seen.back().generation == 1);
  CHECK(seen.back().accepted == 100);
  CHECK(seen.back().particles == 100);
  CHECK(seen.back().simulations == st.simulations);
  CHECK(seen.back().epsilon == st.epsilon);
  for (std::size_t i = 1; i < seen.size(); ++i) CHECK(seen[i].simulations > seen[i - 1].simulations);
}

TEST_CASE("calibrate settings and observations are checked before running", "[calibrate][smc]") {
  using Catch::Matchers::Contains;
  Problem p = logistic_problem();
  Settings s = small();
  s.quantile = 1.0;
  CHECK_THROWS_WITH(run(p, s), Contains("quantile"));
  s = small();
  s.particles = 1;
  CHECK_THROWS_WITH(run(p, s), Contains("particles"));
  s = small();
  p.observations[2].sigma = 0.0;
  CHECK_THROWS_WITH(run(p, s), Contains("observation year 2: its uncertainty (sigma) must be positive"));
  p = logistic_problem();
  p.observations[1].value = std::nan("");
  CHECK_THROWS_WITH(run(p, s), Contains("observation year 1: the value is not a number"));
}

TEST_CASE("calibrate distance scales are the sigmas given, else the prior-predictive spread", "[calibrate][smc]") {
  Problem p = logistic_problem();
  p.observations[3].sigma = 0.02;  // one observation with its own uncertainty
  Settings s = small();
  s.max_generations = 1;
  const State st = run(p, s);
  REQUIRE(st.invalid == 0);  // so particle i is proposal i
  Eigen::MatrixXd sims(100, 5);
  for (Eigen::Index i = 0; i < 100; ++i)
    sims.row(i) = simulate(p, s, st.particles.row(i).transpose(), 0, std::uint64_t(i)).transpose();
  for (Eigen::Index j = 0; j < 5; ++j) {
    INFO("observation " << j << ": scale " << st.scales(j));
    if (j == 3)
      CHECK(st.scales(j) == 0.02);
    else
      CHECK(st.scales(j) == predictive_spread(sims.col(j)));
  }
  const Distance d(p.observations, st.scales);
  for (Eigen::Index i = 0; i < 100; ++i) CHECK(st.distances(i) == d(sims.row(i).transpose()));
}

TEST_CASE("calibrate smc: with no observation the posterior is the prior, drawn as generation 0 would be",
          "[calibrate][smc]") {
  const Problem p = logistic_problem();
  Settings s = small();
  s.particles = 2000;
  const State prior = prior_generation(p.parameters, s);
  REQUIRE(prior.particles.rows() == 2000);
  CHECK(prior.generation == 0);
  CHECK(prior.simulations == 0);
  CHECK(std::isinf(prior.epsilon));
  CHECK(prior.ess == Approx(2000));
  CHECK(prior.weights.sum() == Approx(1.0));
  CHECK(prior.weights.minCoeff() == prior.weights.maxCoeff());
  CHECK(prior.distances.array().isNaN().all());
  // The prior's moments: level normal(0, 1.5), trend uniform(-2, 2) (sd 4 / sqrt 12); 2000 draws
  // put each mean within 3 standard errors and each sd within 5%.
  const Eigen::VectorXd mean = prior.particles.colwise().mean();
  const Eigen::VectorXd sd =
      ((prior.particles.rowwise() - mean.transpose()).array().square().colwise().sum() / 1999.0).sqrt();
  CHECK(std::abs(mean(0)) < 3 * 1.5 / std::sqrt(2000.0));
  CHECK(std::abs(mean(1)) < 3 * (4 / std::sqrt(12.0)) / std::sqrt(2000.0));
  CHECK(sd(0) == Approx(1.5).epsilon(0.05));
  CHECK(sd(1) == Approx(4 / std::sqrt(12.0)).epsilon(0.05));
  CHECK(prior.particles.col(1).minCoeff() >= -2.0);
  CHECK(prior.particles.col(1).maxCoeff() <= 2.0);
  // Every simulation of this model is finite, so start() accepts its first N proposals in
  // order: exactly these draws.
  s.particles = 50;
  const State g0 = start(p, s);
  CHECK(g0.particles == prior_generation(p.parameters, s).particles);
}
