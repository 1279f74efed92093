// Public: the clause coverage table's vocabulary, shared by the loader, `hukou docs
// clauses` and the report: how a `clause` string names its clause, and the status names.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/scenario.hpp"

namespace hukou::scenario {

// The clause a `clause` string cites: its text before the first ':' (ASCII), with
// surrounding spaces trimmed; the whole string when it has no ':'.
std::string clause_id(std::string_view clause);

// "simulated", "partly", "not_simulated".
std::string_view status_name(hukou::ClauseStatus s);
std::optional<hukou::ClauseStatus> parse_status(std::string_view name);

// What in the scenario cites the entry: "channels a, b; 2 targets; 24 events;
// county score", or "" (then its `keys` read it, or it is not simulated).
std::string cited_by(const hukou::Scenario& s, const hukou::ClauseEntry& e);

}  // namespace hukou::scenario
