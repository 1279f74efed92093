#include "h5_objects.hpp"

#include <hdf5_hl.h>

#include "h5_image.hpp"
#include "hdf5_writer.hpp"

namespace hukou::output::h5 {

namespace {

// HDF5 strings end at the first NUL, so a name containing one would be cut silently.
const char* c_string(const std::string& s, const std::string& what) {
  if (s.find('\0') != std::string::npos) throw OutputError(what + " contains a NUL character");
  return s.c_str();
}

// Attribute creation: names may be UTF-8 (extra attributes come from users).
Handle attr_plist() {
  Handle acpl = plist(H5Pcreate(H5P_ATTRIBUTE_CREATE), "H5Pcreate(attribute)");
  check(H5Pset_char_encoding(acpl.get(), H5T_CSET_UTF8), "H5Pset_char_encoding");
  return acpl;
}

void write_scalar_attr(hid_t obj, const std::string& name, hid_t file_type, hid_t mem_type,
                       const void* value) {
  const std::string what = "attribute '" + name + "'";
  Handle acpl = attr_plist();
  Handle space = dataspace(H5Screate(H5S_SCALAR), "H5Screate(scalar)");
  Handle attr = attribute(
      H5Acreate2(obj, c_string(name, what), file_type, space.get(), acpl.get(), H5P_DEFAULT),
      "cannot create " + what);
  check(H5Awrite(attr.get(), mem_type, value), "cannot write " + what);
}

// Dataset creation: attribute creation order tracked (netCDF-4 requires it to add
// attributes later), no modification times (identical inputs give identical files),
// chunked and deflated if `chunk` is given.
Handle dataset_plist(const std::vector<hsize_t>& chunk) {
  Handle dcpl = plist(H5Pcreate(H5P_DATASET_CREATE), "H5Pcreate(dataset)");
  check(H5Pset_attr_creation_order(dcpl.get(), kCreationOrder), "H5Pset_attr_creation_order");
  check(H5Pset_obj_track_times(dcpl.get(), 0), "H5Pset_obj_track_times");
  if (!chunk.empty()) {
    check(H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data()), "H5Pset_chunk");
    check(H5Pset_deflate(dcpl.get(), 1), "H5Pset_deflate");
  }
  return dcpl;
}

Handle simple_space(const std::vector<hsize_t>& extents) {
  return dataspace(H5Screate_simple(static_cast<int>(extents.size()), extents.data(), nullptr),
                   "H5Screate_simple");
}

Handle create_dataset(hid_t loc, const std::string& name, hid_t type, hid_t space, hid_t dcpl) {
  const std::string what = "variable '" + name + "'";
  return dataset(H5Dcreate2(loc, c_string(name, what), type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT),
                 "cannot create " + what);
}

void make_scale(hid_t ds, const std::string& name) {
  check(H5DSset_scale(ds, name.c_str()), "cannot make '" + name + "' a dimension scale");
}

}  // namespace

Handle utf8_string_type() {
  Handle t = datatype(H5Tcopy(H5T_C_S1), "H5Tcopy");
  check(H5Tset_size(t.get(), H5T_VARIABLE), "H5Tset_size");
  check(H5Tset_cset(t.get(), H5T_CSET_UTF8), "H5Tset_cset");
  check(H5Tset_strpad(t.get(), H5T_STR_NULLTERM), "H5Tset_strpad");
  return t;
}

void write_attr(hid_t obj, const std::string& name, const std::string& value) {
  Handle type = utf8_string_type();
  const char* p = c_string(value, "attribute '" + name + "'");
  write_scalar_attr(obj, name, type.get(), type.get(), &p);
}

void write_attr(hid_t obj, const std::string& name, std::uint64_t value) {
  write_scalar_attr(obj, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, &value);
}

void write_attr(hid_t obj, const std::string& name, int value) {
  write_scalar_attr(obj, name, H5T_STD_I32LE, H5T_NATIVE_INT, &value);
}

void write_attr(hid_t obj, const std::string& name, double value) {
  write_scalar_attr(obj, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &value);
}

