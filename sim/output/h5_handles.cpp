#include "h5_handles.hpp"

#include <vector>

#include "hdf5_writer.hpp"

namespace hukou::output::h5 {

namespace {

struct StackEntry {
  std::string func, desc;
};

herr_t collect(unsigned /*n*/, const H5E_error2_t* err, void* client) {
  auto* entries = static_cast<std::vector<StackEntry>*>(client);
  entries->push_back({err->func_name ? err->func_name : "", err->desc ? err->desc : ""});
  return 0;
}

}  // namespace

std::string take_error_stack() {
  std::vector<StackEntry> entries;
  // Downward: the failing API call first, the innermost cause last.
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect, &entries);
  H5Eclear2(H5E_DEFAULT);
  if (entries.empty()) return "no HDF5 error details";
  std::string text = entries.front().func + "(): " + entries.front().desc;
  if (entries.size() > 1) {
    const StackEntry& inner = entries.back();
    text += " [" + inner.func + "(): " + inner.desc + "]";
  }
  return text;
}

void fail(const std::string& what) { throw OutputError(what + ": " + take_error_stack()); }

}  // namespace hukou::output::h5
