// The bench's derived figures from made-up runs (never timed): the speedups, and
// when the kernel says the machine, not the model, set the 2-thread figures.
#include <catch2/catch.hpp>

#include "bench/figures.hpp"
#include "bench/goals.hpp"

using namespace hukou::bench;

namespace {
Run run(std::int64_t agents, int threads, double period_seconds, double kernel_rate) {
  Run r;
  r.agents_requested = agents;
  r.threads = threads;
  r.periods = 1;
  r.persons = r.persons_end = agents;
  r.period_seconds = period_seconds;
  r.agent_steps = static_cast<double>(agents);
  r.phase_seconds[static_cast<std::size_t>(hukou::Phase::decision)] = period_seconds / 4;
  r.kernel_rate = kernel_rate;
  r.kernel_rates = {kernel_rate};
  r.model_bytes = static_cast<std::size_t>(agents) * 40;
  r.build_seconds = r.output_seconds = 0.01;
  return r;
}

Result result(std::size_t kernel_agents, double kernel_at_2) {
  Result r;
  r.options.agents = {10'000'000};
  r.kernel_agents = kernel_agents;
  r.runs = {run(10'000'000, 1, 2.0, 50e6), run(10'000'000, 2, 1.0, kernel_at_2)};
  return r;
}

Goal goal(const Result& r, const std::string& id) {
  for (const Goal& g : evaluate_goals(r))
    if (g.id == id) return g;
  FAIL("no goal " << id);
  return {};
}
}  // namespace

TEST_CASE("bench figures: the speedups of the model and of the kernel", "[bench]") {
  const Result r = result(4'000'000, 99e6);
  CHECK(r.speedup(10'000'000) == Approx(2.0));
  CHECK(r.kernel_speedup(10'000'000) == Approx(1.98));
  CHECK(r.speedup(1'000'000) == 0.0);                // no such size
  CHECK(r.kernel_speedup(10'000'000, 1, 4) == 0.0);  // no such thread count
}

TEST_CASE("bench figures: a kernel that scales poorly flags the 2-thread figures as the machine's", "[bench]") {
  SECTION("the kernel scales: no caveat") {
    const Result r = result(4'000'000, 99e6);
    CHECK(machine_scaling_caveat(r, 10'000'000).empty());
    const Goal g = goal(r, "speedup_1_to_2");
    CHECK(g.basis == "10000000 agents requested; the kernel's own 1.98");
    CHECK(*g.met);
  }
  SECTION("the kernel sped up 1.4: the machine did not run 2 threads at full speed") {
    const Result r = result(4'000'000, 70e6);
    const std::string c = machine_scaling_caveat(r, 10'000'000);
    CHECK(c.find("sped up only 1.40x") != std::string::npos);
    const Goal g = goal(r, "speedup_1_to_2");
    CHECK(g.basis.find(c) != std::string::npos);
    CHECK(*g.met);  // the verdict stays the measured one; the basis says why it may mislead
  }
  SECTION("at the threshold, no caveat") {
    CHECK(machine_scaling_caveat(result(4'000'000, kMachineScaling * 50e6), 10'000'000).empty());
  }
  SECTION("a kernel too small to time says so, whatever its speedup") {
    const Result r = result(kMachineScalingAgents - 1, 99e6);
    CHECK(machine_scaling_caveat(r, 10'000'000).find("too short") != std::string::npos);
  }
  SECTION("one thread count: nothing to say") {
    Result r = result(4'000'000, 99e6);
    r.runs.pop_back();
    CHECK(machine_scaling_caveat(r, 10'000'000).empty());
  }
}
