// Run files: written with write_run_file, read back with the plain HDF5 C API.
// The hidden test case [xarray_fixture] writes the file check_xarray.py reads; the
// values set here for registered_urbanization_rate and settlements are repeated there.
#include <hdf5.h>
#include <hdf5_hl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "output/h5_handles.hpp"
#include "fileio/errors.hpp"
#include "output/hdf5_writer.hpp"

using namespace hukou;
using hukou::output::OutputError;
using hukou::output::RunMetadata;
using hukou::output::write_run_file;
namespace fs = std::filesystem;
namespace h5 = hukou::output::h5;

namespace {

const std::vector<int> kYears{2024, 2025, 2026};
const std::vector<std::string> kZones{"小店区", "清徐县"};
const std::vector<std::string> kChannels{"talent", "employment"};
constexpr std::uint64_t kSeed = 18446744073709551557ULL;  // needs all 64 bits
constexpr int kScenarioLines = 3000;                       // > 64 KiB of text

// Every value distinct: 1e6 * series + 1e4 * replicate + flat index; two series follow
// the formulas check_xarray.py checks.
RunResult make_replicate(int r) {
  RunResult res(kYears, kZones, kChannels);
  for (std::size_t si = 0; si < kSeriesCount; ++si) {
    auto& v = res.data[si];
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = 1e6 * double(si) + 1e4 * r + double(i);
  }
  for (std::size_t p = 0; p < kYears.size(); ++p) {
    res.at(Series::registered_urbanization_rate, p) = 0.5 + 0.1 * r + 0.01 * double(p);
    for (std::size_t z = 0; z < kZones.size(); ++z)
      for (std::size_t c = 0; c < kChannels.size(); ++c)
        res.at(Series::settlements, p, z, c) = 1000.0 * r + 100.0 * double(p) + 10.0 * double(z) + double(c);
  }
  return res;
}

std::vector<RunResult> make_replicates() { return {make_replicate(0), make_replicate(1)}; }

std::string scenario_text() {
  std::string text = "name = \"taiyuan_fixture\"\n";
  for (int i = 0; i < kScenarioLines; ++i) text += "# 户籍制度改革 scenario line " + std::to_string(i) + "\n";
  return text;
}

RunMetadata make_meta() {
  RunMetadata m;
  m.tool_version = "0.1.0";
  m.git_commit = "abcdef123456";
  m.scenario_name = "太原 baseline";
  m.scenario_text = scenario_text();
  m.created = "2024-06-01T12:00:00Z";
  m.seed = kSeed;
  m.threads = 2;
  m.scale = 0.25;
  m.extra = {{"institution", "测试"}, {"comment", "fixture"}};
  return m;
}

// A fresh directory per test case, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() /
           ("hukou_output_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  bool empty() const { return fs::is_empty(path); }
};

h5::Handle open_file(const fs::path& p) {
  return h5::file(H5Fopen(p.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "H5Fopen " + p.string());
}
h5::Handle open_dataset(hid_t f, const std::string& name) {
  return h5::dataset(H5Dopen2(f, name.c_str(), H5P_DEFAULT), "H5Dopen2 " + name);
}
h5::Handle utf8_type() {
  h5::Handle t = h5::datatype(H5Tcopy(H5T_C_S1), "H5Tcopy");
  REQUIRE(H5Tset_size(t.get(), H5T_VARIABLE) >= 0);
  REQUIRE(H5Tset_cset(t.get(), H5T_CSET_UTF8) >= 0);
  return t;
}

// Checks the stored type is a vlen UTF-8 string, then reads the scalar.
std::string read_string_attr(hid_t obj, const std::string& name) {
  h5::Handle attr = h5::attribute(H5Aopen(obj, name.c_str(), H5P_DEFAULT), "H5Aopen " + name);
  h5::Handle stored = h5::datatype(H5Aget_type(attr.get()), "H5Aget_type");
  REQUIRE(H5Tis_variable_str(stored.get()) > 0);
  REQUIRE(H5Tget_cset(stored.get()) == H5T_CSET_UTF8);
  h5::Handle mem = utf8_type();
  char* p = nullptr;
  REQUIRE(H5Aread(attr.get(), mem.get(), &p) >= 0);
  std::string s(p);
  H5free_memory(p);
  return s;
}

template <class T>
T read_scalar_attr(hid_t obj, const std::string& name, hid_t mem_type) {
  h5::Handle attr = h5::attribute(H5Aopen(obj, name.c_str(), H5P_DEFAULT), "H5Aopen " + name);
  T value{};
  REQUIRE(H5Aread(attr.get(), mem_type, &value) >= 0);
  return value;
}

std::vector<hsize_t> dims_of(hid_t ds) {
  h5::Handle space = h5::dataspace(H5Dget_space(ds), "H5Dget_space");
  std::vector<hsize_t> dims(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space.get())));
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  return dims;
}

