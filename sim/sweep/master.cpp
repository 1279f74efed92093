#include "master.hpp"

#include <algorithm>

#include "core/params.hpp"
#include "output/hdf5_reader.hpp"
#include "store.hpp"

namespace hukou::sweep {

namespace fs = std::filesystem;

namespace {
// The registry's unit of a swept key ("section.name" or "zones.ZONE.field").
std::string param_units(const std::string& key) {
  if (const ParamSpec* p = find_param(key)) return std::string(p->unit);
  if (key.starts_with("zones."))
    if (const ZoneFieldSpec* z = find_zone_field(std::string_view(key).substr(key.rfind('.') + 1)))
      return std::string(z->unit);
  return "";
}

// Stored results (the sensitivity groups) kept across a rewrite, unless `fresh`
// replaces one of the same name.
std::vector<output::LabelledGroup> kept_with(const fs::path& old, const std::vector<output::LabelledGroup>& fresh) {
  std::vector<output::LabelledGroup> out;
  for (auto& g : output::read_labelled_groups(old, "sensitivity"))
    if (std::none_of(fresh.begin(), fresh.end(), [&](const auto& f) { return f.name == g.name; }))
      out.push_back(std::move(g));
  out.insert(out.end(), fresh.begin(), fresh.end());
  return out;
}

output::MasterFile describe(const Stored& st, const fs::path& first,
                            const std::vector<output::LabelledGroup>& groups) {
  output::MasterFile m;
  m.template_run = first;
  for (std::size_t r = 0; r < st.runs(); ++r) m.run_sources.push_back(run_path("", r).string());
  for (std::size_t i = 0; i < st.keys.size(); ++i) {
    output::RunVariable v{st.keys[i], "swept parameter " + st.keys[i], param_units(st.keys[i]), {}};
    for (const auto& row : st.design) v.values.push_back(row[i]);
    m.run_variables.push_back(std::move(v));
  }
  // Provenance: the tool, commit and scenario of the runs, and when this file was written.
  const output::RunMetadata run = output::read_run_file(first).meta;
  m.attrs = {{"title", "hukou sweep of " + run.scenario_name}, {"scenario_name", run.scenario_name},
             {"tool_version", run.tool_version}, {"git_commit", run.git_commit}, {"created", output::utc_now()}};
  for (const auto& [k, v] : st.info) m.attrs.emplace_back("sweep_" + k, v);
  std::string all;
  for (const auto& k : st.keys) all += (all.empty() ? "" : " ") + k;
  m.attrs.emplace_back("sweep_parameters", all);
  m.groups = groups;
  return m;
}
}  // namespace

void write_master(const fs::path& dir, const std::vector<output::LabelledGroup>& groups) {
  const Stored st = read_dir(dir);
  fs::path first;
  for (std::size_t r = 0; r < st.runs() && first.empty(); ++r)
    if (fs::exists(run_path(dir, r))) first = run_path(dir, r);
  if (first.empty()) throw StoreError(dir.string() + ": no run has finished yet; nothing to put in sweep.h5");
  // Shards that finish together wait for each other: the later one rewrites it.
  output::write_master_file(dir / "sweep.h5", describe(st, first, kept_with(dir / "sweep.h5", groups)), {.wait_for_lock = true});
}

}  // namespace hukou::sweep
