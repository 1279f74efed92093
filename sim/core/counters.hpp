// Flows counted during a period and stocks counted at its end, per zone, in agents. Integer counts only, so the
// sum over threads is exact and independent of how work was split.
#pragma once
#include <cstdint>
#include <vector>

#include <tbb/combinable.h>

namespace hukou {

enum class Flow : std::size_t {
  // flows during the period
  births, deaths, moves_in, moves_out,                 // residence balance
  reg_births, reg_deaths, reg_in, reg_out,             // registration balance
  agents_added, agents_removed,                        // agent-count balance
  inflow, returns, rural_to_town, reclassified, homes_bought, subsidised_homes,
  rights_exits, settlers, rehukou,
  departures, returns_from_away, hukou_out,            // across the prefecture's border
  // stocks at the end of the period (accounting)
  residents, town_residents, registered, urban_registered, unsettled_town, permits,
  rights_kept, rights_exited, agents, relocation_listed, registered_elsewhere, admitted,
  count_
};
inline constexpr std::size_t kFlowCount = static_cast<std::size_t>(Flow::count_);

struct Counters {
  std::size_t zones = 0, channels = 0, groups = 0;
  std::vector<std::int64_t> flow;      // [zone][Flow]
  std::vector<std::int64_t> channel;   // [zone][channel] settled persons
  std::vector<std::int64_t> group;     // [zone][group] settled persons

  Counters() = default;
  Counters(std::size_t z, std::size_t c, std::size_t g)
      : zones(z), channels(c), groups(g), flow(z * kFlowCount), channel(z * c), group(z * g) {}

  std::int64_t& operator()(std::size_t zone, Flow f) { return flow[zone * kFlowCount + static_cast<std::size_t>(f)]; }
  std::int64_t operator()(std::size_t zone, Flow f) const { return flow[zone * kFlowCount + static_cast<std::size_t>(f)]; }
  void add(std::size_t zone, Flow f, std::int64_t n = 1) { (*this)(zone, f) += n; }
  Counters& operator+=(const Counters& o);
  void clear();
};

// Thread-local counters for one parallel loop, merged after it. Integer addition
// makes the merge order irrelevant.
class LocalCounters {
 public:
  explicit LocalCounters(const Counters& shape)
      : tls_([&shape] { return Counters(shape.zones, shape.channels, shape.groups); }) {}
  Counters& local() { return tls_.local(); }
  void merge_into(Counters& total) {
    tls_.combine_each([&](const Counters& c) { total += c; });
  }

 private:
  tbb::combinable<Counters> tls_;
};

}  // namespace hukou