Handle int_coordinate(hid_t loc, const std::string& name, const std::vector<int>& values) {
  Handle space = simple_space({values.size()});
  Handle dcpl = dataset_plist({});
  Handle ds = create_dataset(loc, name, H5T_STD_I32LE, space.get(), dcpl.get());
  if (!values.empty())
    check(H5Dwrite(ds.get(), H5T_NATIVE_INT, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
          "cannot write variable '" + name + "'");
  make_scale(ds.get(), name);
  return ds;
}

Handle string_coordinate(hid_t loc, const std::string& name, const std::vector<std::string>& values) {
  std::vector<const char*> ptrs;
  ptrs.reserve(values.size());
  for (const auto& v : values) ptrs.push_back(c_string(v, "a value of '" + name + "'"));
  Handle type = utf8_string_type();
  Handle space = simple_space({values.size()});
  Handle dcpl = dataset_plist({});
  Handle ds = create_dataset(loc, name, type.get(), space.get(), dcpl.get());
  if (!values.empty())
    check(H5Dwrite(ds.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()),
          "cannot write variable '" + name + "'");
  make_scale(ds.get(), name);
  return ds;
}

namespace {
Handle numeric_variable(hid_t loc, const std::string& name, hid_t file_type, hid_t mem_type, const void* data,
                        std::size_t n, hid_t scale) {
  Handle space = simple_space({n});
  Handle dcpl = dataset_plist({});
  Handle ds = create_dataset(loc, name, file_type, space.get(), dcpl.get());
  if (n) check(H5Dwrite(ds.get(), mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), "cannot write variable '" + name + "'");
  check(H5DSattach_scale(ds.get(), scale, 0), "cannot attach the dimension of variable '" + name + "'");
  return ds;
}
}  // namespace

Handle string_variable(hid_t loc, const std::string& name, const std::vector<std::string>& values, hid_t scale) {
  std::vector<const char*> ptrs;
  ptrs.reserve(values.size());
  for (const auto& v : values) ptrs.push_back(c_string(v, "a value of '" + name + "'"));
  Handle type = utf8_string_type();
  return numeric_variable(loc, name, type.get(), type.get(), ptrs.data(), ptrs.size(), scale);
}

Handle int_variable(hid_t loc, const std::string& name, const std::vector<int>& values, hid_t scale) {
  return numeric_variable(loc, name, H5T_STD_I32LE, H5T_NATIVE_INT, values.data(), values.size(), scale);
}

Handle uint64_variable(hid_t loc, const std::string& name, const std::vector<std::uint64_t>& values, hid_t scale) {
  return numeric_variable(loc, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, values.data(), values.size(), scale);
}

Handle double_vector(hid_t loc, const std::string& name, const std::vector<double>& values, hid_t scale) {
  return numeric_variable(loc, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, values.data(), values.size(), scale);
}

Handle create_file(hid_t fapl) {
  Handle fcpl = plist(H5Pcreate(H5P_FILE_CREATE), "H5Pcreate(file create)");
  check(H5Pset_link_creation_order(fcpl.get(), kCreationOrder), "H5Pset_link_creation_order");
  check(H5Pset_attr_creation_order(fcpl.get(), kCreationOrder), "H5Pset_attr_creation_order");
  Handle own;  // create_in_memory sets the core driver on the access list: never on H5P_DEFAULT
  if (fapl == H5P_DEFAULT) {
    own = plist(H5Pcreate(H5P_FILE_ACCESS), "H5Pcreate(file access)");
    fapl = own.get();
  }
  return create_in_memory(fcpl.get(), fapl);
}

Handle create_group(hid_t loc, const std::string& name) {
  Handle gcpl = plist(H5Pcreate(H5P_GROUP_CREATE), "H5Pcreate(group)");
  check(H5Pset_link_creation_order(gcpl.get(), kCreationOrder), "H5Pset_link_creation_order");
  check(H5Pset_attr_creation_order(gcpl.get(), kCreationOrder), "H5Pset_attr_creation_order");
  const std::string what = "group '" + name + "'";
  return group(H5Gcreate2(loc, c_string(name, what), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT), "cannot create " + what);
}

Handle write_scalar_string(hid_t loc, const std::string& name, const std::string& text) {
  const char* p = c_string(text, "variable '" + name + "'");
  Handle type = utf8_string_type();
  Handle space = dataspace(H5Screate(H5S_SCALAR), "H5Screate(scalar)");
  Handle dcpl = dataset_plist({});
  Handle ds = create_dataset(loc, name, type.get(), space.get(), dcpl.get());
  check(H5Dwrite(ds.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, &p),
        "cannot write variable '" + name + "'");
  return ds;
}

Handle double_variable(hid_t loc, const std::string& name, const std::vector<hsize_t>& extents,
                       const std::vector<hid_t>& scales) {
  // One chunk per replicate; HDF5 chunks cannot have a zero extent.
  std::vector<hsize_t> chunk(extents);
  chunk[0] = 1;
  bool empty = false;
  for (auto e : extents) empty = empty || e == 0;
  if (empty) chunk.clear();
  Handle space = simple_space(extents);
  Handle dcpl = dataset_plist(chunk);
  Handle ds = create_dataset(loc, name, H5T_IEEE_F64LE, space.get(), dcpl.get());
  for (std::size_t i = 0; i < scales.size(); ++i)
    check(H5DSattach_scale(ds.get(), scales[i], static_cast<unsigned>(i)),
          "cannot attach dimension " + std::to_string(i) + " of variable '" + name + "'");
  return ds;
}

void write_slab(hid_t ds, const std::string& name, std::size_t index,
                const std::vector<double>& values) {
  write_slab(ds, name, std::vector<hsize_t>{index}, values);
}

void write_slab(hid_t ds, const std::string& name, const std::vector<hsize_t>& lead,
                const std::vector<double>& values) {
  if (values.empty()) return;
  Handle file_space = dataspace(H5Dget_space(ds), "H5Dget_space");
  const int rank = H5Sget_simple_extent_ndims(file_space.get());
  if (rank < static_cast<int>(lead.size()) || lead.empty()) fail("H5Sget_simple_extent_ndims");
  std::vector<hsize_t> start(static_cast<std::size_t>(rank), 0), count(start.size());
  if (H5Sget_simple_extent_dims(file_space.get(), count.data(), nullptr) < 0)
    fail("H5Sget_simple_extent_dims");
  for (std::size_t i = 0; i < lead.size(); ++i) start[i] = lead[i], count[i] = 1;
  check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(),
                            nullptr),
        "H5Sselect_hyperslab");
  Handle mem_space = simple_space({values.size()});
  const std::string at = lead.size() == 1 ? "replicate " + std::to_string(lead[0])
                                           : "draw " + std::to_string(lead[0]) + ", replicate " + std::to_string(lead[1]);
  check(H5Dwrite(ds, H5T_NATIVE_DOUBLE, mem_space.get(), file_space.get(), H5P_DEFAULT,
                 values.data()),
        "cannot write " + at + " of variable '" + name + "'");
}

}  // namespace hukou::output::h5
