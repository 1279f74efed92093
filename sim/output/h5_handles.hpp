// Internal to hukou_output: RAII ownership of HDF5 identifiers and conversion of the
// HDF5 error stack into OutputError.
#pragma once
#include <hdf5.h>

#include <string>
#include <utility>

namespace hukou::output::h5 {

// Link and attribute creation order, tracked and indexed (netCDF-4 needs it to append).
inline constexpr unsigned kCreationOrder = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;

// Describes the current HDF5 error stack (the API call that failed and the innermost
// cause) and clears it. Returns "no HDF5 error details" if the stack is empty.
std::string take_error_stack();

// Throws OutputError("<what>: <HDF5 error stack>").
[[noreturn]] void fail(const std::string& what);

inline void check(herr_t status, const std::string& what) {
  if (status < 0) fail(what);
}

// While alive, HDF5 prints nothing on errors (H5Eset_auto2); the previous handler is
// restored on destruction. Declare it before any Handle so it outlives them.
class QuietErrors {
 public:
  QuietErrors() noexcept {
    H5Eget_auto2(H5E_DEFAULT, &func_, &data_);
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }
  ~QuietErrors() { H5Eset_auto2(H5E_DEFAULT, func_, data_); }
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;

 private:
  H5E_auto2_t func_ = nullptr;
  void* data_ = nullptr;
};

// Owns one hid_t and closes it with the matching H5?close function.
class Handle {
 public:
  using Closer = herr_t (*)(hid_t);

  Handle() noexcept = default;
  // Takes ownership of `id`; throws OutputError naming `what` if `id` is invalid.
  Handle(hid_t id, Closer closer, const std::string& what) : id_(id), closer_(closer) {
    if (id_ < 0) fail(what);
  }
  Handle(Handle&& other) noexcept
      : id_(std::exchange(other.id_, H5I_INVALID_HID)), closer_(other.closer_) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
      closer_ = other.closer_;
    }
    return *this;
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { reset(); }

  hid_t get() const noexcept { return id_; }

  // Closes now and reports failure (for the file itself, where close writes data).
  void close(const std::string& what) {
    const hid_t id = std::exchange(id_, H5I_INVALID_HID);
    if (id >= 0 && closer_(id) < 0) fail(what);
  }
  // Closes now, ignoring failure (destructor and error paths).
  void reset() noexcept {
    if (id_ >= 0) closer_(std::exchange(id_, H5I_INVALID_HID));
  }

 private:
  hid_t id_ = H5I_INVALID_HID;
  Closer closer_ = nullptr;
};

inline Handle file(hid_t id, const std::string& what) { return {id, H5Fclose, what}; }
inline Handle dataset(hid_t id, const std::string& what) { return {id, H5Dclose, what}; }
inline Handle dataspace(hid_t id, const std::string& what) { return {id, H5Sclose, what}; }
inline Handle datatype(hid_t id, const std::string& what) { return {id, H5Tclose, what}; }
inline Handle attribute(hid_t id, const std::string& what) { return {id, H5Aclose, what}; }
inline Handle plist(hid_t id, const std::string& what) { return {id, H5Pclose, what}; }
inline Handle group(hid_t id, const std::string& what) { return {id, H5Gclose, what}; }

}  // namespace hukou::output::h5
