#include "h5_read.hpp"

#include "h5_objects.hpp"
#include "hdf5_writer.hpp"

namespace hukou::output::h5 {

namespace {
Handle open_dataset(hid_t loc, const std::string& name) {
  if (!has_link(loc, name)) throw OutputError("missing variable '" + name + "'");
  return dataset(H5Dopen2(loc, name.c_str(), H5P_DEFAULT), "cannot open variable '" + name + "'");
}

// A scalar attribute: one element, read into one value (a damaged attribute of
// more elements would be written past it).
Handle open_attr(hid_t obj, const std::string& name) {
  if (H5Aexists(obj, name.c_str()) <= 0) throw OutputError("missing attribute '" + name + "'");
  Handle a = attribute(H5Aopen(obj, name.c_str(), H5P_DEFAULT), "cannot open attribute '" + name + "'");
  Handle space = dataspace(H5Aget_space(a.get()), "H5Aget_space");
  if (H5Sget_simple_extent_npoints(space.get()) != 1)
    throw OutputError("attribute '" + name + "' is not a single value");
  return a;
}

// Far above any real variable; a damaged dataspace claiming more (or failing) is
// refused before a buffer of its size is allocated.
constexpr hssize_t kMaxElements = hssize_t{1} << 28;

std::size_t checked_count(hid_t space, const std::string& name) {
  const hssize_t n = H5Sget_simple_extent_npoints(space);
  if (n < 0 || n > kMaxElements) throw OutputError("variable '" + name + "' has a damaged or absurd size");
  return static_cast<std::size_t>(n);
}

std::size_t count(hid_t ds, const std::string& name) {
  Handle space = dataspace(H5Dget_space(ds), "H5Dget_space");
  return checked_count(space.get(), name);
}

template <class T>
std::vector<T> read_numbers(hid_t loc, const std::string& name, hid_t mem_type) {
  Handle ds = open_dataset(loc, name);
  std::vector<T> v(count(ds.get(), name));
  if (!v.empty()) check(H5Dread(ds.get(), mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()), "cannot read '" + name + "'");
  return v;
}

template <class T>
T read_scalar_attr(hid_t obj, const std::string& name, hid_t mem_type) {
  Handle a = open_attr(obj, name);
  T v{};
  check(H5Aread(a.get(), mem_type, &v), "cannot read attribute '" + name + "'");
  return v;
}
}  // namespace

std::vector<hsize_t> extents(hid_t loc, const std::string& name) {
  Handle ds = open_dataset(loc, name);
  Handle space = dataspace(H5Dget_space(ds.get()), "H5Dget_space");
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0 || rank > H5S_MAX_RANK) throw OutputError("variable '" + name + "' has a damaged dataspace");
  std::vector<hsize_t> ext(static_cast<std::size_t>(rank));
  if (rank > 0) check(H5Sget_simple_extent_dims(space.get(), ext.data(), nullptr), "variable '" + name + "'");
  return ext;
}

bool has_link(hid_t loc, const std::string& name) { return H5Lexists(loc, name.c_str(), H5P_DEFAULT) > 0; }

std::vector<std::pair<std::string, std::string>> read_string_attrs(hid_t obj) {
  std::vector<std::pair<std::string, std::string>> out;
  H5O_info_t info;
  check(H5Oget_info2(obj, &info, H5O_INFO_NUM_ATTRS), "H5Oget_info");
  for (hsize_t i = 0; i < info.num_attrs; ++i) {
    Handle a = attribute(H5Aopen_by_idx(obj, ".", H5_INDEX_CRT_ORDER, H5_ITER_INC, i, H5P_DEFAULT, H5P_DEFAULT),
                         "H5Aopen_by_idx");
    Handle type = datatype(H5Aget_type(a.get()), "H5Aget_type");
    if (H5Tget_class(type.get()) != H5T_STRING) continue;
    const ssize_t len = H5Aget_name(a.get(), 0, nullptr);
    std::string name(static_cast<std::size_t>(std::max<ssize_t>(len, 0)), '\0');
    H5Aget_name(a.get(), name.size() + 1, name.data());
    out.emplace_back(name, read_string_attr(obj, name));
  }
  return out;
}

std::string read_string_attr(hid_t obj, const std::string& name) {
  Handle a = open_attr(obj, name);
  Handle type = utf8_string_type();
  char* p = nullptr;
  check(H5Aread(a.get(), type.get(), &p), "cannot read attribute '" + name + "'");
  std::string s = p ? p : "";
  H5free_memory(p);
  return s;
}

std::uint64_t read_uint64_attr(hid_t obj, const std::string& name) {
  return read_scalar_attr<std::uint64_t>(obj, name, H5T_NATIVE_UINT64);
}
double read_double_attr(hid_t obj, const std::string& name) { return read_scalar_attr<double>(obj, name, H5T_NATIVE_DOUBLE); }
int read_int_attr(hid_t obj, const std::string& name) { return read_scalar_attr<int>(obj, name, H5T_NATIVE_INT); }

std::vector<int> read_ints(hid_t loc, const std::string& name) { return read_numbers<int>(loc, name, H5T_NATIVE_INT); }
std::vector<std::uint64_t> read_uint64s(hid_t loc, const std::string& name) {
  return read_numbers<std::uint64_t>(loc, name, H5T_NATIVE_UINT64);
}

std::vector<double> read_doubles(hid_t loc, const std::string& name, std::vector<hsize_t>* extents) {
  Handle ds = open_dataset(loc, name);
  Handle space = dataspace(H5Dget_space(ds.get()), "H5Dget_space");
  const int rank = H5Sget_simple_extent_ndims(space.get());
  std::vector<hsize_t> ext(static_cast<std::size_t>(std::max(rank, 0)));
  if (rank > 0) H5Sget_simple_extent_dims(space.get(), ext.data(), nullptr);
  if (extents) *extents = ext;
  std::vector<double> v(checked_count(space.get(), name));
  if (!v.empty())
    check(H5Dread(ds.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()), "cannot read '" + name + "'");
  return v;
}

std::vector<std::string> read_strings(hid_t loc, const std::string& name) {
  Handle ds = open_dataset(loc, name);
  Handle type = utf8_string_type();
  std::vector<char*> ptrs(count(ds.get(), name), nullptr);
  if (ptrs.empty()) return {};
  check(H5Dread(ds.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()), "cannot read '" + name + "'");
  std::vector<std::string> out;
  for (char* p : ptrs) {
    out.emplace_back(p ? p : "");
    H5free_memory(p);
  }
  return out;
}

}  // namespace hukou::output::h5
