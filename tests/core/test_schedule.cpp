// The schedule (core/schedule.hpp) fuses processes into shared sweeps. Here the
// model's schedule runs against the definition, OneSweepEach (the processes one
// sweep each, in the model's order), and the whole World must match after every
// period; after a wrong fusion it must not.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "core/engine.hpp"
#include "core/schedule.hpp"
#include "fixtures.hpp"

using namespace hukou;

namespace {
// Wrong fusions. The decision in housing's sweep: it would read last period's
// school access and peer shares, and channels of households not yet housed.
using DecisionInHousingSweep = Schedule<
    Sweep<Phase::demography, Demography>, Sweep<Phase::town, Moves, Jobs, Permits>,
    Sweep<Phase::housing, Housing, Eligibility, Decision>, Sweep<Phase::events, Events>,
    Sweep<Phase::accounting, Accounting>>;
// Eligibility before housing in their sweep: channels from the tenure before housing.
using EligibilityBeforeHousing = Schedule<
    Sweep<Phase::demography, Demography>, Sweep<Phase::town, Moves, Jobs, Permits>,
    Sweep<Phase::housing, Eligibility, Housing>, Sweep<Phase::decision, Decision>, Sweep<Phase::events, Events>,
    Sweep<Phase::accounting, Accounting>>;

Instr test(Attr a, Cmp c = Cmp::truthy, float v = 0.0f) { return {Instr::Op::test, a, c, v}; }
Instr op(Instr::Op o) { return {o, Attr::age, Cmp::truthy, 0.0f}; }

// Public rental for formal workers (with a permit if `permit`, or with a test on
// permits that holds for everyone if `trivial_permit`) and settled households,
// with a scarce supply, so that the queue and its order matter; settling through
// public rental, so that eligibility depends on the allocation after housing's sweep.
Scenario rental_scenario(bool permit, bool trivial_permit = false) {
  Scenario sc = test::small_scenario();
  for (auto& z : sc.zones) z.f.public_rental_units = 40;
  std::vector<Instr> code{test(Attr::formal_job)};
  if (permit || trivial_permit) {
    code.push_back(permit ? test(Attr::permit) : test(Attr::permit_years, Cmp::ge, 0.0f));
    code.push_back(op(Instr::Op::op_and));
  }
  code.push_back(test(Attr::settled));
  code.push_back(op(Instr::Op::op_or));
  sc.public_rental_condition = Condition{code, "formal_job (and a permit test) or settled"};
  Channel tenants = test::open_channel("public rental tenants", sc.zones.size());
  tenants.condition = Condition{{test(Attr::public_rental)}, "public_rental"};
  sc.channels = {tenants};
  sc.params.decision_asc_settle = 2.0;  // most who may settle do: eligibility shows in the outputs
  return sc;
}

// Every process with something to do: training, a purchase subsidy for hukou
// holders, paid exits of rural rights, a channel on home ownership open from
// mid-2019, a channel on permits, a return channel and the three kinds of event.
Scenario busy_scenario() {
  Scenario sc = test::small_scenario();
  sc.params.jobs_training_rate = 0.2;
  sc.params.policy_purchase_subsidy_requires_hukou = true;
  sc.params.policy_rights_exit_compensation = 20000.0;
  sc.params.policy_rights_exit_rate = 0.2;
  sc.params.decision_asc_settle = 0.5;
  for (auto& z : sc.zones) {
    z.f.purchase_subsidy = 30000.0;
    z.f.public_rental_units = 60;
  }
  sc.public_rental_condition = Condition{{test(Attr::settled)}, "settled"};
  Channel owners = test::open_channel("owners", sc.zones.size());
  owners.condition = Condition{{test(Attr::owns_home), test(Attr::stable_residence), op(Instr::Op::op_or)},
                               "owns_home or stable_residence"};
  owners.from = Date{2019, 7, 1};
  Channel permits = test::open_channel("permit holders", sc.zones.size());
  permits.condition = Condition{{test(Attr::permit_years, Cmp::ge, 2.0f)}, "permit_years >= 2"};
  Channel back = test::open_channel("back", sc.zones.size());
  back.kind = ChannelKind::return_home;
  sc.channels = {owners, permits, back};
  sc.events = {Event{EventKind::reclassify, 1, 2019, 0.3, 0.0, 0, "test"},
               Event{EventKind::workplace_registration, 0, 2019, 0.0, 500.0, 1, "test"},
               Event{EventKind::relocation, 2, 2020, 0.5, 0.0, 0, "test"}};
  return sc;
}

template <class T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}
bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// What differs between two worlds, "" if nothing does. Every array of the agents,
// the zones' state, the flows, the channels and rental queue of each household.
// (World::rental's gained_by_settling bit is a cache, set only where
// rental_gain_set; World::housed is scratch whose order depends on the threads.)
std::string difference(const World& a, const World& b) {
  std::string d;
  const auto note = [&](bool same, const std::string& what) {
    if (!same) d += what + " ";
  };
  int k = 0;
  person_arrays([&](auto m) { note(same_bits(a.pop.p.*m, b.pop.p.*m), "person array " + std::to_string(k++)); });
  k = 0;
  household_arrays([&](auto m) { note(same_bits(a.pop.h.*m, b.pop.h.*m), "household array " + std::to_string(k++)); });
  note(a.zs.size() == b.zs.size(), "zones");
  for (std::size_t z = 0; z < std::min(a.zs.size(), b.zs.size()); ++z) {
    const ZoneState &x = a.zs[z], &y = b.zs[z];
    note(same_bits(x.urban_stock, y.urban_stock) && same_bits(x.school_places, y.school_places) &&
             same_bits(x.rental_units, y.rental_units) && same_bits(x.school_access, y.school_access) &&
             same_bits(x.rental_chance, y.rental_chance) && x.rental_occupied == y.rental_occupied &&
             x.rental_queue == y.rental_queue && x.school_demand == y.school_demand &&
             x.school_hukou == y.school_hukou,
         "zone state " + std::to_string(z));
  }
  note(same_bits(a.peer_share, b.peer_share), "peer shares");
  note(a.flows.flow == b.flows.flow && a.flows.channel == b.flows.channel && a.flows.group == b.flows.group, "flows");
  note(same_bits(a.aggregate_settled, b.aggregate_settled), "aggregate settlers");
  note(a.eligible == b.eligible, "eligible channels");
  std::vector<std::uint8_t> ra(a.rental), rb(b.rental);
  for (auto& r : ra) r &= rental::applies;
  for (auto& r : rb) r &= rental::applies;
  note(ra == rb, "rental queue");
  return d;
}

