#include "export.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/python.hpp"
#include "fileio/atomic_file.hpp"
#include "fileio/cleanup.hpp"
#include "fileio/private_dir.hpp"

namespace hukou::cli {

namespace {
namespace fs = std::filesystem;

std::string csv(const output::Table& t, void (*print)(std::ostream&, const output::Table&)) {
  std::ostringstream s;
  print(s, t);
  return s.str();
}

output::Table definitions(const std::vector<NamedTable>& tables) {
  output::Table d;
  d.columns = {{"table", "", ""}, {"column", "", ""}, {"units", "", ""}, {"meaning", "", ""}};
  for (const auto& nt : tables)
    for (const auto& c : nt.table.columns) d.add({nt.name, c.name, c.units, c.long_name});
  return d;
}

output::Table provenance_table(const Provenance& p) {
  output::Table t;
  t.columns = {{"key", "", ""}, {"value", "", ""}};
  for (const auto& [k, v] : p) t.add({k, v});
  return t;
}
}  // namespace

std::string export_problem(const std::string& path) {
  const fs::path p(path);
  if (p.extension() != ".csv" && p.extension() != ".xlsx")
    return "--export " + path + ": expected a file name ending in .csv or .xlsx";
  const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  if (!fs::is_directory(dir)) return "--export " + path + ": directory " + dir.string() + " does not exist";
  return "";
}

int export_tables(const std::string& command, const std::string& path, const std::vector<NamedTable>& tables,
                  const Provenance& provenance) {
  const fs::path out(path);
  try {
    if (out.extension() == ".csv") {
      for (std::size_t i = 0; i < tables.size(); ++i) {
        fs::path p = out;
        if (i > 0) p.replace_filename(out.stem().string() + "_" + tables[i].name + ".csv");
        fileio::write_file_atomically(p, csv(tables[i].table, output::print_csv_export));
        std::cerr << "Wrote " << p.string() << "\n";
      }
      return ok;
    }
    // The workbook is made by the analysis package from the same CSV files, handed
    // over in a private directory; it prints the workbook, written here like every
    // output (fileio's AtomicFile: lock, checks, atomic rename).
    const fileio::PrivateDir bundle("hukou-export");
    std::vector<std::unique_ptr<fileio::CleanupOnSignal>> registered;  // the handler removes only empty directories
    const auto put = [&](const std::string& name, const output::Table& t) {
      const fs::path p = bundle.path() / name;
      registered.push_back(std::make_unique<fileio::CleanupOnSignal>(p.string()));
      fileio::write_file_atomically(p, csv(t, output::print_csv_export));
    };
    for (std::size_t i = 0; i < tables.size(); ++i)
      put(std::to_string(i + 1) + "_" + tables[i].name + ".csv", tables[i].table);
    put("definitions.csv", definitions(tables));
    put("provenance.csv", provenance_table(provenance));
    std::string workbook;
    const int code = run_analysis(command, "export", {bundle.path().string(), "-"}, &workbook);
    if (code != ok) return code;
    fileio::write_file_atomically(out, workbook);
    std::cerr << "Wrote " << out.string() << "\n";
    return ok;
  } catch (const std::exception& e) {
    std::cerr << command << ": cannot export " << path << ": " << e.what() << "\n";
    return failure;
  }
}

}  // namespace hukou::cli
