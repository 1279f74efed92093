// Stores a Table in an existing run file as a group (e.g. "evaluation") that
// xarray opens with `group=`: one variable per column along dimension `row`. The
// file is changed in memory and written back with fileio's AtomicFile, so an
// interrupted write leaves the original intact. An existing group of the same
// name is replaced.
#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "fileio/atomic_file.hpp"
#include "output/table.hpp"

namespace hukou::output {

void store_table(const std::filesystem::path& path, const std::string& group, const Table& t);

// A new file at `path` with each table as a group, laid out as store_table lays
// it out (to hand tables to a reader of run files, such as `hukou report`'s Python),
// built in memory and written with fileio's AtomicFile (`options`).
void write_table_file(const std::filesystem::path& path, const std::vector<std::pair<std::string, Table>>& groups,
                      fileio::WriteOptions options = {});

}  // namespace hukou::output
