#include "export.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/python.hpp"

namespace hukou::cli {

namespace {
namespace fs = std::filesystem;

// Written to a temporary name and renamed, so a failure leaves no partial file.
void write_file(const fs::path& path, const std::string& text) {
  const fs::path tmp = path.string() + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw std::runtime_error("cannot write " + tmp.string());
    }
  }
  fs::rename(tmp, path);
}

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
        write_file(p, csv(tables[i].table, output::print_csv_export));
        std::cerr << "Wrote " << p.string() << "\n";
      }
      return ok;
    }
    // The workbook is made from the same CSV files, in a bundle beside it.
    const fs::path dir = out.has_parent_path() ? out.parent_path() : fs::path(".");
    const fs::path bundle = dir / ("." + out.filename().string() + ".bundle." + std::to_string(::getpid()));
    fs::create_directories(bundle);
    int code = failure;
    try {
      for (std::size_t i = 0; i < tables.size(); ++i)
        write_file(bundle / (std::to_string(i + 1) + "_" + tables[i].name + ".csv"),
                   csv(tables[i].table, output::print_csv_export));
      write_file(bundle / "definitions.csv", csv(definitions(tables), output::print_csv_export));
      write_file(bundle / "provenance.csv", csv(provenance_table(provenance), output::print_csv_export));
      code = run_analysis(command, "export", {bundle.string(), out.string()});
    } catch (...) {
      std::error_code ec;
      fs::remove_all(bundle, ec);
      throw;
    }
    std::error_code ec;
    fs::remove_all(bundle, ec);
    if (code == ok) std::cerr << "Wrote " << out.string() << "\n";
    return code;
  } catch (const std::exception& e) {
    std::cerr << command << ": cannot export " << path << ": " << e.what() << "\n";
    return failure;
  }
}

}  // namespace hukou::cli
