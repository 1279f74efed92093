// The size of the population a valid scenario makes: a scenario that would
// simulate no agents, or too few to mean anything (all-zero population, or a
// scale so large that persons / scale rounds to nothing) reports urbanization rates of 0/0, and one of more
// agents than the model's 32-bit indices hold cannot run; both are refused here,
// before anything is simulated, with the numbers.
#include "core/footprint.hpp"
#include "parts.hpp"

namespace hukou::scenario::detail {

void check_agents(ReadContext& ctx, const toml::table& root, const Scenario& s) {
  if (ctx.has_errors() || s.zones.empty()) return;  // zone fields or scale may be missing: no honest count
  const double agents = hukou::expected_agents(s);
  const double persons = agents * s.scale;
  const auto report = [&](const std::string& message) {
    if (const toml::node* n = root.get("scale"))
      ctx.error(*n, "scale", message);
    else
      ctx.error_top("scale", message);
  };
  const std::string numbers = fmt(persons) + " rural-origin persons (rural_hukou_village + rural_hukou_town + "
                              "migrants_outside of every zone) at scale " + fmt(s.scale) + " persons per agent give " +
                              fmt(agents) + " agents";
  if (!(agents >= hukou::kMinAgents))
    report("the scenario would simulate " + std::string(agents < 1.0 ? "no" : "too few") + " agents: " + numbers +
           ", fewer than the " + fmt(hukou::kMinAgents) + " a run needs; give the zones their population or lower scale");
  else if (agents > hukou::kMaxAgents)
    report("the scenario would simulate too many agents: " + numbers + ", more than the limit of " +
           fmt(hukou::kMaxAgents) + "; raise scale");
}

}  // namespace hukou::scenario::detail
