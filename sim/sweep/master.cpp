#include "master.hpp"

#include <hdf5_hl.h>

#include <cmath>
#include <limits>

#include "core/results.hpp"
#include "fileio/atomic_file.hpp"
#include "output/h5_image.hpp"
#include "output/h5_objects.hpp"
#include "output/hdf5_reader.hpp"
#include "output/h5_read.hpp"
#include "store.hpp"

namespace hukou::sweep {

namespace fs = std::filesystem;
namespace h5 = output::h5;

namespace {

struct Shapes {
  std::vector<int> replicates, periods;
  std::vector<std::string> zones, channels, groups;
};

Shapes read_shapes(const fs::path& run_file) {
  const output::RunFile f = output::read_run_file(run_file);  // checked: the file may be damaged
  std::vector<int> reps(f.replicates.size());
  for (std::size_t r = 0; r < reps.size(); ++r) reps[r] = static_cast<int>(r);
  const RunResult& first = f.replicates.front();
  return {reps, first.years, first.zones, first.channels, group_names()};
}

void virtual_series(hid_t file, const SeriesSpec& s, const Shapes& sh, std::size_t runs,
                    const std::vector<hid_t>& scales) {
  std::vector<hsize_t> src{sh.replicates.size(), sh.periods.size()};
  if (s.dims != Dims::P) src.push_back(sh.zones.size());
  if (s.dims == Dims::PZC) src.push_back(sh.channels.size());
  if (s.dims == Dims::PZG) src.push_back(sh.groups.size());
  std::vector<hsize_t> ext{runs};
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
  for (std::size_t r = 0; r < runs; ++r) {
    start[0] = r;
    h5::check(H5Sselect_hyperslab(vspace.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr),
              "hyperslab");
    const std::string src_file = run_path("", r).string();  // "runs/run_NNNNNN.h5", relative to DIR
    h5::check(H5Pset_virtual(dcpl.get(), vspace.get(), src_file.c_str(), name.c_str(), sspace.get()),
              "cannot map " + src_file + " into '" + name + "'");
  }
  h5::check(H5Sselect_all(vspace.get()), "select all");
  h5::Handle ds =
      h5::dataset(H5Dcreate2(file, name.c_str(), H5T_IEEE_F64LE, vspace.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                  "cannot create virtual dataset '" + name + "'");
  for (std::size_t i = 0; i < ext.size(); ++i)
    h5::check(H5DSattach_scale(ds.get(), scales[i], static_cast<unsigned>(i)),
              "cannot attach a dimension to '" + name + "'");
  h5::write_attr(ds.get(), "units", std::string(s.units));
  h5::write_attr(ds.get(), "long_name", std::string(s.long_name));
}

// The master file's bytes, built in memory (output/h5_image.hpp).
std::string write_file(const Stored& st, const Shapes& sh, const std::function<void(hid_t)>& extra) {
  h5::Handle fcpl = h5::plist(H5Pcreate(H5P_FILE_CREATE), "file plist");
  h5::check(H5Pset_link_creation_order(fcpl.get(), h5::kCreationOrder), "link order");
  h5::check(H5Pset_attr_creation_order(fcpl.get(), h5::kCreationOrder), "attribute order");
  h5::Handle fapl = h5::plist(H5Pcreate(H5P_FILE_ACCESS), "file access plist");
  h5::Handle f = h5::create_in_memory(fcpl.get(), fapl.get());
  {
    std::vector<int> run_ids(st.runs());
    for (std::size_t r = 0; r < run_ids.size(); ++r) run_ids[r] = static_cast<int>(r);
    h5::Handle run = h5::int_coordinate(f.get(), "run", run_ids);
    h5::Handle rep = h5::int_coordinate(f.get(), "replicate", sh.replicates);
    h5::Handle per = h5::int_coordinate(f.get(), "period", sh.periods);
    h5::Handle zone = h5::string_coordinate(f.get(), "zone", sh.zones);
    h5::Handle chan = h5::string_coordinate(f.get(), "channel", sh.channels);
    h5::Handle grp = h5::string_coordinate(f.get(), "group", sh.groups);
    for (std::size_t i = 0; i < st.keys.size(); ++i) {
      std::vector<double> v;
      for (const auto& row : st.design) v.push_back(row[i]);
      h5::Handle ds = h5::double_vector(f.get(), st.keys[i], v, run.get());
      h5::write_attr(ds.get(), "long_name", "swept parameter " + st.keys[i]);
    }
    for (const SeriesSpec& s : output_series()) {
      std::vector<hid_t> scales{run.get(), rep.get(), per.get()};
      if (s.dims != Dims::P) scales.push_back(zone.get());
      if (s.dims == Dims::PZC) scales.push_back(chan.get());
      if (s.dims == Dims::PZG) scales.push_back(grp.get());
      virtual_series(f.get(), s, sh, st.runs(), scales);
    }
    h5::write_attr(f.get(), "Conventions", std::string("CF-1.8"));
    for (const auto& [k, v] : st.info) h5::write_attr(f.get(), "sweep_" + k, v);
    h5::write_attr(f.get(), "sweep_parameters", [&] {
      std::string all;
      for (const auto& k : st.keys) all += (all.empty() ? "" : " ") + k;
      return all;
    }());
    if (extra) extra(f.get());
  }
  std::string bytes = h5::file_image(f.get());
  f.close("cannot close the master file in memory");
  return bytes;
}

}  // namespace

void write_master(const fs::path& dir, const std::function<void(hid_t)>& extra) {
  const Stored st = read_dir(dir);
  fs::path first;
  for (std::size_t r = 0; r < st.runs() && first.empty(); ++r)
    if (fs::exists(run_path(dir, r))) first = run_path(dir, r);
  if (first.empty()) throw StoreError(dir.string() + ": no run has finished yet; nothing to put in sweep.h5");
  const Shapes sh = read_shapes(first);
  h5::QuietErrors quiet;
  const std::string bytes = write_file(st, sh, extra);
  // Shards that finish together wait for each other: the later one rewrites it.
  fileio::write_file_atomically(dir / "sweep.h5", bytes, {.wait_for_lock = true});
}

}  // namespace hukou::sweep
