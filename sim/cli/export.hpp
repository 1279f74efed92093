// `--export FILE` of the commands that print tables (evaluate, compare): FILE.csv
// (one CSV per table: the first as FILE, the others as FILE's stem + "_" + the
// table's name + ".csv"; UTF-8 with a byte-order mark, units in the headers) or
// FILE.xlsx (one workbook: a sheet per table, definitions, provenance; made by the
// analysis package from the same CSV files).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "output/table.hpp"

namespace hukou::cli {

struct NamedTable {
  std::string name;  // sheet and file-name suffix: "evaluation", "county_scores"
  output::Table table;
};
using Provenance = std::vector<std::pair<std::string, std::string>>;

// "" when `path` can be exported to (ends in .csv or .xlsx, in an existing
// directory), else why not: checked before any work is done.
std::string export_problem(const std::string& path);

// Writes the export; returns the exit code (messages on stderr, "Wrote ..." too).
int export_tables(const std::string& command, const std::string& path, const std::vector<NamedTable>& tables,
                  const Provenance& provenance);

}  // namespace hukou::cli
