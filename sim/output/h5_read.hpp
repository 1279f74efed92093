// Internal to hukou_output: reading back the building blocks of a run file.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "h5_handles.hpp"

namespace hukou::output::h5 {

bool has_link(hid_t loc, const std::string& name);
// A dataset's extents (empty for a scalar).
std::vector<hsize_t> extents(hid_t loc, const std::string& name);
// Every string attribute of an object, in creation order.
std::vector<std::pair<std::string, std::string>> read_string_attrs(hid_t obj);
std::string read_string_attr(hid_t obj, const std::string& name);
std::uint64_t read_uint64_attr(hid_t obj, const std::string& name);
double read_double_attr(hid_t obj, const std::string& name);
int read_int_attr(hid_t obj, const std::string& name);

// Whole datasets; the vector's size is the dataset's element count.
std::vector<int> read_ints(hid_t loc, const std::string& name);
std::vector<std::uint64_t> read_uint64s(hid_t loc, const std::string& name);
std::vector<double> read_doubles(hid_t loc, const std::string& name, std::vector<hsize_t>* extents = nullptr);
std::vector<std::string> read_strings(hid_t loc, const std::string& name);  // 1-D or scalar vlen strings

}  // namespace hukou::output::h5
