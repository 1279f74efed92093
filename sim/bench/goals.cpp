#include "goals.hpp"

#include <cstdio>
#include <string>

namespace hukou::bench {

namespace {
std::string describe(const Run& r) {
  return std::to_string(r.agents_requested) + " agents requested, " + std::to_string(r.threads) + " thread" +
         (r.threads == 1 ? "" : "s");
}

// The size, the kernel's own speedup, and why the machine may have set the result.
std::string speedup_basis(const Result& r, std::int64_t agents) {
  char kernel[64];
  std::snprintf(kernel, sizeof kernel, "; the kernel's own %.2f", r.kernel_speedup(agents));
  const std::string caveat = machine_scaling_caveat(r, agents);
  return std::to_string(agents) + " agents requested" + kernel + (caveat.empty() ? "" : "; " + caveat);
}

Goal at_least(std::string id, std::string description, double target, double measured, std::string basis) {
  return {std::move(id), std::move(description), ">=", target, measured, measured >= target, std::move(basis)};
}

Goal at_most(std::string id, std::string description, double target, double measured, std::string basis) {
  return {std::move(id), std::move(description), "<=", target, measured, measured <= target, std::move(basis)};
}
}  // namespace

std::vector<Goal> evaluate_goals(const Result& r) {
  const Run& m = r.main_run();
  const std::string basis = describe(m);
  std::vector<Goal> g;
  g.push_back(at_least("period_vs_kernel", "full period rate over the kernel's", 0.25, m.period_vs_kernel(), basis));
  g.push_back(
      at_least("decision_vs_kernel", "decision phase rate over the kernel's", 0.5, m.decision_vs_kernel(), basis));

  if (const double s = r.speedup(m.agents_requested); s > 0.0)
    g.push_back(at_least("speedup_1_to_2", "speedup of the periods from 1 to 2 threads", 1.8, s,
                         speedup_basis(r, m.agents_requested)));
  else
    g.push_back({"speedup_1_to_2",
                 "speedup of the periods from 1 to 2 threads",
                 ">=",
                 1.8,
                 {},
                 {},
                 "not measured: --threads must include 1 and 2"});

  g.push_back(
      at_most("bytes_per_person", "model state (Population::bytes()) per person", 64.0, m.bytes_per_person(), basis));

  // Rate at the largest size over the rate at the smallest, both at the most
  // threads; the goal compares 50 M with 1 M agents.
  const auto sizes = r.options.agents;
  const Run* small = nullptr;
  for (const Run& x : r.runs)
    if (x.agents_requested == sizes.front() && x.threads == m.threads && !small) small = &x;
  if (sizes.front() != sizes.back() && small)
    g.push_back(at_least("rate_at_scale", "agent-steps/s at the largest size over the smallest (goal: 50 M vs 1 M)",
                         0.85, m.agent_steps_per_second() / small->agent_steps_per_second(),
                         std::to_string(sizes.back()) + " vs " + std::to_string(sizes.front()) + " agents requested, " +
                             std::to_string(m.threads) + " threads"));
  else
    g.push_back({"rate_at_scale",
                 "agent-steps/s at the largest size over the smallest (goal: 50 M vs 1 M)",
                 ">=",
                 0.85,
                 {},
                 {},
                 "not measured: give two sizes, e.g. --agents 1000000,50000000"});

  g.push_back(at_most("output_share", "output writing over the whole run (build + periods + output)", 0.10,
                      m.output_share(), basis));
  return g;
}

}  // namespace hukou::bench
