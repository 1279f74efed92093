// Whether a run file in a sweep directory is the finished result of that run of
// that sweep: readable (output/hdf5_reader.hpp: complete, undamaged, checked in a
// child process) and carrying the run's index (sweep_run) and the sweep's hash
// (sweep_hash). A file copied from another run or another sweep, truncated or
// empty is not, so `--resume` runs it again and `sweep merge` refuses it.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace hukou::sweep {

// nullopt if the file is absent; "" if it is the run's result; else why not.
std::optional<std::string> run_file_problem(const std::filesystem::path& dir, std::size_t run,
                                            const std::string& hash);

}  // namespace hukou::sweep
