#include "hdf5_reader.hpp"

#include <algorithm>

#include "fileio/input_file.hpp"
#include "h5_image.hpp"
#include "h5_read.hpp"
#include "isolated.hpp"

namespace hukou::output {

namespace {
// Far above any real run (100000 replicates is `run`'s own limit; the scenario
// loader's limits for periods, zones and channels), so that a damaged extent is
// refused before anything of its size is allocated.
constexpr hsize_t kMaxReplicates = 100000, kMaxPeriods = 101, kMaxZones = 254, kMaxChannels = 32, kMaxGroups = 64;

// How long the child may take to read a file (a damaged one can make HDF5 loop).
constexpr int kCheckSeconds = 120;

void require_extent(hid_t f, const std::string& name, const std::vector<hsize_t>& expected) {
  const std::vector<hsize_t> ext = h5::extents(f, name);
  if (ext != expected) {
    std::string want, got;
    for (hsize_t e : expected) want += (want.empty() ? "" : " x ") + std::to_string(e);
    for (hsize_t e : ext) got += (got.empty() ? "" : " x ") + std::to_string(e);
    throw OutputError("variable '" + name + "' has shape " + (got.empty() ? "()" : got) + ", expected " + want);
  }
}

hsize_t coordinate_length(hid_t f, const std::string& name, hsize_t max) {
  const std::vector<hsize_t> ext = h5::extents(f, name);
  if (ext.size() != 1 || ext[0] > max)
    throw OutputError("coordinate '" + name + "' is not a list of at most " + std::to_string(max) + " entries");
  return ext[0];
}

// Identity and shapes first: a file that is not a run file, or whose dimensions
// disagree, is refused before any of its data is read.
void check_layout(hid_t f) {
  if (!h5::has_link(f, "scenario_text") || H5Aexists(f, "tool_version") <= 0 || H5Aexists(f, "seed") <= 0)
    throw OutputError("not a hukou run file (no tool_version, seed or scenario_text)");
  const hsize_t reps = coordinate_length(f, "replicate", kMaxReplicates);
  const hsize_t draws = h5::has_link(f, "draw") ? coordinate_length(f, "draw", kMaxReplicates) : 0;
  const hsize_t periods = coordinate_length(f, "period", kMaxPeriods);
  const hsize_t zones = coordinate_length(f, "zone", kMaxZones);
  const hsize_t channels = h5::has_link(f, "channel") ? coordinate_length(f, "channel", kMaxChannels) : 0;
  const hsize_t groups = h5::has_link(f, "group") ? coordinate_length(f, "group", kMaxGroups) : 0;
  if (reps == 0 || periods == 0 || zones == 0) throw OutputError("a run file needs replicates, periods and zones");
  if (h5::has_link(f, "draw") && (draws == 0 || draws * reps > kMaxReplicates))
    throw OutputError("a posterior run needs from 1 to " + std::to_string(kMaxReplicates) + " draws x replicates");
  if (draws > 0) {
    const hsize_t params = coordinate_length(f, "parameter", kMaxReplicates);
    require_extent(f, "posterior_draws", {draws, params});
    require_extent(f, "posterior_particle", {draws});
  }
  for (const SeriesSpec& s : output_series()) {
    std::vector<hsize_t> want{reps, periods};
    if (draws > 0) want.insert(want.begin(), draws);
    if (s.dims != Dims::P) want.push_back(zones);
    if (s.dims == Dims::PZC) want.push_back(channels);
    if (s.dims == Dims::PZG) want.push_back(groups);
    require_extent(f, std::string(s.name), want);
  }
}

void read_contents(hid_t f, RunFile& rf) {
  check_layout(f);
  RunMetadata& m = rf.meta;
  m.tool_version = h5::read_string_attr(f, "tool_version");
  m.git_commit = h5::read_string_attr(f, "git_commit");
  m.scenario_name = h5::read_string_attr(f, "scenario_name");
  m.created = h5::read_string_attr(f, "created");
  m.seed = h5::read_uint64_attr(f, "seed");
  m.threads = h5::read_int_attr(f, "threads");
  m.scale = h5::read_double_attr(f, "scale");
  for (auto& [key, value] : h5::read_string_attrs(f)) {
    static const std::vector<std::string> own{"Conventions", "tool_version", "git_commit", "scenario_name", "created"};
    if (std::find(own.begin(), own.end(), key) == own.end()) m.extra.emplace_back(key, value);
  }
  const auto text = h5::read_strings(f, "scenario_text");
  m.scenario_text = text.empty() ? "" : text.front();
  if (h5::has_link(f, "replicate_seed")) m.replicate_seeds = h5::read_uint64s(f, "replicate_seed");
  if (h5::has_link(f, "target")) {
    const auto ind = h5::read_strings(f, "target_indicator"), zone = h5::read_strings(f, "target_zone"),
               clause = h5::read_strings(f, "target_clause");
    const auto year = h5::read_ints(f, "target_year");
    const auto value = h5::read_doubles(f, "target_value");
    for (std::size_t i = 0; i < ind.size(); ++i)
      m.targets.push_back({ind[i], zone.at(i), clause.at(i), year.at(i), value.at(i)});
  }
  if (h5::has_link(f, "changes")) {
    const h5::Handle g = h5::group(H5Gopen2(f, "changes", H5P_DEFAULT), "cannot open group 'changes'");
    std::vector<std::vector<std::string>> cols;
    for (const auto& c : changes_table({}).columns) cols.push_back(h5::read_strings(g.get(), c.name));
    for (std::size_t i = 0; i < cols[0].size(); ++i)
      m.changes.push_back({cols[0][i], cols[1].at(i), cols[2].at(i), cols[3].at(i)});
  }

  const std::vector<int> years = h5::read_ints(f, "period");
  const std::vector<std::string> zones = h5::read_strings(f, "zone");
  const std::vector<std::string> channels = h5::has_link(f, "channel") ? h5::read_strings(f, "channel")
                                                                       : std::vector<std::string>{};
  if (h5::has_link(f, "draw")) {
    m.draws = h5::read_ints(f, "draw").size();
    m.posterior_parameters = h5::read_strings(f, "parameter");
    m.posterior_values = h5::read_doubles(f, "posterior_draws");
    m.posterior_particles = h5::read_ints(f, "posterior_particle");
  }
  // A posterior run's draws x replicates, draw-major (RunMetadata::draws).
  const std::size_t reps = h5::read_ints(f, "replicate").size() * std::max<std::size_t>(m.draws, 1);
  rf.replicates.assign(reps, RunResult(years, zones, channels));
  for (const SeriesSpec& s : output_series()) {
    std::vector<hsize_t> ext;
    const std::vector<double> all = h5::read_doubles(f, std::string(s.name), &ext);
    const std::size_t per = rf.replicates.front().values(s.id).size();
    if (ext.empty() || ext[0] != (m.draws > 0 ? m.draws : reps) || all.size() != reps * per)
      throw OutputError("variable '" + std::string(s.name) + "' does not have the run's dimensions");
    for (std::size_t r = 0; r < reps; ++r)
      std::copy(all.begin() + static_cast<std::ptrdiff_t>(r * per), all.begin() + static_cast<std::ptrdiff_t>((r + 1) * per),
                rf.replicates[r].data[static_cast<std::size_t>(s.id)].begin());
  }
}

RunFile read_image(const std::string& bytes) {
  RunFile rf;
  h5::QuietErrors quiet;
  h5::Handle file = h5::open_image(bytes, false);
  read_contents(file.get(), rf);
  // Closing is part of reading: a damaged file can fail to close, and in HDF5 1.10 a
  // failed H5Fclose leaves a freed file ID that the library's exit handler then
  // dereferences (a segfault after the command's work is done). So a close that
  // fails in the child marks the file damaged, and the file is never read here.
  file.close("cannot close the file (damaged?)");
  return rf;
}
}  // namespace

RunFile read_run_bytes(const std::string& bytes, const std::string& where) {
  const auto fail = [&](const std::string& why) {
    throw OutputError("cannot read " + where + " as a hukou run file: " + why);
  };
  // Everything this process will read, read first where a crash cannot hurt.
  if (const auto problem = run_isolated([&] { read_image(bytes); }, kCheckSeconds)) fail(*problem);
  try {
    return read_image(bytes);
  } catch (const OutputError& e) {
    fail(e.what());
  }
  return {};
}

RunFile read_run_file(const std::filesystem::path& path) {
  RunFile rf = read_run_bytes(fileio::read_input_file(path, fileio::kMaxRunFileBytes, "run file"), path.string());
  rf.path = path;
  return rf;
}

}  // namespace hukou::output
