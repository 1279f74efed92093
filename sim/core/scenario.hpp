// The model description: a validated, immutable scenario. The engine copies it at
// the start of a run, so a run never sees later edits; what-if overrides make a new
// Scenario. Nothing here knows about TOML: sim/scenario builds it from files.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "condition.hpp"
#include "params.hpp"

namespace hukou {

// A calendar date as a fractional year (2018-02-08 -> 2018.104...), the form in
// which the engine compares decision dates with effective dates.
struct Date {
  int year = 0, month = 1, day = 1;
  double as_year() const;
  std::string str() const;
  friend auto operator<=>(const Date&, const Date&) = default;
};

struct Zone {
  std::string name;
  ZoneKind kind = ZoneKind::county;
  std::string tier;  // reform tier, e.g. "relaxed", "fully_open" (channels select by it)
  ZoneFields f;
};

// A settlement channel: who may settle (a condition over person and household
// attributes, true for at least one adult member), where (zones) and when.
// A return channel (Liaocheng 三(二)) instead lets a settled household that meets
// it move its hukou back to its village of origin, if it chooses to return.
enum class ChannelKind : std::uint8_t { settle, return_home };

struct Channel {
  std::string name;
  std::string title;           // as the document names it, e.g. "四类人员落户" (shown beside `name`)
  std::string clause;          // the document's clause, e.g. "并政办发〔2018〕11号 二(四)"
  Condition condition;
  std::vector<bool> zones;     // zones[z]: open in zone z
  Date from{0, 1, 1};          // effective from (inclusive)
  Date until{9999, 12, 31};    // effective until (inclusive)
  bool events_only = false;    // settles only through scheduled events (step 8), never by choice
  ChannelKind kind = ChannelKind::settle;
};

// Scheduled events of step 8.
enum class EventKind : std::uint8_t { reclassify, relocation, workplace_registration };
struct Event {
  EventKind kind = EventKind::reclassify;
  std::size_t zone = 0;
  int year = 0;
  double share = 0.0;    // reclassify: share of the zone's village households; relocation: share of listed households
  double persons = 0.0;  // workplace_registration: persons registering at the workplace
  std::size_t channel = 0;  // relocation, workplace_registration: the channel they settle through
  std::string clause;
};

struct Target {
  std::string indicator;  // an output series name
  int year = 0;
  double value = 0.0;
  std::string clause;
  std::optional<std::size_t> zone;  // none: prefecture total
};

// The county evaluation of Qiannan's appendix 1 (scores out of 100 per zone):
// which year is scored and which channel counts as relocation settlement. The
// required rise of each zone's registered rate is its registered_urbanization_rate_zone
// target of that year less its base-year rate.
struct CountyScore {
  int year = 0;
  std::size_t relocation_channel = 0;
  std::string clause;
};

// An observed value of an output series, for calibration (year <= the cutoff) or
// validation (after it). The value and sigma are in the series' units.
struct Observation {
  std::string indicator;            // an output series name
  int year = 0;
  double value = 0.0;
  double sigma = 0.0;               // its uncertainty (0: none given; the distance then scales it)
  std::string unit;                 // as written in the file ("%" values are stored as fractions)
  std::string source;               // a statistics.csv row id or a full citation
  std::optional<std::size_t> zone;     // none: the prefecture (total or prefecture-wide series)
  std::optional<std::size_t> channel;  // settlements only; none: summed over channels
  bool calibrate = false;           // read by calibration (else validation or history only)
  std::string where;                // "file:line:column", for messages
};

// A parameter calibration estimates and its prior. `key` is a --set key: a registry
// parameter "section.name" or a zone field "zones.<zone>.<field>".
struct CalibratedParameter {
  std::string key, dist;            // dist: uniform, normal, lognormal, beta
  double a = 0.0, b = 0.0;          // uniform: range; normal: mean, sd; lognormal: of log; beta: shapes
  double lo = 0.0, hi = 0.0;        // bounds (truncation; beta's support)
  std::string unit, source;
};

struct Calibration {
  int cutoff = 0;                   // calibration reads observations of this year and before
  std::vector<CalibratedParameter> priors;
};

// One numbered clause of the scenario's document (or of another it cites) and how
// far the model simulates it: the clause coverage table, shown in docs/scenarios.md
// and the report. `keys` names the parameters that read a clause no channel, event,
// target or county score cites.
enum class ClauseStatus : std::uint8_t { simulated, partly, not_simulated };

struct ClauseEntry {
  std::string id, topic;
  ClauseStatus status = ClauseStatus::not_simulated;
  std::string why;
  std::vector<std::string> keys;
};

struct Scenario {
  std::string name, title, description;
  int base_year = 2017;
  int horizon = 2025;
  double scale = 1.0;        // persons per agent
  std::uint64_t seed = 1;
  Params params;
  Composition composition;
  std::vector<Zone> zones;
  std::vector<Channel> channels;
  Condition public_rental_condition = Condition::always();
  std::vector<Event> events;
  std::vector<Target> targets;
  std::optional<CountyScore> county_score;
  std::vector<Observation> observations;
  std::optional<Calibration> calibration;
  std::vector<ClauseEntry> clauses;
  std::string source_text;   // the resolved scenario file(s), stored in outputs

  int periods() const { return horizon - base_year; }
};

}  // namespace hukou
