// What `hukou sweep` plans before it runs: the shard a task runs (--shard, or a
// Slurm job array's task), and `hukou sweep --dry-run`: the design, this shard's
// share, and an estimate of time and memory from a short timed run. Writes nothing.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>

namespace hukou::cli {

struct Shard {
  std::size_t index = 0, count = 1;
};

// "K/N" when given. Without it, a Slurm array task (SLURM_ARRAY_TASK_ID set) is
// refused: the array's own task range cannot tell the sweep's shard count (a
// resubmitted subset, --array=5,17, would reshard the whole sweep), so the script
// must say --shard "$SLURM_ARRAY_TASK_ID/N". Otherwise 0/1. Returns false with
// `why` set when the text is malformed or the shard count unknown.
bool shard_of(const std::string& text, Shard& shard, std::string& why);

// Prints the design and the estimate for `sweep_file` run into `dir` (which need
// not exist) with `cores` threads; returns the exit code.
int sweep_dry_run(const std::string& sweep_file, const std::filesystem::path& dir, Shard shard, std::size_t cores);

}  // namespace hukou::cli
