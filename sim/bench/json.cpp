#include "json.hpp"

#include <utility>

#include "output/json.hpp"

namespace hukou::bench {

namespace {
using output::Json;

void run_object(Json& j, const Run& r) {
  j.open('{');
  j.key("agents_requested").integer(r.agents_requested).key("scale").num(r.scale);
  j.key("threads").integer(r.threads).key("periods").integer(r.periods);
  j.key("persons").integer(r.persons).key("households").integer(r.households);
  j.key("persons_end").integer(r.persons_end);
  j.key("build_seconds").num(r.build_seconds);
  j.key("phase_seconds").open('{');
  for (std::size_t p = 0; p < kPhaseCount; ++p) j.key(phase_name(static_cast<Phase>(p))).num(r.phase_seconds[p]);
  j.close('}');
  j.key("period_seconds").num(r.period_seconds).key("seconds_per_period").num(r.seconds_per_period());
  j.key("agent_steps").num(r.agent_steps).key("agent_steps_per_second").num(r.agent_steps_per_second());
  j.key("decision_agents_per_second").num(r.decision_rate());
  j.key("output_seconds").num(r.output_seconds).key("output_share").num(r.output_share());
  j.key("total_seconds").num(r.total_seconds());
  j.key("model_bytes").integer(static_cast<long long>(r.model_bytes));
  j.key("bytes_per_person").num(r.bytes_per_person());
  j.key("peak_rss_bytes").integer(static_cast<long long>(r.peak_rss_bytes));
  j.key("peak_rss_per_person").num(r.rss_per_person());
  j.key("other_load").num(r.other_load);
  j.key("kernel_decisions_per_second").num(r.kernel_rate);
  j.key("kernel_samples").open('[');
  for (const double x : r.kernel_rates) j.num(x);
  j.close(']');
  j.key("period_vs_kernel").num(r.period_vs_kernel()).key("decision_vs_kernel").num(r.decision_vs_kernel());
  j.close('}');
}
}  // namespace

std::string to_json(const Result& r, const std::vector<Goal>& goals) {
  Json j;
  j.open('{');
  j.key("build").text(r.options.build).key("malloc").text(r.options.malloc);
  j.key("scenario").text(r.options.scenario).key("periods").integer(r.options.periods);
  j.key("repeats").integer(r.options.repeats).key("kernel_agents").integer(static_cast<long long>(r.kernel_agents));
  j.key("agents").open('[');
  for (const auto n : r.options.agents) j.integer(n);
  j.close(']').key("threads").open('[');
  for (const int t : r.options.threads) j.integer(t);
  j.close(']');
  j.key("runs").open('[');
  for (const Run& run : r.runs) run_object(j, run);
  j.close(']');
  // Per size: periods at 1 thread over 2 threads, and the kernel's rate at 2 over 1
  // (Result::kernel_speedup); null if not run; and why the machine may have set them.
  j.key("speedup").open('[');
  for (const auto n : r.options.agents) {
    j.open('{').key("agents_requested").integer(n).key("from_threads").integer(1).key("to_threads").integer(2);
    for (const auto& [key, v] :
         {std::pair{"speedup", r.speedup(n)}, std::pair{"kernel_speedup", r.kernel_speedup(n)}}) {
      j.key(key);
      if (v > 0.0)
        j.num(v);
      else
        j.null();
    }
    j.key("caveat").text(machine_scaling_caveat(r, n));  // "" when none
    j.close('}');
  }
  j.close(']');
  j.key("goals").open('[');
  for (const Goal& g : goals) {
    j.open('{').key("id").text(g.id).key("description").text(g.description);
    j.key("op").text(g.op).key("threshold").num(g.threshold);
    j.key("measured");
    if (g.measured)
      j.num(*g.measured);
    else
      j.null();
    j.key("met");
    if (g.met)
      j.boolean(*g.met);
    else
      j.null();
    j.key("basis").text(g.basis).close('}');
  }
  j.close(']').close('}');
  return j.take();
}

}  // namespace hukou::bench
