// Both uncertainties downstream of a posterior run (draws x replicates): the
// variance shares by the law of total variance, the probability of meeting a
// target in its limit cases, the paired effects, and the refusals to pair.
#include <catch2/catch.hpp>
#include <cmath>

#include "evaluate/compare.hpp"
#include "evaluate/evaluate.hpp"
#include "calibrate/ensemble.hpp"
#include "run_file_fixture.hpp"

using namespace hukou;
using test::cell;

namespace {
// D draws x R replicates: registered rate of draw d, replicate r in every year
// = 0.5 + a[d] + b[r] (a: the parameters' effect, b: the noise of stream r).
output::RunFile posterior_run(const std::vector<double>& a, const std::vector<double>& b) {
  output::RunFile f = test::run_file(a.size() * b.size(), 0.0, 0.0, 0.0);
  f.meta.draws = a.size();
  f.meta.replicate_seeds.resize(b.size());
  f.meta.posterior_parameters = {"decision.asc_settle"};
  for (std::size_t d = 0; d < a.size(); ++d) {
    f.meta.posterior_values.push_back(a[d]);
    f.meta.posterior_particles.push_back(static_cast<int>(d));
    for (std::size_t r = 0; r < b.size(); ++r)
      for (std::size_t p = 0; p < 4; ++p)
        f.replicates[d * b.size() + r].at(Series::registered_urbanization_rate, p) = 0.5 + a[d] + b[r];
  }
  f.meta.extra = {{"posterior_sha256", "x"}};
  return f;
}

double var(const std::vector<double>& x) {  // sample variance, n - 1
  double m = 0, s = 0;
  for (double v : x) m += v / double(x.size());
  for (double v : x) s += (v - m) * (v - m);
  return s / double(x.size() - 1);
}
}  // namespace

TEST_CASE("variance split on shared streams: additive draws and streams split exactly", "[evaluate][posterior]") {
  // y = a[d] + b[r]: no interaction, so the parameters' variance is var(a) and the
  // noise's var(b), with no small-R correction left over; the one-way estimate for
  // independent streams would take var(b) / R too much from the parameters.
  const std::vector<double> a{0.0, 0.3, -0.2, 0.5}, b{0.01, -0.02, 0.04};
  Eigen::MatrixXd y(4, 3);
  for (std::size_t d = 0; d < 4; ++d)
    for (std::size_t r = 0; r < 3; ++r) y(Eigen::Index(d), Eigen::Index(r)) = a[d] + b[r];
  const auto s = calibrate::split_variance(y, calibrate::Streams::shared);
  CHECK(s.parameter == Approx(var(a)));
  CHECK(s.noise == Approx(var(b)));
  CHECK(s.parameter_share() + s.noise_share() == Approx(1.0));
  CHECK(calibrate::split_variance(y).parameter == Approx(var(a) - var(b) / 3));
}

TEST_CASE("variance split on shared streams: equal draws have no parameter share", "[evaluate][posterior]") {
  Eigen::MatrixXd same(2, 3), apart(2, 3);
  for (int d = 0; d < 2; ++d)
    for (int r = 0; r < 3; ++r) same(d, r) = 0.25 * r, apart(d, r) = 0.25 * d;  // exact in binary
  const auto s = calibrate::split_variance(same, calibrate::Streams::shared);
  CHECK(s.parameter == 0.0);
  CHECK(s.noise_share() == 1.0);
  const auto t = calibrate::split_variance(apart, calibrate::Streams::shared);
  CHECK(t.parameter_share() == 1.0);
  CHECK(t.noise == 0.0);
}

TEST_CASE("variance split on shared streams: the interaction is taken out of the draws' means", "[evaluate][posterior]") {
  // y = e[d, r] with var e > 0 but equal draw means: no parameter variance.
  Eigen::MatrixXd y(4, 2);
  y << 0.02, -0.02, -0.02, 0.02, 0.01, -0.01, -0.01, 0.01;
  const auto s = calibrate::split_variance(y, calibrate::Streams::shared);
  CHECK(s.parameter == 0.0);
  CHECK(s.noise_share() == 1.0);
}

