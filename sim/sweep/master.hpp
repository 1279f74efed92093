// The master file DIR/sweep.h5 (output/master_file.hpp): every run file of the
// sweep stitched together along `run`, each swept parameter a variable along it,
// the sweep's record (sweep.info) as root attributes `sweep_*`. A run file that
// does not exist (yet) reads as NaN; the source files are named relative to DIR,
// so the directory can be moved whole. Written with fileio's AtomicFile; shards
// that finish together take turns. Needs one finished run (for the shapes and
// coordinates); throws StoreError otherwise.
#pragma once
#include <filesystem>
#include <vector>

#include "output/master_file.hpp"

namespace hukou::sweep {

// The sensitivity groups of an existing DIR/sweep.h5 are kept; `groups`
// (optional) are added, each replacing a kept one of the same name.
void write_master(const std::filesystem::path& dir, const std::vector<output::LabelledGroup>& groups = {});

}  // namespace hukou::sweep