std::vector<double> read_doubles(hid_t ds) {
  std::size_t n = 1;
  for (auto d : dims_of(ds)) n *= d;
  std::vector<double> v(n);
  REQUIRE(H5Dread(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()) >= 0);
  return v;
}

std::vector<int> read_ints(hid_t ds) {
  std::vector<int> v(dims_of(ds).at(0));
  REQUIRE(H5Dread(ds, H5T_NATIVE_INT, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()) >= 0);
  return v;
}

// Reads a 1-D or scalar vlen string dataset.
std::vector<std::string> read_strings(hid_t ds) {
  h5::Handle stored = h5::datatype(H5Dget_type(ds), "H5Dget_type");
  REQUIRE(H5Tis_variable_str(stored.get()) > 0);
  REQUIRE(H5Tget_cset(stored.get()) == H5T_CSET_UTF8);
  h5::Handle space = h5::dataspace(H5Dget_space(ds), "H5Dget_space");
  std::vector<char*> ptrs(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get())));
  h5::Handle mem = utf8_type();
  REQUIRE(H5Dread(ds, mem.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()) >= 0);
  std::vector<std::string> out(ptrs.begin(), ptrs.end());
  H5Dvlen_reclaim(mem.get(), space.get(), H5P_DEFAULT, ptrs.data());
  return out;
}

std::string coordinate_of(hid_t ds, unsigned dim) {
  REQUIRE(H5DSget_num_scales(ds, dim) == 1);
  std::string found;
  const auto visit = [](hid_t, unsigned, hid_t scale, void* out) -> herr_t {
    char name[64] = {};
    H5DSget_scale_name(scale, name, sizeof name);
    *static_cast<std::string*>(out) = name;
    return 1;
  };
  int idx = 0;
  REQUIRE(H5DSiterate_scales(ds, dim, &idx, visit, &found) >= 0);
  return found;
}

}  // namespace