std::string difference(const RunResult& x, const RunResult& y) {
  std::string d;
  for (std::size_t s = 0; s < kSeriesCount; ++s)
    if (!same_bits(x.data[s], y.data[s])) d += std::string(output_series()[s].name) + " ";
  return d;
}

// Runs sc by the model's schedule and by `other`, comparing after every period;
// the periods (1, 2, ...) after which the worlds differed, and what differed.
struct Comparison {
  std::vector<int> differing_periods;
  std::string first_difference, outputs_difference;
};
Comparison compare_with(const Scenario& sc, RunPeriod other, std::uint64_t seed) {
  Model model(sc, seed), reference(sc, seed, true, other);
  Comparison c;
  while (!model.finished()) {
    model.step();
    reference.step();
    const std::string d = difference(model.world(), reference.world());
    if (d.empty()) continue;
    c.differing_periods.push_back(model.world().t);
    if (c.first_difference.empty()) c.first_difference = d;
  }
  c.outputs_difference = difference(model.result(), reference.result());
  return c;
}
}  // namespace

TEST_CASE("schedule: permits run before housing unless the public-rental condition reads them",
          "[core][schedule]") {
  CHECK(permits_may_run_before_housing(compile_rules(rental_scenario(false))));
  CHECK_FALSE(permits_may_run_before_housing(compile_rules(rental_scenario(true))));
  CHECK_FALSE(permits_may_run_before_housing(compile_rules(rental_scenario(false, true))));
  CHECK(permits_may_run_before_housing(compile_rules(busy_scenario())));
}

