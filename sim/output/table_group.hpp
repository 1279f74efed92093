// Stores a Table in an existing run file as a group (e.g. "evaluation") that
// xarray opens with `group=`: one variable per column along dimension `row`. The
// file is changed in memory and written back with fileio's AtomicFile, so an
// interrupted write leaves the original intact. An existing group of the same
// name is replaced.
#pragma once
#include <filesystem>
#include <string>

#include "output/table.hpp"

namespace hukou::output {

void store_table(const std::filesystem::path& path, const std::string& group, const Table& t);

}  // namespace hukou::output
