#include "sizing.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

#include "core/household_factory.hpp"
#include "core/synth.hpp"
#include "scenario/loader.hpp"

namespace hukou::bench {

namespace {
// Agents in the probe: enough that the left-behind share is within ~1% of its
// expectation, few enough that synthesis takes a fraction of a second.
constexpr double kProbeAgents = 200'000.0;

std::string number(double x) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, x);  // shortest text that reads back as x
  return std::string(buf, r.ptr);
}

double rural_persons(const Scenario& sc) {
  double n = 0.0;
  for (const auto& z : sc.zones) n += z.f.rural_hukou_village + z.f.rural_hukou_town + z.f.migrants_outside;
  return n;
}
}  // namespace

Sized scenario_for(const std::string& name, std::int64_t agents, int periods) {
  const Scenario base = scenario::load(name);
  std::vector<std::string> extra;
  // The scenario's horizon bounds the periods a Model steps through; a shorter run
  // keeps the horizon (its targets must stay within it).
  if (periods > base.periods()) extra.push_back("horizon=" + std::to_string(base.base_year + periods));

  Sized s;
  s.persons = rural_persons(base);
  const double probe_scale = s.persons / std::min(kProbeAgents, static_cast<double>(agents));
  {
    std::vector<std::string> o = extra;
    o.push_back("scale=" + number(probe_scale));
    const Scenario probe = scenario::load(name, o);
    const HouseholdFactory factory(probe);
    const Population pop = synthesize(probe, probe.seed, factory, false);  // only counted
    s.agents_per_person = static_cast<double>(pop.p.size()) * probe_scale / s.persons;
  }
  extra.push_back("scale=" + number(s.persons * s.agents_per_person / static_cast<double>(agents)));
  s.sc = scenario::load(name, extra);
  return s;
}

}  // namespace hukou::bench
