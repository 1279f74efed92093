// Internal to hukou_output: HDF5 files held in memory. The library never opens a
// path: a file is built in memory (the core driver, no backing store) and its
// bytes are written by fileio's AtomicFile; a file is read from bytes that
// fileio's read_input_file read. So every disk error is met by our own write(2)
// and reported, and the library cannot be left half-closed by a failed write:
// in HDF5 1.10 an H5Fclose that fails while flushing (disk full, ulimit -f)
// leaves a file ID whose object was freed, and the library's exit handler
// (H5_term_library -> H5F__close_cb) then dereferences it and segfaults.
#pragma once
#include <string>

#include "h5_handles.hpp"

namespace hukou::output::h5 {

// A new, empty file in memory, with the given creation and access properties
// (an access list gets the core driver set on it).
Handle create_in_memory(hid_t fcpl, hid_t fapl);

// The bytes of an open file (flushed first). Close every object in it before.
std::string file_image(hid_t file);

// Opens a file image (copied: `bytes` may go away); writable opens a copy that
// file_image() then returns with the changes.
Handle open_image(const std::string& bytes, bool writable);

}  // namespace hukou::output::h5
