#include "hdf5_writer.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <cerrno>
#include <numeric>
#include <set>
#include <string_view>
#include <system_error>

#include "fileio/atomic_file.hpp"
#include "fileio/target_check.hpp"
#include "h5_handles.hpp"
#include "h5_image.hpp"
#include "h5_objects.hpp"

namespace hukou::output {

namespace fs = std::filesystem;

namespace {

// Root attributes written by the writer itself, and names HDF5 dimension scales and
// netCDF use: `extra` may not take them. Names starting with '_' are reserved too.
constexpr std::string_view kReservedAttrs[] = {
    "Conventions", "tool_version", "git_commit", "scenario_name", "seed", "threads", "scale",
    "created", "CLASS", "NAME", "DIMENSION_LIST", "REFERENCE_LIST", "DIMENSION_LABELS"};

std::size_t element_count(const std::vector<std::size_t>& shape) {
  return std::accumulate(shape.begin(), shape.end(), std::size_t{1}, std::multiplies<>());
}

// Throws OutputError (without the file name) if the input cannot make a consistent file.
void validate(const std::vector<RunResult>& replicates, const RunMetadata& meta) {
  if (replicates.empty()) throw OutputError("no replicates to write");
  const RunResult& first = replicates.front();
  for (std::size_t r = 0; r < replicates.size(); ++r) {
    const RunResult& rep = replicates[r];
    const std::string tag = "replicate " + std::to_string(r);
    if (rep.years != first.years) throw OutputError(tag + " has other years than replicate 0");
    if (rep.zones != first.zones) throw OutputError(tag + " has other zones than replicate 0");
    if (rep.channels != first.channels)
      throw OutputError(tag + " has other channels than replicate 0");
    if (rep.data.size() != kSeriesCount)
      throw OutputError(tag + " has " + std::to_string(rep.data.size()) + " series, expected " +
                        std::to_string(kSeriesCount));
    for (const SeriesSpec& s : output_series()) {
      const std::size_t expected = element_count(rep.shape(s.id));
      if (rep.values(s.id).size() != expected)
        throw OutputError(tag + ": series " + std::string(s.name) + " has " +
                          std::to_string(rep.values(s.id).size()) + " values, expected " +
                          std::to_string(expected));
    }
  }
  // A NaN or infinity is a failure of the run (a rate of 0/0, an overflow), never a
  // result: refused here, so that no run file, and no sweep built on them, holds one.
  for (std::size_t r = 0; r < replicates.size(); ++r)
    for (const SeriesSpec& s : output_series()) {
      const std::vector<double>& v = replicates[r].values(s.id);
      const auto bad = std::find_if(v.begin(), v.end(), [](double x) { return !std::isfinite(x); });
      if (bad == v.end()) continue;
      const std::size_t per_year = v.size() / replicates[r].years.size();
      const auto year = replicates[r].years.at(static_cast<std::size_t>(bad - v.begin()) / per_year);
      throw OutputError("the simulation produced " + std::string(std::isnan(*bad) ? "NaN" : "an infinite value") +
                        " in series " + std::string(s.name) + ", year " + std::to_string(year) + ", replicate " +
                        std::to_string(r) + "; no file was written");
    }
  if (meta.draws > 0) {
    if (replicates.size() % meta.draws != 0)
      throw OutputError(std::to_string(replicates.size()) + " runs are not " + std::to_string(meta.draws) +
                        " draws of equally many replicates");
    if (meta.posterior_values.size() != meta.draws * meta.posterior_parameters.size() ||
        meta.posterior_particles.size() != meta.draws)
      throw OutputError("the posterior draws do not have one value per draw and parameter");
  }
  std::set<std::string> seen;
  for (const auto& [key, value] : meta.extra) {
    const bool reserved =
        key.empty() || key.front() == '_' ||
        std::find(std::begin(kReservedAttrs), std::end(kReservedAttrs), key) != std::end(kReservedAttrs);
    if (reserved) throw OutputError("extra attribute name '" + key + "' is reserved or empty");
    if (!seen.insert(key).second) throw OutputError("extra attribute '" + key + "' given twice");
  }
}

// The scenario's targets along dimension `target`, one variable per field.
void write_targets(hid_t f, const std::vector<TargetInfo>& targets) {
  std::vector<int> ids(targets.size()), years;
  std::iota(ids.begin(), ids.end(), 0);
  std::vector<std::string> indicator, zone, clause;
  std::vector<double> value;
  for (const auto& t : targets) {
    indicator.push_back(t.indicator);
    zone.push_back(t.zone);
    clause.push_back(t.clause);
    years.push_back(t.year);
    value.push_back(t.value);
  }
  h5::Handle dim = h5::int_coordinate(f, "target", ids);
  h5::write_attr(dim.get(), "long_name", std::string("plan target of the scenario"));
  const auto note = [](const h5::Handle& h, const std::string& text) { h5::write_attr(h.get(), "long_name", text); };
  note(h5::string_variable(f, "target_indicator", indicator, dim.get()), "output variable the target is set on");
  note(h5::string_variable(f, "target_zone", zone, dim.get()), "zone of the target (empty: whole prefecture)");
  note(h5::int_variable(f, "target_year", years, dim.get()), "year of the target");
  note(h5::double_vector(f, "target_value", value, dim.get()), "target value (in the variable's units)");
  note(h5::string_variable(f, "target_clause", clause, dim.get()), "clause of the document that sets it");
}

// A posterior run's drawn parameter values (draw x parameter) and particles.
void write_posterior_draws(hid_t f, const RunMetadata& meta, hid_t draw) {
  h5::Handle par = h5::string_coordinate(f, "parameter", meta.posterior_parameters);
  h5::write_attr(par.get(), "long_name", std::string("calibrated parameter (its --set key)"));
  h5::Handle ds = h5::double_variable(f, "posterior_draws", {meta.draws, meta.posterior_parameters.size()}, {draw, par.get()});
  std::string names;
  for (const auto& n : meta.posterior_parameters) names += (names.empty() ? "" : " ") + n;
  h5::write_attr(ds.get(), "parameters", names);
  h5::write_attr(ds.get(), "long_name", std::string("parameter values of each draw, applied as --set would"));
  const std::size_t np = meta.posterior_parameters.size();
  for (std::size_t d = 0; d < meta.draws; ++d)
    h5::write_slab(ds.get(), "posterior_draws", d,
                   std::vector<double>(meta.posterior_values.begin() + static_cast<std::ptrdiff_t>(d * np),
                                       meta.posterior_values.begin() + static_cast<std::ptrdiff_t>((d + 1) * np)));
  h5::Handle part = h5::int_variable(f, "posterior_particle", meta.posterior_particles, draw);
  h5::write_attr(part.get(), "long_name", std::string("particle of the posterior's last generation the draw took"));
}

// The file's bytes, built in memory (h5_image.hpp says why).
std::string write_contents(const std::vector<RunResult>& replicates, const RunMetadata& meta) {
  h5::QuietErrors quiet;  // outlives every handle below

  h5::Handle fapl = h5::plist(H5Pcreate(H5P_FILE_ACCESS), "H5Pcreate(file access)");
  // SEMI: closing the file fails if an object were still open (instead of silently
  // keeping the file open), so a successful close means everything reached the file.
  h5::check(H5Pset_fclose_degree(fapl.get(), H5F_CLOSE_SEMI), "H5Pset_fclose_degree");
  h5::Handle file = h5::create_file(fapl.get());
  {
    const hid_t f = file.get();
    const RunResult& first = replicates.front();

    const std::size_t draws = meta.draws, reps = draws > 0 ? replicates.size() / draws : replicates.size();
    h5::Handle draw;
    if (draws > 0) {
      std::vector<int> ids(draws);
      std::iota(ids.begin(), ids.end(), 0);
      draw = h5::int_coordinate(f, "draw", ids);
      h5::write_attr(draw.get(), "long_name", std::string("parameter draw from the posterior"));
    }
    std::vector<int> replicate_ids(reps);
    std::iota(replicate_ids.begin(), replicate_ids.end(), 0);
    h5::Handle replicate = h5::int_coordinate(f, "replicate", replicate_ids);
    h5::write_attr(replicate.get(), "long_name", std::string("replicate (independent random stream)"));
    h5::Handle period = h5::int_coordinate(f, "period", first.years);
    h5::write_attr(period.get(), "units", std::string("year"));
    h5::write_attr(period.get(), "long_name", std::string("calendar year"));
    h5::Handle zone = h5::string_coordinate(f, "zone", first.zones);
    h5::write_attr(zone.get(), "long_name", std::string("zone (district or county)"));
    h5::Handle channel = h5::string_coordinate(f, "channel", first.channels);
    h5::write_attr(channel.get(), "long_name", std::string("settlement channel"));
    h5::Handle group = h5::string_coordinate(f, "group", group_names());
    h5::write_attr(group.get(), "long_name", std::string("settler group"));

    for (const SeriesSpec& s : output_series()) {
      const std::string name(s.name);
      const std::vector<std::size_t> shape = first.shape(s.id);
      std::vector<hsize_t> extents{reps};
      if (draws > 0) extents.insert(extents.begin(), draws);
      extents.insert(extents.end(), shape.begin(), shape.end());
      std::vector<hid_t> scales{replicate.get(), period.get()};
      if (draws > 0) scales.insert(scales.begin(), draw.get());
      if (shape.size() > 1) scales.push_back(zone.get());
      if (shape.size() > 2) scales.push_back(s.dims == Dims::PZC ? channel.get() : group.get());

      h5::Handle ds = h5::double_variable(f, name, extents, scales);
      h5::write_series_attrs(ds.get(), s, draws > 0 ? std::vector<std::string>{"draw"} : std::vector<std::string>{});
      for (std::size_t k = 0; k < replicates.size(); ++k) {
        if (draws > 0)
          h5::write_slab(ds.get(), name, std::vector<hsize_t>{k / reps, k % reps}, replicates[k].values(s.id));
        else
          h5::write_slab(ds.get(), name, k, replicates[k].values(s.id));
      }
    }
    if (draws > 0) write_posterior_draws(f, meta, draw.get());

    if (!meta.replicate_seeds.empty()) {
      h5::Handle seeds = h5::uint64_variable(f, "replicate_seed", meta.replicate_seeds, replicate.get());
      h5::write_attr(seeds.get(), "long_name", std::string("random seed of the replicate"));
    }
    if (!meta.targets.empty()) write_targets(f, meta.targets);

    // A dataset, not an attribute: the resolved scenario may be tens of KB.
    h5::Handle text = h5::write_scalar_string(f, "scenario_text", meta.scenario_text);
    h5::write_attr(text.get(), "long_name", std::string("resolved scenario (TOML)"));

    h5::write_attr(f, "Conventions", std::string("CF-1.8"));
    h5::write_attr(f, "tool_version", meta.tool_version);
    h5::write_attr(f, "git_commit", meta.git_commit);
    h5::write_attr(f, "scenario_name", meta.scenario_name);
    h5::write_attr(f, "seed", meta.seed);
    h5::write_attr(f, "threads", meta.threads);
    h5::write_attr(f, "scale", meta.scale);
    h5::write_attr(f, "created", meta.created);
    for (const auto& [key, value] : meta.extra) h5::write_attr(f, key, value);
    if (!meta.changes.empty()) write_table_group(f, "changes", changes_table(meta.changes));
  }
  std::string bytes = h5::file_image(file.get());
  file.close("cannot close the HDF5 file in memory");
  return bytes;
}

}  // namespace

Table changes_table(const std::vector<ChangeRecord>& changes) {
  Table t;
  t.columns = {{"setting", "", "key, as `hukou check` names it"},
               {"parent_value", "", "value in the parent scenario (empty: the setting does not exist there)"},
               {"value", "", "value in this run's scenario (empty: the setting does not exist here)"},
               {"clause", "", "the document's clause of the setting, where it has one"}};
  for (const auto& c : changes) t.add({c.setting, c.parent_value, c.value, c.clause});
  return t;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string run_file_image(const std::vector<RunResult>& replicates, const RunMetadata& meta) {
  validate(replicates, meta);
  return write_contents(replicates, meta);  // every HDF5 handle is closed when it returns
}

void write_run_file(const fs::path& path, const std::vector<RunResult>& replicates,
                    const RunMetadata& meta, fileio::WriteOptions options) {
  const std::string where = path.string();
  fileio::check_target(path, options.replaces_input);  // before the work of building the file
  std::string bytes;
  try {
    bytes = run_file_image(replicates, meta);
  } catch (const OutputError& e) {
    throw OutputError("cannot write " + where + ": " + e.what());
  }
  fileio::write_file_atomically(path, bytes, options);  // fileio::FileError names the file
}

}  // namespace hukou::output