TEST_CASE("output writer: run file holds every series with dimensions, values and attributes", "[output]") {
  TempDir dir;
  const fs::path path = dir.path / "run.h5";
  const auto reps = make_replicates();
  const RunMetadata meta = make_meta();

  H5E_auto2_t before = nullptr;
  void* before_data = nullptr;
  H5Eget_auto2(H5E_DEFAULT, &before, &before_data);
  write_run_file(path, reps, meta);
  H5E_auto2_t after = nullptr;
  void* after_data = nullptr;
  H5Eget_auto2(H5E_DEFAULT, &after, &after_data);
  CHECK(after == before);  // error printing restored

  REQUIRE(fs::exists(path));
  CHECK_FALSE(fs::exists(dir.path / "run.h5.tmp"));

  h5::Handle f = open_file(path);
  const hid_t fid = f.get();

  SECTION("creation order tracked and indexed on the root group and variables") {
    // A reopened file's H5Fget_create_plist does not report group properties: ask the group.
    h5::Handle root = {H5Gopen2(fid, "/", H5P_DEFAULT), H5Gclose, "H5Gopen2 /"};
    h5::Handle gcpl = h5::plist(H5Gget_create_plist(root.get()), "H5Gget_create_plist");
    unsigned links = 0, attrs = 0, var_attrs = 0;
    REQUIRE(H5Pget_link_creation_order(gcpl.get(), &links) >= 0);
    REQUIRE(H5Pget_attr_creation_order(gcpl.get(), &attrs) >= 0);
    CHECK(links == (H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED));
    CHECK(attrs == (H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED));
    h5::Handle ds = open_dataset(fid, "settlements");
    h5::Handle dcpl = h5::plist(H5Dget_create_plist(ds.get()), "H5Dget_create_plist");
    REQUIRE(H5Pget_attr_creation_order(dcpl.get(), &var_attrs) >= 0);
    CHECK(var_attrs == (H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED));
  }

  SECTION("coordinates are dimension scales with the right values") {
    h5::Handle replicate = open_dataset(fid, "replicate");
    h5::Handle period = open_dataset(fid, "period");
    h5::Handle zone = open_dataset(fid, "zone");
    h5::Handle channel = open_dataset(fid, "channel");
    h5::Handle group = open_dataset(fid, "group");
    for (hid_t ds : {replicate.get(), period.get(), zone.get(), channel.get(), group.get()})
      CHECK(H5DSis_scale(ds) > 0);
    CHECK(read_ints(replicate.get()) == std::vector<int>{0, 1});
    CHECK(read_ints(period.get()) == kYears);
    CHECK(read_string_attr(period.get(), "units") == "year");
    CHECK(read_strings(zone.get()) == kZones);
    CHECK(read_strings(channel.get()) == kChannels);
    CHECK(read_strings(group.get()) == group_names());
  }

  SECTION("one float64 variable per series, shaped (replicate, ...), all values") {
    for (const SeriesSpec& s : output_series()) {
      INFO(s.name);
      h5::Handle ds = open_dataset(fid, std::string(s.name));
      std::vector<hsize_t> expected{reps.size()};
      for (auto e : reps[0].shape(s.id)) expected.push_back(e);
      CHECK(dims_of(ds.get()) == expected);
      h5::Handle type = h5::datatype(H5Dget_type(ds.get()), "H5Dget_type");
      CHECK(H5Tequal(type.get(), H5T_IEEE_F64LE) > 0);

      std::vector<double> all = reps[0].values(s.id);
      all.insert(all.end(), reps[1].values(s.id).begin(), reps[1].values(s.id).end());
      CHECK(read_doubles(ds.get()) == all);

      CHECK(read_string_attr(ds.get(), "units") == s.units);
      CHECK(read_string_attr(ds.get(), "long_name") == s.long_name);

      const char* third = s.dims == Dims::PZC ? "channel" : "group";
      const std::vector<std::string> names{"replicate", "period", "zone", third};
      for (unsigned d = 0; d < expected.size(); ++d) CHECK(coordinate_of(ds.get(), d) == names[d]);
    }
    h5::Handle settlements = open_dataset(fid, "settlements");
    CHECK(dims_of(settlements.get()) == std::vector<hsize_t>{2, 3, 2, 2});
    const auto v = read_doubles(settlements.get());
    CHECK(v[((1 * 3 + 2) * 2 + 1) * 2 + 0] == 1210.0);  // replicate 1, 2026, 清徐县, talent
    h5::Handle rate = open_dataset(fid, "registered_urbanization_rate");
    CHECK(read_doubles(rate.get())[1 * 3 + 1] == 0.5 + 0.1 + 0.01);
    h5::Handle by_group = open_dataset(fid, "settlements_by_group");
    CHECK(dims_of(by_group.get()) == std::vector<hsize_t>{2, 3, 2, group_names().size()});
  }

  SECTION("root attributes and the scenario text") {
    CHECK(read_string_attr(fid, "tool_version") == "0.1.0");
    CHECK(read_string_attr(fid, "git_commit") == "abcdef123456");
    CHECK(read_string_attr(fid, "scenario_name") == "太原 baseline");
    CHECK(read_string_attr(fid, "created") == "2024-06-01T12:00:00Z");
    CHECK(read_string_attr(fid, "Conventions") == "CF-1.8");
    CHECK(read_string_attr(fid, "institution") == "测试");
    CHECK(read_string_attr(fid, "comment") == "fixture");
    CHECK(read_scalar_attr<std::uint64_t>(fid, "seed", H5T_NATIVE_UINT64) == kSeed);
    CHECK(read_scalar_attr<int>(fid, "threads", H5T_NATIVE_INT) == 2);
    CHECK(read_scalar_attr<double>(fid, "scale", H5T_NATIVE_DOUBLE) == 0.25);
    h5::Handle text = open_dataset(fid, "scenario_text");
    const auto stored = read_strings(text.get());
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].size() > 65536);
    CHECK(stored[0] == meta.scenario_text);
  }
}

