#include <catch2/catch.hpp>

#include <cmath>

#include "core/engine.hpp"
#include "core/processes/decision.hpp"
#include "fixtures.hpp"

using namespace hukou;

namespace {
double total(const RunResult& r, Series s) {
  double v = 0;
  for (double x : r.values(s)) v += x;
  return v;
}

// The nested logit by its definition, for the hand computations below: the town
// nest's inclusive value I = log(e^(V_s/l) + e^(V_n/l)), P(town) = e^(l I) / (e^(l I)
// + e^V_r), P(settle | town) = e^(V_s/l) / (e^(V_s/l) + e^(V_n/l)).
Choice by_definition(double vs, double vn, double vr, double l) {
  const double es = std::exp(vs / l), en = std::exp(vn / l), inclusive = std::log(es + en);
  const double town = std::exp(l * inclusive) / (std::exp(l * inclusive) + std::exp(vr));
  return {town * es / (es + en), town * en / (es + en), 1.0 - town};
}
}  // namespace

TEST_CASE("core limits: with no channel open nobody settles", "[core][limits]") {
  SECTION("no channels at all") {
    Scenario sc = test::small_scenario();
    sc.channels.clear();
    const RunResult r = simulate(sc, 1);
    CHECK(total(r, Series::settlements) == 0.0);
    CHECK(total(r, Series::settlements_by_group) == 0.0);
  }
  SECTION("a channel whose dates never come") {
    Scenario sc = test::small_scenario();
    sc.channels[0].from = {2100, 1, 1};
    CHECK(total(simulate(sc, 1), Series::settlements) == 0.0);
  }
  SECTION("a channel open in no zone") {
    Scenario sc = test::small_scenario();
    sc.channels[0].zones.assign(sc.zones.size(), false);
    CHECK(total(simulate(sc, 1), Series::settlements) == 0.0);
  }
}

TEST_CASE("core limits: nested-logit probabilities match a hand computation", "[core][limits]") {
  // By hand: V_s = -1, V_n = 0, V_r = -2, lambda = 0.5. V_s / lambda = -2, so
  // lambda I = 0.5 log(1 + e^-2) = 0.5 log(1.135335) = 0.063464; P(return) = e^-2 /
  // (e^-2 + e^0.063464) = 0.135335 / 1.200889 = 0.112699; P(settle | town) = e^-2 /
  // (1 + e^-2) = 0.119203; P(settle) = 0.887301 * 0.119203 = 0.105769.
  const Choice c = choice_probabilities({-1.0, 0.0, -2.0}, true, 0.5);
  CHECK(c.ret == Approx(0.112699).epsilon(1e-5));
  CHECK(c.settle == Approx(0.105769).epsilon(1e-5));
  // Against the definition on a grid, lambda = 1 giving the multinomial logit.
  for (double l : {0.05, 0.3, 0.7, 1.0})
    for (double vs : {-4.0, -1.0, 0.5})
      for (double vr : {-3.0, 0.0, 1.0}) {
        const Choice a = choice_probabilities({vs, 0.2, vr}, true, l), b = by_definition(vs, 0.2, vr, l);
        CHECK(a.settle == Approx(b.settle).epsilon(1e-12));
        CHECK(a.ret == Approx(b.ret).epsilon(1e-12));
        CHECK(a.stay == Approx(b.stay).margin(1e-12));
      }
  const Choice mnl = choice_probabilities({-1.0, 0.0, -2.0}, true, 1.0);
  const double es = std::exp(-1.0), er = std::exp(-2.0);
  CHECK(mnl.settle == Approx(es / (1 + es + er)));
  CHECK(mnl.ret == Approx(er / (1 + es + er)));
}

