#include "table_group.hpp"

#include <hdf5_hl.h>

#include <numeric>

#include "fileio/atomic_file.hpp"
#include "fileio/input_file.hpp"
#include "h5_image.hpp"
#include "h5_objects.hpp"
#include "h5_read.hpp"
#include "hdf5_writer.hpp"

namespace hukou::output {

namespace fs = std::filesystem;

namespace {
// R's ncdf4 looks a group's variable names up among the dimensions in scope and
// hides every variable named like one (a column `zone` beside the run's `zone`
// dimension would vanish in R), so a table may not use a dimension's name.
void refuse_dimension_names(hid_t file, const std::string& group, const Table& t) {
  for (const Column& col : t.columns) {
    if (H5Lexists(file, col.name.c_str(), H5P_DEFAULT) <= 0) continue;
    const hid_t obj = H5Oopen(file, col.name.c_str(), H5P_DEFAULT);
    if (obj < 0) continue;
    const bool scale = H5Iget_type(obj) == H5I_DATASET && H5DSis_scale(obj) > 0;
    H5Oclose(obj);
    if (scale)
      throw OutputError("column '" + col.name + "' of table '" + group +
                        "' has the name of a dimension of the file; R's ncdf4 would hide it");
  }
}

}  // namespace

void write_table_group(hid_t file, const std::string& name, const Table& t) {
  refuse_dimension_names(file, name, t);
  {
    h5::Handle g = h5::create_group(file, name);
    std::vector<int> ids(t.rows.size());
    std::iota(ids.begin(), ids.end(), 0);
    h5::Handle row = h5::int_coordinate(g.get(), "row", ids);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const Column& col = t.columns[c];
      h5::Handle ds;
      const bool is_text = t.rows.empty() || std::holds_alternative<std::string>(t.rows.front()[c]);
      const bool is_int = !t.rows.empty() && std::holds_alternative<long long>(t.rows.front()[c]);
      if (is_text) {
        std::vector<std::string> v;
        for (const auto& r : t.rows) v.push_back(std::get<std::string>(r[c]));
        ds = h5::string_variable(g.get(), col.name, v, row.get());
      } else if (is_int) {
        std::vector<int> v;
        for (const auto& r : t.rows) v.push_back(static_cast<int>(std::get<long long>(r[c])));
        ds = h5::int_variable(g.get(), col.name, v, row.get());
      } else {
        std::vector<double> v;
        for (const auto& r : t.rows) v.push_back(std::get<double>(r[c]));
        ds = h5::double_vector(g.get(), col.name, v, row.get());
      }
      if (!col.units.empty()) h5::write_attr(ds.get(), "units", col.units);
      h5::write_attr(ds.get(), "long_name", col.long_name);
    }
  }
}

namespace {
// The file's bytes with the group added or replaced, changed in memory (h5_image.hpp).
std::string replace_group(const std::string& bytes, const std::string& name, const Table& t) {
  h5::QuietErrors quiet;
  h5::Handle file = h5::open_image(bytes, true);
  if (H5Lexists(file.get(), name.c_str(), H5P_DEFAULT) > 0)
    h5::check(H5Ldelete(file.get(), name.c_str(), H5P_DEFAULT), "cannot replace group '" + name + "'");
  write_table_group(file.get(), name, t);
  std::string image = h5::file_image(file.get());
  file.close("cannot close");
  return image;
}
}  // namespace

void store_table(const fs::path& path, const std::string& group, const Table& t) {
  // The caller has read (and checked) this run file; it is replaced on purpose.
  const std::string bytes = fileio::read_input_file(path, fileio::kMaxRunFileBytes, "run file");
  std::string image;
  try {
    image = replace_group(bytes, group, t);
  } catch (const std::exception& e) {
    throw OutputError("cannot store '" + group + "' in " + path.string() + ": " + e.what());
  }
  fileio::write_file_atomically(path, image, {.replaces_input = true});
}

void write_table_file(const fs::path& path, const std::vector<std::pair<std::string, Table>>& groups,
                      fileio::WriteOptions options) {
  std::string image;
  try {
    h5::QuietErrors quiet;  // outlives every handle
    h5::Handle file = h5::create_file();
    for (const auto& [name, t] : groups) write_table_group(file.get(), name, t);
    image = h5::file_image(file.get());
    file.close("cannot close the file in memory");
  } catch (const OutputError& e) {
    throw OutputError("cannot write " + path.string() + ": " + e.what());
  }
  fileio::write_file_atomically(path, image, options);  // fileio::FileError names the file
}

namespace {
template <class F>
auto in_group(const fs::path& path, const std::string& group, const std::string& column, F read) {
  h5::QuietErrors quiet;
  try {
    h5::Handle file = h5::file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "cannot open");
    if (!h5::has_link(file.get(), group)) throw OutputError("no group '" + group + "'");
    h5::Handle g = h5::group(H5Gopen2(file.get(), group.c_str(), H5P_DEFAULT), "cannot open group " + group);
    if (!h5::has_link(g.get(), column)) throw OutputError("no variable '" + column + "' in group '" + group + "'");
    return read(g.get());
  } catch (const OutputError& e) {
    throw OutputError("cannot read " + path.string() + ": " + e.what());
  }
}
}  // namespace

std::vector<double> read_number_column(const fs::path& path, const std::string& group, const std::string& column) {
  return in_group(path, group, column, [&](hid_t g) { return h5::read_doubles(g, column); });
}

std::vector<std::string> read_text_column(const fs::path& path, const std::string& group, const std::string& column) {
  return in_group(path, group, column, [&](hid_t g) { return h5::read_strings(g, column); });
}

}  // namespace hukou::output
