#include "master_file.hpp"

#include <hdf5_hl.h>

#include <limits>

#include "core/results.hpp"
#include "fileio/atomic_file.hpp"
#include "h5_image.hpp"
#include "h5_objects.hpp"
#include "hdf5_reader.hpp"
#include "hdf5_writer.hpp"
#include "series_attrs.hpp"

namespace hukou::output {

namespace fs = std::filesystem;

namespace {

struct Shapes {
  std::vector<int> replicates, periods;
  std::vector<std::string> zones, channels, groups;
};

// Read as any input run file is (hdf5_reader.hpp: checked, first in a child): the
// file may be damaged. Its coordinates are those the run file writer writes.
Shapes read_shapes(const fs::path& run_file) {
  const RunFile f = read_run_file(run_file);
  std::vector<int> replicates(f.replicates.size());
  for (std::size_t r = 0; r < replicates.size(); ++r) replicates[r] = static_cast<int>(r);
  const RunResult& first = f.replicates.front();
  return {replicates, first.years, first.zones, first.channels, group_names()};
}

void virtual_series(hid_t file, const SeriesSpec& s, const Shapes& sh, const std::vector<std::string>& sources,
                    const std::vector<hid_t>& scales) {
  std::vector<hsize_t> src{sh.replicates.size(), sh.periods.size()};
  if (s.dims != Dims::P) src.push_back(sh.zones.size());
  if (s.dims == Dims::PZC) src.push_back(sh.channels.size());
  if (s.dims == Dims::PZG) src.push_back(sh.groups.size());
  std::vector<hsize_t> ext{sources.size()};
  ext.insert(ext.end(), src.begin(), src.end());
  const std::string name(s.name);
  h5::Handle vspace = h5::dataspace(H5Screate_simple(static_cast<int>(ext.size()), ext.data(), nullptr), "dataspace");
  h5::Handle sspace = h5::dataspace(H5Screate_simple(static_cast<int>(src.size()), src.data(), nullptr), "dataspace");
  h5::Handle dcpl = h5::plist(H5Pcreate(H5P_DATASET_CREATE), "dataset plist");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  h5::check(H5Pset_fill_value(dcpl.get(), H5T_NATIVE_DOUBLE, &nan), "fill value");
  h5::check(H5Pset_attr_creation_order(dcpl.get(), h5::kCreationOrder), "attribute order");
  std::vector<hsize_t> start(ext.size(), 0), count = ext;
  count[0] = 1;
  for (std::size_t r = 0; r < sources.size(); ++r) {
    start[0] = r;
    h5::check(H5Sselect_hyperslab(vspace.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr),
              "hyperslab");
    h5::check(H5Pset_virtual(dcpl.get(), vspace.get(), sources[r].c_str(), name.c_str(), sspace.get()),
              "cannot map " + sources[r] + " into '" + name + "'");
  }
  h5::check(H5Sselect_all(vspace.get()), "select all");
  h5::Handle ds =
      h5::dataset(H5Dcreate2(file, name.c_str(), H5T_IEEE_F64LE, vspace.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                  "cannot create virtual dataset '" + name + "'");
  for (std::size_t i = 0; i < ext.size(); ++i)
    h5::check(H5DSattach_scale(ds.get(), scales[i], static_cast<unsigned>(i)),
              "cannot attach a dimension to '" + name + "'");
  h5::write_series_attrs(ds.get(), s, {"run"});
}

void write_group(hid_t file, const LabelledGroup& g) {
  h5::Handle grp = h5::create_group(file, g.name);
  h5::Handle dim = h5::string_coordinate(grp.get(), g.dimension, g.labels);
  h5::write_attr(dim.get(), "long_name", g.dimension);
  for (const LabelledColumn& c : g.columns) {
    h5::Handle ds = h5::double_vector(grp.get(), c.name, c.values, dim.get());
    if (!c.units.empty()) h5::write_attr(ds.get(), "units", c.units);
    if (!c.long_name.empty()) h5::write_attr(ds.get(), "long_name", c.long_name);
  }
  for (const auto& [k, v] : g.attrs) h5::write_attr(grp.get(), k, v);
}

// The file's bytes, built in memory (h5_image.hpp).
std::string build_image(const MasterFile& m, const Shapes& sh) {
  h5::QuietErrors quiet;  // outlives every handle
  h5::Handle f = h5::create_file();
  {
    std::vector<int> run_ids(m.run_sources.size());
    for (std::size_t r = 0; r < run_ids.size(); ++r) run_ids[r] = static_cast<int>(r);
    h5::Handle run = h5::int_coordinate(f.get(), "run", run_ids);
    h5::Handle rep = h5::int_coordinate(f.get(), "replicate", sh.replicates);
    h5::Handle per = h5::int_coordinate(f.get(), "period", sh.periods);
    h5::Handle zone = h5::string_coordinate(f.get(), "zone", sh.zones);
    h5::Handle chan = h5::string_coordinate(f.get(), "channel", sh.channels);
    h5::Handle grp = h5::string_coordinate(f.get(), "group", sh.groups);
    for (const RunVariable& v : m.run_variables) {
      if (v.values.size() != m.run_sources.size())
        throw OutputError("variable '" + v.name + "' has " + std::to_string(v.values.size()) + " values for " +
                          std::to_string(m.run_sources.size()) + " runs");
      h5::Handle ds = h5::double_vector(f.get(), v.name, v.values, run.get());
      h5::write_attr(ds.get(), "long_name", v.long_name);
      if (!v.units.empty()) h5::write_attr(ds.get(), "units", v.units);
    }
    for (const SeriesSpec& s : output_series()) {
      std::vector<hid_t> scales{run.get(), rep.get(), per.get()};
      if (s.dims != Dims::P) scales.push_back(zone.get());
      if (s.dims == Dims::PZC) scales.push_back(chan.get());
      if (s.dims == Dims::PZG) scales.push_back(grp.get());
      virtual_series(f.get(), s, sh, m.run_sources, scales);
    }
    h5::write_attr(f.get(), "Conventions", std::string("CF-1.8"));
    for (const auto& [k, v] : m.attrs) h5::write_attr(f.get(), k, v);
    for (const LabelledGroup& g : m.groups) write_group(f.get(), g);
  }
  std::string bytes = h5::file_image(f.get());
  f.close("cannot close the master file in memory");
  return bytes;
}

}  // namespace

void write_master_file(const fs::path& path, const MasterFile& m, fileio::WriteOptions options) {
  const Shapes sh = read_shapes(m.template_run);  // its own errors name the run file
  std::string bytes;
  try {
    bytes = build_image(m, sh);
  } catch (const OutputError& e) {
    throw OutputError("cannot write " + path.string() + ": " + e.what());
  }
  fileio::write_file_atomically(path, bytes, options);  // fileio::FileError names the file
}

}  // namespace hukou::output
