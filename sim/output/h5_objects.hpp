// Internal to hukou_output: the netCDF-4 compatible building blocks of a run file
// (vlen UTF-8 strings, scalar attributes, coordinate variables as dimension scales,
// float64 variables attached to them).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/results.hpp"
#include "h5_handles.hpp"

namespace hukou::output::h5 {

// Variable-length, null-terminated UTF-8 string type (used in file and memory).
Handle utf8_string_type();

// Scalar attributes on a file, group or dataset. Strings are vlen UTF-8.
void write_attr(hid_t obj, const std::string& name, const std::string& value);
void write_attr(hid_t obj, const std::string& name, std::uint64_t value);
void write_attr(hid_t obj, const std::string& name, int value);
void write_attr(hid_t obj, const std::string& name, double value);

// A coordinate variable: 1-D dataset `name` that is the dimension scale of dimension `name`.
Handle int_coordinate(hid_t loc, const std::string& name, const std::vector<int>& values);
Handle string_coordinate(hid_t loc, const std::string& name, const std::vector<std::string>& values);

// 1-D variables along one dimension (its scale attached), written whole.
Handle string_variable(hid_t loc, const std::string& name, const std::vector<std::string>& values, hid_t scale);
Handle int_variable(hid_t loc, const std::string& name, const std::vector<int>& values, hid_t scale);
Handle uint64_variable(hid_t loc, const std::string& name, const std::vector<std::uint64_t>& values, hid_t scale);
Handle double_vector(hid_t loc, const std::string& name, const std::vector<double>& values, hid_t scale);

// A new file whose links and attributes keep creation order (netCDF-4 needs it),
// built in memory (h5_image.hpp): file_image() takes its bytes, which fileio's
// AtomicFile writes. `fapl` (else a new access list) gets the core driver set.
Handle create_file(hid_t fapl = H5P_DEFAULT);

// A group whose links and attributes keep creation order (netCDF-4 needs it).
Handle create_group(hid_t loc, const std::string& name);

// A 0-d vlen UTF-8 string variable.
Handle write_scalar_string(hid_t loc, const std::string& name, const std::string& text);

// A float64 variable of the given extents, deflate-compressed in chunks of one
// replicate (extents[0]), with scales[i] attached as dimension i.
Handle double_variable(hid_t loc, const std::string& name, const std::vector<hsize_t>& extents,
                       const std::vector<hid_t>& scales);

// Writes values (row-major, extents[1..]) as entry `index` of the first dimension.
void write_slab(hid_t ds, const std::string& name, std::size_t index,
                const std::vector<double>& values);
// The same at entry `lead` of the leading dimensions (a posterior run's draw, replicate).
void write_slab(hid_t ds, const std::string& name, const std::vector<hsize_t>& lead,
                const std::vector<double>& values);

// An output series' attributes: units, long_name, kind and dimensions (its
// dimension names, space-separated, after `leading` ones such as a master file's
// `run`). Defined in series_attrs.cpp.
void write_series_attrs(hid_t ds, const SeriesSpec& s, const std::vector<std::string>& leading = {});

}  // namespace hukou::output::h5

namespace hukou::output {
struct Table;
// A table as group `name` of an open file: one variable per column along `row`
// (defined in table_group.cpp; store_table lays a group out the same way).
void write_table_group(hid_t file, const std::string& name, const Table& t);
}  // namespace hukou::output
