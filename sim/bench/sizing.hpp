// A built-in scenario resized to a requested number of agents. Agents are
// rural-origin persons; the scenario's `scale` (persons per agent) sets how many.
// Migrants from outside bring left-behind members that are agents too, so the
// count is not the scenario's persons over the scale: a small probe measures the
// ratio, and the count actually built is reported by the caller, never assumed.
#pragma once
#include <cstdint>
#include <string>

#include "core/scenario.hpp"

namespace hukou::bench {

struct Sized {
  Scenario sc;                   // with scale (and horizon, if more periods are asked) overridden
  double persons = 0.0;          // rural-origin persons the scenario describes
  double agents_per_person = 0;  // measured by the probe, at scale 1
};

// `name`: a built-in scenario or a file. Throws scenario::ScenarioError as load() does.
Sized scenario_for(const std::string& name, std::int64_t agents, int periods);

}  // namespace hukou::bench
