#include "selection.hpp"

#include <algorithm>

#include "core/results.hpp"
#include "output/hdf5_reader.hpp"
#include "policy/suggest.hpp"
#include "run_check.hpp"

namespace hukou::sweep {

namespace fs = std::filesystem;

namespace {
std::string did_you_mean(const std::string& word, const std::vector<std::string>& names) {
  const std::string near = policy::nearest(word, std::vector<std::string_view>(names.begin(), names.end()));
  if (!near.empty()) return "; did you mean '" + near + "'?";
  std::string all;
  for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
  return " (valid: " + all + ")";
}

std::size_t index_in(const std::vector<std::string>& names, const std::string& name, const std::string& what) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) throw StoreError("unknown " + what + " '" + name + "'" + did_you_mean(name, names));
  return static_cast<std::size_t>(it - names.begin());
}

const SeriesSpec& find_series(const std::string& name) {
  std::vector<std::string> names;
  for (const auto& s : output_series()) {
    if (s.name == name) return s;
    names.emplace_back(s.name);
  }
  throw StoreError("unknown output series '" + name + "'" + did_you_mean(name, names) + " (`hukou docs outputs`)");
}

// The selection checked against the series' dimensions and the run's names.
struct Resolved {
  const SeriesSpec* s;
  std::size_t zone = RunResult::all_zones, part = 0;
  bool all_parts = true;
};

Resolved resolve(const OutputSelection& sel, const RunResult& r) {
  Resolved v{&find_series(sel.series)};
  const std::string name(v.s->name);
  if (!sel.zone.empty()) {
    if (v.s->dims == Dims::P) throw StoreError("'" + name + "' is prefecture-wide: it has no zone");
    v.zone = index_in(r.zones, sel.zone, "zone");
  } else if (v.s->kind == Kind::rate && v.s->dims != Dims::P) {
    throw StoreError("'" + name + "' is a rate per zone, and rates do not add up: name a zone (--zone)");
  }
  if (!sel.part.empty()) {
    if (v.s->dims == Dims::PZC) v.part = index_in(r.channels, sel.part, "channel");
    else if (v.s->dims == Dims::PZG) v.part = index_in(group_names(), sel.part, "group");
    else throw StoreError("'" + name + "' has no channel or group dimension");
    v.all_parts = false;
  }
  return v;
}

double value(const Resolved& v, const RunResult& r, std::size_t t) {
  if (v.all_parts) return r.total(v.s->id, t, v.zone);
  double sum = 0;
  for (std::size_t z = 0; z < r.zones.size(); ++z)
    if (v.zone == RunResult::all_zones || v.zone == z) sum += r.at(v.s->id, t, z, v.part);
  return sum;
}
}  // namespace

RunOutputs run_outputs(const fs::path& dir, const Stored& st, const OutputSelection& sel) {
  RunOutputs out;
  for (std::size_t run = 0; run < st.runs(); ++run) {
    const fs::path p = run_path(dir, run);
    const auto problem = run_file_problem(dir, run, st.info.at("hash"));
    if (!problem)
      throw StoreError("run " + std::to_string(run) + " has not finished (" + p.string() + "); resume the sweep first");
    if (!problem->empty()) throw StoreError(*problem + "; resume the sweep to run it again");
    const output::RunFile f = output::read_run_file(p);
    const RunResult& r0 = f.replicates.at(0);
    const Resolved v = resolve(sel, r0);
    const int y = sel.year == 0 ? r0.years.back() : sel.year;
    const auto it = std::find(r0.years.begin(), r0.years.end(), y);
    if (it == r0.years.end())
      throw StoreError("year " + std::to_string(y) + " is outside the runs' years " + std::to_string(r0.years.front()) +
                       "-" + std::to_string(r0.years.back()));
    const auto t = static_cast<std::size_t>(it - r0.years.begin());
    double sum = 0;
    for (const RunResult& rep : f.replicates) sum += value(v, rep, t);
    out.y.push_back(sum / static_cast<double>(f.replicates.size()));
    out.year = y;
    out.units = std::string(v.s->units);
  }
  out.label = sel.series + (sel.zone.empty() ? "" : "_" + sel.zone) + (sel.part.empty() ? "" : "_" + sel.part) + "_" +
              std::to_string(out.year);
  return out;
}

}  // namespace hukou::sweep
