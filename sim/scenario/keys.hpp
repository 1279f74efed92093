// Internal: the valid keys of every table of a scenario file, for unknown-key
// checks and "did you mean" suggestions (in the file and for --set), from the
// registries: core/params.def, population.def, zones.def and keys.def.
#pragma once
#include <string_view>
#include <vector>

namespace hukou::scenario::detail {

// Registry sections, in params.def order: demography, moves, ..., population.
const std::vector<std::string_view>& section_names();
// Keys of one [section]: its parameters (and, for population, the compositions).
std::vector<std::string_view> section_keys(std::string_view section);
// Every "section.name" a --set may give for a registry parameter or composition.
const std::vector<std::string_view>& registry_keys();

const std::vector<std::string_view>& top_level_keys();
const std::vector<std::string_view>& zone_keys();        // name, kind, tier, zones.def fields
const std::vector<std::string_view>& zone_field_names(); // zones.def fields only
const std::vector<std::string_view>& channel_keys();
const std::vector<std::string_view>& public_rental_keys();
const std::vector<std::string_view>& county_score_keys();
const std::vector<std::string_view>& event_keys();
const std::vector<std::string_view>& target_keys();
const std::vector<std::string_view>& observation_keys();
const std::vector<std::string_view>& clause_keys();
const std::vector<std::string_view>& calibration_keys();
const std::vector<std::string_view>& prior_keys();  // of each [calibration.priors] value
// Top-level keys a --set may change: the numeric ones of keys.def, in its order.
const std::vector<std::string_view>& settable_top_keys();

}  // namespace hukou::scenario::detail