TEST_CASE("evaluate: probability met over draws x replicates, and its limit cases", "[evaluate][posterior]") {
  output::RunFile f = posterior_run({0.0, 0.02, 0.04}, {0.0, 0.001});
  f.meta.targets = {{"registered_urbanization_rate", "", "far below", 2020, 0.1},
                    {"registered_urbanization_rate", "", "far above", 2020, 0.9},
                    {"registered_urbanization_rate", "", "between", 2020, 0.515}};
  const output::Table t = evaluate::evaluate_targets(f, {});
  REQUIRE(t.rows.size() == 3);
  CHECK(cell(t, 0, "share_met") == 1.0);
  CHECK(cell(t, 1, "share_met") == 0.0);
  CHECK(cell(t, 2, "share_met") == Approx(4.0 / 6.0));  // draws 1 and 2, both replicates
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(cell(t, i, "parameter_share") + cell(t, i, "noise_share") == Approx(1.0));
    CHECK(cell(t, i, "parameter_share") > 0.99);  // a spread of 0.04 against one of 0.001
  }
  output::RunFile same = posterior_run({0.01, 0.01, 0.01}, {0.0, 0.001});
  same.meta.targets = f.meta.targets;
  const output::Table u = evaluate::evaluate_targets(same, {});
  CHECK(cell(u, 0, "parameter_share") == 0.0);
  CHECK(cell(u, 0, "noise_share") == 1.0);
}

TEST_CASE("compare: a posterior run against itself has zero effect in every run", "[evaluate][posterior]") {
  const output::RunFile f = posterior_run({0.0, 0.02}, {0.0, 0.001, 0.003});
  const output::Table t = evaluate::compare(f, f, {{"registered_urbanization_rate", ""}});
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    CHECK(cell(t, i, "effect_median") == 0.0);
    CHECK(cell(t, i, "effect_lo") == 0.0);
    CHECK(cell(t, i, "effect_hi") == 0.0);
  }
}

TEST_CASE("compare: paired effect quantiles are over draws x replicates", "[evaluate][posterior]") {
  const output::RunFile b = posterior_run({0.0, 0.0}, {0.0, 0.0, 0.0});
  output::RunFile w = b;
  for (std::size_t k = 0; k < 6; ++k)  // effects 0, 1, ..., 5 (per mille)
    for (std::size_t p = 0; p < 4; ++p) w.replicates[k].at(Series::registered_urbanization_rate, p) += 0.001 * double(k);
  const output::Table t = evaluate::compare(b, w, {{"registered_urbanization_rate", ""}});
  CHECK(cell(t, 0, "effect_median") == Approx(0.0025));
  CHECK(cell(t, 0, "effect_lo") == Approx(0.00025));  // type 7 quantile at 5% of 0..5 per mille
  CHECK(cell(t, 0, "effect_hi") == Approx(0.00475));
}

TEST_CASE("compare: posterior runs pair only with the same draws and posterior", "[evaluate][posterior]") {
  const output::RunFile a = posterior_run({0.0, 0.02}, {0.0, 0.001});
  output::RunFile other_draws = posterior_run({0.0, 0.02, 0.03}, {0.0});
  other_draws.meta.replicate_seeds = a.meta.replicate_seeds;
  CHECK_THROWS_WITH(evaluate::check_pairable(a, other_draws), Catch::Contains("posterior draws differ"));
  output::RunFile none = test::run_file(4, 0.5, 0.0, 0.0);
  none.meta.replicate_seeds.resize(2);
  CHECK_THROWS_WITH(evaluate::check_pairable(a, none), Catch::Contains("without"));
  output::RunFile foreign = a;
  foreign.meta.extra = {{"posterior_sha256", "y"}};
  CHECK_THROWS_WITH(evaluate::check_pairable(a, foreign), Catch::Contains("different posteriors"));
  output::RunFile reseeded = a;
  reseeded.meta.seed = 99;
  CHECK_THROWS_WITH(evaluate::check_pairable(a, reseeded), Catch::Contains("seeds differ"));
  CHECK_NOTHROW(evaluate::check_pairable(a, a));
}
