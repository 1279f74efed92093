// Reading an input file whole, safely: a FIFO cannot hang the open (O_NONBLOCK),
// fstat on the open file (not the path, which could be swapped) must say it is a
// regular file, so a FIFO, a device (/dev/zero), a directory or a socket is
// refused with a message; and at most max_bytes are read, so a file that grows
// while being read cannot exhaust memory. The file's identity is recorded
// (target_check.hpp): no output of this process may replace it.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace hukou::fileio {

// `what` names the file in messages ("scenario file"). Throws FileError: refused()
// for a file that is not regular, or is larger than max_bytes; otherwise (no such
// file, no permission, an I/O error) not refused.
std::string read_input_file(const std::filesystem::path& path, std::size_t max_bytes, std::string_view what);

// Limits of the inputs (why: each is far above any real file of its kind).
inline constexpr std::size_t kMaxScenarioBytes = std::size_t{4} << 20;  // the largest shipped is ~20 KB
inline constexpr std::size_t kMaxRunFileBytes = std::size_t{4} << 30;   // a run file of 100000 replicates is ~2 GB

}  // namespace hukou::fileio