TEST_CASE("core limits: closing the channels raises returns by the nest's inclusive value only", "[core][limits]") {
  // Closed, returns rise by the factor 1 / (P_r + (1 - P_r)(1 - s)^lambda), s the
  // within-town settle share (scenarios/data/README.md 5.3): nearly 1 for a small
  // lambda; for lambda = 1 (the multinomial logit) the artefact of the issue.
  for (double l : {0.07, 0.12, 0.5, 1.0}) {
    const Utilities u{-2.5, 0.0, -3.2};
    const Choice open = choice_probabilities(u, true, l), closed = choice_probabilities(u, false, l);
    const double s = open.settle / (open.settle + open.stay);
    const double factor = 1.0 / (open.ret + (1.0 - open.ret) * std::pow(1.0 - s, l));
    INFO("lambda " << l);
    CHECK(closed.ret / open.ret == Approx(factor).epsilon(1e-10));
    if (l <= 0.12) CHECK(closed.ret / open.ret < 1.01);
  }
}

TEST_CASE("core limits: a logit with every term zero has its closed-form shares", "[core][limits]") {
  // Only migrants from outside: a household that returns leaves the model, so
  // settled, staying and returned households can all be counted after one period.
  Scenario sc = test::small_scenario();
  for (auto& z : sc.zones) { z.f.rural_hukou_village = 0; z.f.rural_hukou_town = 0; z.f.migrants_outside *= 4; }
  test::zero_all_terms(sc.params);
  sc.params.decision_asc_settle = -1.0;
  sc.params.decision_asc_return = -2.0;
  sc.params.decision_nest_lambda = 0.5;
  sc.horizon = sc.base_year + 1;
  Model m(sc, 2024);
  m.step();
  const auto& H = m.world().pop.h;
  double settled = 0, stayed = 0, returned = 0;
  for (std::size_t h = 0; h < H.size(); ++h) {
    if (H.loc[h] == Location::gone) ++returned;
    else if (is_settled(m.world().pop, static_cast<std::uint32_t>(h))) ++settled;
    else ++stayed;
  }
  const double n = settled + stayed + returned;
  // V_settle = W + lambda D with D = asc_settle on the within-nest scale.
  const Choice p = by_definition(0.5 * -1.0, 0.0, -2.0, 0.5);
  INFO("households deciding: " << n);
  REQUIRE(n > 5000);
  CHECK(settled / n == Approx(p.settle).margin(4 * std::sqrt(p.settle * (1 - p.settle) / n)));
  CHECK(returned / n == Approx(p.ret).margin(4 * std::sqrt(p.ret * (1 - p.ret) / n)));
}

TEST_CASE("core limits: choice probabilities sum to one and never overflow", "[core][limits]") {
  for (double l : {0.01, 0.07, 1.0})
    for (double s : {-800.0, -3.0, 0.0, 5.0, 800.0})
      for (double r : {-800.0, -1.0, 0.0, 800.0}) {
        const Choice c = choice_probabilities({s, 0.0, r}, true, l);
        CHECK(c.settle + c.stay + c.ret == Approx(1.0));
        CHECK(std::isfinite(c.settle));
        CHECK(c.stay >= -1e-15);
        const Choice closed = choice_probabilities({s, 0.0, r}, false, l);
        CHECK(closed.settle == 0.0);
      }
}

TEST_CASE("core limits: settled households return with their hukou only through a return channel", "[core][limits]") {
  Scenario sc = test::small_scenario();
  sc.params.decision_asc_settle = 0.0;  // many settlers to return
  const auto returned = [](const Scenario& s) {
    const RunResult r = simulate(s, 4);  // keep the result alive while reading it
    double v = 0;
    for (double x : r.values(Series::returns_with_hukou)) v += x;
    return v;
  };
  CHECK(returned(sc) == 0.0);
  Channel back = test::open_channel("back", sc.zones.size());
  back.kind = ChannelKind::return_home;
  sc.channels.push_back(back);
  const double with_channel = returned(sc);
  CHECK(with_channel > 0.0);  // and the population balance, checked every period, held
  sc.params.decision_asc_return_settled = -20.0;
  CHECK(returned(sc) < 0.01 * with_channel);
}
