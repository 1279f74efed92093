// Fuzz target: any bytes as a run file, read the way `hukou evaluate` and `compare`
// read one (output::read_run_bytes: identity and shape checks, a first reading in a
// child process, then the reading here). An OutputError is the only way out besides
// a RunFile; a crash in this process is a bug. (A crash inside the HDF5 library in
// the child is the damage being caught, not a bug.)
#include <cstddef>
#include <cstdint>
#include <string>

#include "output/hdf5_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    hukou::output::read_run_bytes(bytes, "fuzz.h5");
  } catch (const hukou::output::OutputError&) {
  }
  return 0;
}
