// A small table of results (evaluation, comparison): named columns of text,
// integers or numbers. Printed as aligned text or CSV, and stored in a run file as
// an HDF5 group (one variable per column along one dimension).
#pragma once
#include <ostream>
#include <string>
#include <variant>
#include <vector>

namespace hukou::output {

using Cell = std::variant<std::string, long long, double>;

struct Column {
  std::string name, units, long_name;
  int decimals = -1;  // for numbers in text output; -1: 6 significant digits, whole numbers from 1000
  bool right = false;  // right-align text in text output (numbers formatted for reading)
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  void add(std::vector<Cell> row) { rows.push_back(std::move(row)); }
};

void print_text(std::ostream& os, const Table& t);
void print_csv(std::ostream& os, const Table& t);  // RFC 4180 quoting; numbers at full precision
// CSV for spreadsheets: as print_csv, but opening with a UTF-8 byte-order mark (so
// Excel reads Chinese names as UTF-8, not the system's code page) and with each
// column's units in its header, "name (units)", where the column has one.
void print_csv_export(std::ostream& os, const Table& t);

}  // namespace hukou::output
