// Reading back a master file's labelled groups (master_file.hpp), so that a
// rewrite keeps the results stored in them.
#include <hdf5.h>

#include "h5_objects.hpp"
#include "h5_read.hpp"
#include "hdf5_writer.hpp"
#include "master_file.hpp"

namespace hukou::output {

namespace fs = std::filesystem;

namespace {
herr_t collect(hid_t, const char* name, const H5L_info_t*, void* out) {
  static_cast<std::vector<std::string>*>(out)->emplace_back(name);
  return 0;
}

// Names in creation order (write_master_file tracks it: the coordinate comes first).
std::vector<std::string> links(hid_t loc) {
  std::vector<std::string> names;
  hsize_t idx = 0;
  h5::check(H5Literate(loc, H5_INDEX_CRT_ORDER, H5_ITER_INC, &idx, collect, &names), "cannot list a group");
  return names;
}

std::string attr_or_empty(hid_t obj, const std::string& name) {
  for (const auto& [k, v] : h5::read_string_attrs(obj))
    if (k == name) return v;
  return "";
}

LabelledGroup read_group(hid_t file, const std::string& name) {
  h5::Handle g = h5::group(H5Gopen2(file, name.c_str(), H5P_DEFAULT), "cannot open group '" + name + "'");
  const std::vector<std::string> vars = links(g.get());
  if (vars.empty()) throw OutputError("group '" + name + "' is empty");
  LabelledGroup out{name, vars.front(), h5::read_strings(g.get(), vars.front()), {}, h5::read_string_attrs(g.get())};
  for (std::size_t i = 1; i < vars.size(); ++i) {
    h5::Handle ds = h5::dataset(H5Dopen2(g.get(), vars[i].c_str(), H5P_DEFAULT), "cannot open '" + vars[i] + "'");
    out.columns.push_back({vars[i], attr_or_empty(ds.get(), "units"), attr_or_empty(ds.get(), "long_name"),
                           h5::read_doubles(g.get(), vars[i])});
  }
  return out;
}
}  // namespace

std::vector<LabelledGroup> read_labelled_groups(const fs::path& path, const std::string& prefix) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return {};
  h5::QuietErrors quiet;
  try {
    h5::Handle f = h5::file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "cannot open");
    std::vector<LabelledGroup> out;
    for (const auto& name : links(f.get()))
      if (name.starts_with(prefix)) {
        const hid_t o = H5Oopen(f.get(), name.c_str(), H5P_DEFAULT);
        const bool is_group = o >= 0 && H5Iget_type(o) == H5I_GROUP;
        if (o >= 0) H5Oclose(o);
        if (is_group) out.push_back(read_group(f.get(), name));
      }
    return out;
  } catch (const OutputError& e) {
    throw OutputError("cannot read the stored results of " + path.string() + ": " + e.what());
  }
}

}  // namespace hukou::output
