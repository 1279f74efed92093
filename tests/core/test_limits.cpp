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

TEST_CASE("core limits: a logit with every term zero has its closed-form shares", "[core][limits]") {
  // Only migrants from outside: a household that returns leaves the model, so
  // settled, staying and returned households can all be counted after one period.
  Scenario sc = test::small_scenario();
  for (auto& z : sc.zones) { z.f.rural_hukou_village = 0; z.f.rural_hukou_town = 0; z.f.migrants_outside *= 4; }
  test::zero_all_terms(sc.params);
  sc.params.decision_asc_settle = -1.0;
  sc.params.decision_asc_return = -2.0;
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
  const double es = std::exp(-1.0), er = std::exp(-2.0);
  const double ps = es / (1 + es + er), pr = er / (1 + es + er);
  INFO("households deciding: " << n);
  REQUIRE(n > 5000);
  CHECK(settled / n == Approx(ps).margin(4 * std::sqrt(ps * (1 - ps) / n)));
  CHECK(returned / n == Approx(pr).margin(4 * std::sqrt(pr * (1 - pr) / n)));
}

TEST_CASE("core limits: choice probabilities sum to one and never overflow", "[core][limits]") {
  for (double s : {-800.0, -3.0, 0.0, 5.0, 800.0})
    for (double r : {-800.0, -1.0, 0.0, 800.0}) {
      const Choice c = choice_probabilities({s, 0.0, r}, true);
      CHECK(c.settle + c.stay + c.ret == Approx(1.0));
      CHECK(std::isfinite(c.settle));
      const Choice closed = choice_probabilities({s, 0.0, r}, false);
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