TEST_CASE("schedule: where permits run is known to the steps that depend on it", "[core][schedule]") {
  constexpr Layout fused = layout_of<PeriodSchedule<true>>(), in_order = layout_of<PeriodSchedule<false>>();
  CHECK(fused.before<Permits, Housing>());
  CHECK(fused.same_sweep_before<Housing, Eligibility>());
  CHECK(fused.same_sweep_before<Moves, Permits>());
  CHECK_FALSE(in_order.before<Permits, Housing>());
  CHECK(in_order.before<Housing, Permits>());
  CHECK(in_order.before<Permits, Eligibility>());
  CHECK_FALSE(in_order.same_sweep_before<Housing, Eligibility>());
  constexpr Layout one_by_one = layout_of<OneSweepEach>();
  CHECK(one_by_one.before<Moves, Jobs>());
  CHECK_FALSE(one_by_one.same_sweep_before<Moves, Jobs>());
}

TEST_CASE("schedule: the model's schedule gives the world of the processes one sweep each", "[core][schedule]") {
  const std::vector<std::pair<const char*, Scenario>> scenarios{
      {"every condition true", test::small_scenario()},
      {"public rental for formal workers or the settled", rental_scenario(false)},
      {"public rental reads permits", rental_scenario(true)},
      {"every process busy", busy_scenario()}};
  for (const auto& [name, sc] : scenarios) {
    INFO(name);
    const Comparison c = compare_with(sc, &run_schedule<OneSweepEach>, 31);
    INFO(c.first_difference);
    CHECK(c.differing_periods.empty());
    CHECK(c.outputs_difference.empty());
  }
}

TEST_CASE("schedule: the comparison catches a wrong fusion", "[core][schedule]") {
  SECTION("permits before housing when the public-rental condition reads them") {
    const Comparison c = compare_with(rental_scenario(true), &run_schedule<PeriodSchedule<true>>, 31);
    CHECK_FALSE(c.differing_periods.empty());
    CHECK_FALSE(c.outputs_difference.empty());
  }
  SECTION("the decision in housing's sweep") {
    const Comparison c = compare_with(busy_scenario(), &run_schedule<DecisionInHousingSweep>, 31);
    CHECK(c.differing_periods.size() == static_cast<std::size_t>(busy_scenario().periods()));
    CHECK_FALSE(c.outputs_difference.empty());
  }
  SECTION("eligibility before housing in their sweep") {
    const Comparison c = compare_with(busy_scenario(), &run_schedule<EligibilityBeforeHousing>, 31);
    CHECK_FALSE(c.differing_periods.empty());
    CHECK_FALSE(c.outputs_difference.empty());
  }
}

// The model's two layouts: when the public-rental condition's permit test cannot
// change its outcome, both give the same run; the decision's public-rental term is
// taken by housing in the first, by the decision itself in the second.
TEST_CASE("schedule: both layouts give the same run where the permit test decides nothing", "[core][schedule]") {
  Model fused(rental_scenario(false), 31), separate(rental_scenario(false, true), 31);
  while (!fused.finished()) {
    fused.step();
    separate.step();
    const Population &a = fused.world().pop, &b = separate.world().pop;
    REQUIRE(a.p.size() == b.p.size());
    CHECK(a.p.id == b.p.id);
    CHECK(a.p.permit_years == b.p.permit_years);
    CHECK(a.p.town_years == b.p.town_years);
    CHECK(a.p.wage == b.p.wage);
    CHECK(a.p.flags == b.p.flags);
    CHECK(a.h.tenure == b.h.tenure);
    CHECK(a.h.rental_wait == b.h.rental_wait);
  }
  CHECK(fused.phase_seconds()[static_cast<std::size_t>(Phase::permits)] == 0.0);
  CHECK(separate.phase_seconds()[static_cast<std::size_t>(Phase::permits)] > 0.0);
  CHECK(fused.world().rental_gain_set);
  CHECK_FALSE(separate.world().rental_gain_set);
  const RunResult &x = fused.result(), &y = separate.result();
  CHECK(difference(x, y).empty());
  // The rental rule bites: some households are housed and some wait.
  double occupied = 0.0, queue = 0.0;
  for (double v : x.values(Series::public_rental_occupied)) occupied += v;
  for (double v : x.values(Series::public_rental_queue)) queue += v;
  CHECK(occupied > 0.0);
  CHECK(queue > 0.0);
}