TEST_CASE("output writer: an existing run file is replaced", "[output]") {
  TempDir dir;
  const fs::path path = dir.path / "run.h5";
  RunMetadata meta = make_meta();
  write_run_file(path, make_replicates(), meta);
  meta.seed = 7;
  write_run_file(path, {make_replicate(0)}, meta);
  h5::Handle f = open_file(path);
  CHECK(read_scalar_attr<std::uint64_t>(f.get(), "seed", H5T_NATIVE_UINT64) == 7);
  h5::Handle replicate = open_dataset(f.get(), "replicate");
  CHECK(read_ints(replicate.get()) == std::vector<int>{0});
}

TEST_CASE("output writer: a missing directory throws and creates nothing", "[output]") {
  TempDir dir;
  const fs::path path = dir.path / "missing" / "run.h5";
  try {
    write_run_file(path, make_replicates(), make_meta());
    FAIL("no exception");
  } catch (const hukou::fileio::FileError& e) {
    const std::string msg = e.what();
    CHECK_THAT(msg, Catch::Contains(path.string()) && Catch::Contains("does not exist"));
    CHECK(e.refused());
  }
  CHECK(dir.empty());
}

TEST_CASE("output writer: inconsistent replicates throw and leave nothing behind", "[output]") {
  TempDir dir;
  const fs::path path = dir.path / "run.h5";
  auto reps = make_replicates();
  SECTION("zones") { reps[1].zones = {"小店区", "晋源区"}; }
  SECTION("years") { reps[1].years = {2024, 2025, 2027}; }
  SECTION("channels") { reps[1].channels = {"talent"}; }
  SECTION("series length") { reps[1].data[static_cast<std::size_t>(Series::settlements)].pop_back(); }
  CHECK_THROWS_AS(write_run_file(path, reps, make_meta()), OutputError);
  CHECK(dir.empty());
  CHECK_THROWS_AS(write_run_file(path, {}, make_meta()), OutputError);
  CHECK(dir.empty());
}

TEST_CASE("output writer: reserved or repeated extra attributes throw", "[output]") {
  TempDir dir;
  RunMetadata meta = make_meta();
  SECTION("reserved") { meta.extra.push_back({"seed", "1"}); }
  SECTION("underscore") { meta.extra.push_back({"_NCProperties", "x"}); }
  SECTION("repeated") { meta.extra.push_back({"comment", "again"}); }
  CHECK_THROWS_AS(write_run_file(dir.path / "run.h5", make_replicates(), meta), OutputError);
  CHECK(dir.empty());
}

TEST_CASE("output writer: a failure while writing keeps the previous file and removes the .tmp", "[output]") {
  TempDir dir;
  const fs::path path = dir.path / "run.h5";
  write_run_file(path, make_replicates(), make_meta());
  const auto size_before = fs::file_size(path);

  SECTION("a planted file or symlink at the old temporary name is neither used nor removed") {
    fs::create_directory(dir.path / "run.h5.tmp");  // not ours: must survive
    fs::create_symlink(dir.path / "victim", dir.path / ".run.h5.tmp");
    write_run_file(path, make_replicates(), make_meta());
    CHECK(fs::is_directory(dir.path / "run.h5.tmp"));
    CHECK(fs::is_symlink(dir.path / ".run.h5.tmp"));
    CHECK_FALSE(fs::exists(dir.path / "victim"));
    fs::remove(dir.path / "run.h5.tmp");
    fs::remove(dir.path / ".run.h5.tmp");
  }
  SECTION("an error in the middle of the file") {
    auto reps = make_replicates();
    for (auto& r : reps) r.zones[1] = std::string("bad\0zone", 8);
    CHECK_THROWS_WITH(write_run_file(path, reps, make_meta()), Catch::Contains("NUL"));
  }
  for (const auto& e : fs::directory_iterator(dir.path)) CHECK(e.path().filename() == "run.h5");  // no temporary left
  REQUIRE(fs::file_size(path) == size_before);
  h5::Handle f = open_file(path);
  CHECK(read_scalar_attr<std::uint64_t>(f.get(), "seed", H5T_NATIVE_UINT64) == kSeed);
}

// Hidden: run by the ctest output_xarray_fixture before check_xarray.py.
TEST_CASE("output writer: write the xarray fixture", "[.][xarray_fixture]") {
  RunMetadata meta = make_meta();
  meta.seed = 20240601;
  write_run_file(HUKOU_OUTPUT_FIXTURE, make_replicates(), meta);
  CHECK(fs::exists(HUKOU_OUTPUT_FIXTURE));
}
