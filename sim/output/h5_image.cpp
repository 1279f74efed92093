#include "h5_image.hpp"

#include <hdf5_hl.h>

#include <atomic>

namespace hukou::output::h5 {

Handle create_in_memory(hid_t fcpl, hid_t fapl) {
  // 1 MiB steps: a run file is usually a few hundred KB.
  check(H5Pset_fapl_core(fapl, std::size_t{1} << 20, false), "H5Pset_fapl_core");
  // The name is only a label (nothing is opened), but HDF5 takes two open files of
  // one name for the same file: each gets its own.
  static std::atomic<unsigned long> counter{0};
  const std::string label = "hukou-memory-" + std::to_string(++counter) + ".h5";
  return file(H5Fcreate(label.c_str(), H5F_ACC_TRUNC, fcpl, fapl), "cannot create an HDF5 file in memory");
}

std::string file_image(hid_t f) {
  check(H5Fflush(f, H5F_SCOPE_GLOBAL), "cannot flush the HDF5 file in memory");
  const ssize_t size = H5Fget_file_image(f, nullptr, 0);
  if (size < 0) fail("cannot take the HDF5 file's image");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (H5Fget_file_image(f, bytes.data(), bytes.size()) != size) fail("cannot take the HDF5 file's image");
  return bytes;
}

Handle open_image(const std::string& bytes, bool writable) {
  // H5LTopen_file_image copies the buffer (no DONT_COPY flag) and only reads it.
  void* buf = const_cast<char*>(bytes.data());
  return file(H5LTopen_file_image(buf, bytes.size(), writable ? H5LT_FILE_IMAGE_OPEN_RW : 0U),
              "not an HDF5 file, or a damaged one");
}

}  // namespace hukou::output::h5
