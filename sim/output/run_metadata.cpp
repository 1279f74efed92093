#include "run_metadata.hpp"

#include "core/replicates.hpp"

namespace hukou::output {

RunMetadata run_metadata(const Scenario& sc, const RunSettings& s) {
  RunMetadata meta;
  meta.tool_version = s.tool_version;
  meta.git_commit = s.git_commit;
  meta.scenario_name = sc.name;
  meta.scenario_text = sc.source_text;
  meta.created = utc_now();
  meta.seed = s.seed;
  meta.threads = s.threads;
  meta.scale = sc.scale;
  for (std::size_t r = 0; r < s.replicates; ++r) meta.replicate_seeds.push_back(replicate_seed(s.seed, r));
  if (sc.county_score) {  // read back by `hukou evaluate`
    meta.extra.emplace_back("county_score_year", std::to_string(sc.county_score->year));
    meta.extra.emplace_back("county_score_relocation_channel", sc.channels.at(sc.county_score->relocation_channel).name);
    meta.extra.emplace_back("county_score_clause", sc.county_score->clause);
  }
  for (const Target& t : sc.targets)
    meta.targets.push_back({t.indicator, t.zone ? sc.zones.at(*t.zone).name : "", t.clause, t.year, t.value});
  return meta;
}

}  // namespace hukou::output
