#include "engine.hpp"

#include <algorithm>
#include <chrono>

#include "base_year_rates.hpp"
#include "schedule.hpp"
#include "synth.hpp"
#include "urban_cohorts.hpp"
#include "urban_hukou_factor.hpp"

namespace hukou {

namespace {
World initial_world(const Scenario& sc, std::uint64_t seed) {
  World w;
  w.sc = sc;
  apply_base_year_factors(w.sc);  // before anything reads the zones' stocks
  w.rules = compile_rules(sc);
  w.seed = seed;
  w.zs.resize(sc.zones.size());
  for (std::size_t z = 0; z < sc.zones.size(); ++z) {
    w.zs[z].urban_stock = w.sc.zones[z].f.urban_hukou;
    w.zs[z].rental_units = w.sc.zones[z].f.public_rental_units / w.sc.scale;
  }
  w.flows = Counters(sc.zones.size(), sc.channels.size(), group_names().size());
  w.aggregate_settled.assign(sc.zones.size() * sc.channels.size(), 0.0);
  return w;
}

std::vector<int> years_of(const Scenario& sc) {
  std::vector<int> y;
  for (int t = 0; t <= sc.periods(); ++t) y.push_back(sc.base_year + t);
  return y;
}

std::vector<std::string> names_of_zones(const Scenario& sc) {
  std::vector<std::string> v;
  for (const auto& z : sc.zones) v.push_back(z.name);
  return v;
}

std::vector<std::string> names_of_channels(const Scenario& sc) {
  std::vector<std::string> v;
  for (const auto& c : sc.channels) v.push_back(c.name);
  return v;
}
}  // namespace

Model::Model(const Scenario& sc, std::uint64_t seed, bool order_households)
    : Model(sc, seed, order_households, run_period) {}

Model::Model(const Scenario& sc, std::uint64_t seed, bool order_households, RunPeriod period)
    : w_(initial_world(sc, seed)),
      factory_(w_.sc),
      res_(years_of(sc), names_of_zones(sc), names_of_channels(sc)),
      period_(period) {
  w_.pop = synthesize(w_.sc, seed, factory_, order_households);
  w_.order_households = order_households;
  init_urban_stocks(w_);
  fix_base_year_rates(w_);
  run_base_year(w_, factory_, res_);
  for (const ZoneState& z : w_.zs) w_.admitted_share0.push_back(z.admitted_share);
  last_ = snapshot(w_.flows);
}

void Model::step() {
  ++w_.t;
  w_.flows.clear();
  std::fill(w_.aggregate_settled.begin(), w_.aggregate_settled.end(), 0.0);
  period_(w_, factory_, res_, phase_seconds_);
  // The balance check, timed with accounting.
  const auto t0 = std::chrono::steady_clock::now();
  BalanceSnapshot now = snapshot(w_.flows);
  check_balance(last_, now, w_.flows, w_.year());
  last_ = std::move(now);
  phase_seconds_[static_cast<std::size_t>(Phase::accounting)] +=
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

RunResult simulate(const Scenario& sc, std::uint64_t seed, const Progress& progress) {
  Model m(sc, seed);
  while (!m.finished()) {
    m.step();
    if (progress) progress(m.world().year(), m.world().t, sc.periods());
  }
  return m.take_result();
}

}  // namespace hukou
