// Moves, jobs and permits run in one sweep (processes/town_pass.cpp), permits
// before housing, unless the public-rental condition reads permits; then permits
// run as their own pass after housing, in the processes' order. Both paths must
// give the same run when the condition's permit test cannot change its outcome.
// Eligibility runs in housing's sweep in the first case, as its own in the other.
// The same pair checks the decision's public-rental term: taken by housing in the
// fused case (World::rental_gain_set), by the decision itself in the other.
#include <catch2/catch.hpp>

#include <cstring>

#include "core/engine.hpp"
#include "core/steps.hpp"
#include "fixtures.hpp"

using namespace hukou;

namespace {
Instr test(Attr a, Cmp c = Cmp::truthy, float v = 0.0f) { return {Instr::Op::test, a, c, v}; }
Instr op(Instr::Op o) { return {o, Attr::age, Cmp::truthy, 0.0f}; }

// A scenario whose public rental takes formal workers and settled households, with
// a scarce supply, so the queue and its order matter.
Scenario rental_scenario(bool with_permit_test) {
  Scenario sc = test::small_scenario();
  for (auto& z : sc.zones) z.f.public_rental_units = 40;
  std::vector<Instr> code{test(Attr::formal_job)};
  if (with_permit_test) {  // permit_years >= 0 holds for everyone: the same rule
    code.push_back(test(Attr::permit_years, Cmp::ge, 0.0f));
    code.push_back(op(Instr::Op::op_and));
  }
  code.push_back(test(Attr::settled));
  code.push_back(op(Instr::Op::op_or));
  sc.public_rental_condition = Condition{code, with_permit_test ? "formal_job and permit_years >= 0 or settled"
                                                                : "formal_job or settled"};
  // Settling through public rental: eligibility then depends on the allocation,
  // which housing makes after its sweep (housing.cpp takes the housed again).
  Channel tenants = test::open_channel("public rental tenants", sc.zones.size());
  tenants.condition = Condition{{test(Attr::public_rental)}, "public_rental"};
  sc.channels = {tenants};
  sc.params.decision_asc_settle = 2.0;  // most who may settle do: eligibility shows in the outputs
  return sc;
}
}  // namespace

TEST_CASE("town pass: permits join it unless the public-rental condition reads them", "[core][town_pass]") {
  for (bool reads : {false, true}) {
    Model m(rental_scenario(reads), 5);
    CHECK(permits_join_town_pass(m.world()) == !reads);
  }
}

TEST_CASE("town pass: the fused sweep equals the processes run one after another", "[core][town_pass]") {
  Model fused(rental_scenario(false), 31), separate(rental_scenario(true), 31);
  REQUIRE(permits_join_town_pass(fused.world()));
  REQUIRE_FALSE(permits_join_town_pass(separate.world()));
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
  for (std::size_t s = 0; s < kSeriesCount; ++s) {
    INFO("series " << output_series()[s].name);
    CHECK(std::memcmp(x.data[s].data(), y.data[s].data(), x.data[s].size() * sizeof(double)) == 0);
  }
  // The rental rule bites: some households are housed and some wait.
  double occupied = 0.0, queue = 0.0;
  for (double v : x.values(Series::public_rental_occupied)) occupied += v;
  for (double v : x.values(Series::public_rental_queue)) queue += v;
  CHECK(occupied > 0.0);
  CHECK(queue > 0.0);
}
