#include "hdf5_reader.hpp"

#include <algorithm>

#include "h5_read.hpp"

namespace hukou::output {

namespace {
void read_contents(hid_t f, RunFile& rf) {
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
  const std::size_t reps = h5::read_ints(f, "replicate").size();
  rf.replicates.assign(reps, RunResult(years, zones, channels));
  for (const SeriesSpec& s : output_series()) {
    std::vector<hsize_t> ext;
    const std::vector<double> all = h5::read_doubles(f, std::string(s.name), &ext);
    const std::size_t per = rf.replicates.front().values(s.id).size();
    if (ext.empty() || ext[0] != reps || all.size() != reps * per)
      throw OutputError("variable '" + std::string(s.name) + "' does not have the run's dimensions");
    for (std::size_t r = 0; r < reps; ++r)
      std::copy(all.begin() + static_cast<std::ptrdiff_t>(r * per), all.begin() + static_cast<std::ptrdiff_t>((r + 1) * per),
                rf.replicates[r].data[static_cast<std::size_t>(s.id)].begin());
  }
}
}  // namespace

RunFile read_run_file(const std::filesystem::path& path) {
  const std::string where = path.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw OutputError("cannot read " + where + ": no such file");
  RunFile rf;
  rf.path = path;
  try {
    h5::QuietErrors quiet;
    if (H5Fis_hdf5(path.c_str()) <= 0) throw OutputError("not an HDF5 file");
    h5::Handle file = h5::file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "cannot open");
    read_contents(file.get(), rf);
  } catch (const OutputError& e) {
    throw OutputError("cannot read " + where + " as a hukou run file: " + e.what());
  }
  return rf;
}

}  // namespace hukou::output
