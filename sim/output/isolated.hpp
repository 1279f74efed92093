// Runs a piece of code in a child process, so that a crash inside it cannot take
// this process down. Used to read input HDF5 files: the HDF5 library trusts a
// file's metadata, and a damaged file (a flipped bit in a B-tree node or a
// heap address) can make it read out of bounds and segfault, which no error check
// of ours can catch. The child (fork, no exec) runs `work`; this process waits
// and reports how it ended.
#pragma once
#include <functional>
#include <optional>
#include <string>

namespace hukou::output {

// nullopt if `work` returned normally in the child; otherwise what went wrong: the
// message of the exception it threw, or how the child ended ("it crashed the
// HDF5 library (signal 11, SIGSEGV)", "it took more than N s"). The child's own
// stderr is discarded (a sanitizer's report of the crash would be noise).
std::optional<std::string> run_isolated(const std::function<void()>& work, int timeout_seconds);

}  // namespace hukou::output
