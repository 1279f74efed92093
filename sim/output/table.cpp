#include "table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hukou::output {

namespace {
std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;  // code points
  return n;
}

std::string text(const Cell& c, int decimals) {
  if (const auto* s = std::get_if<std::string>(&c)) return *s;
  if (const auto* i = std::get_if<long long>(&c)) return std::to_string(*i);
  char buf[64];
  const double x = std::get<double>(c);
  if (std::isnan(x)) return "n/a";  // for reading; CSV keeps "nan"
  if (decimals >= 0) std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  else if (std::abs(x) >= 1000) std::snprintf(buf, sizeof buf, "%.0f", x);
  else std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

std::string csv_field(const Cell& c) {
  if (const auto* d = std::get_if<double>(&c)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", *d);
    return buf;
  }
  const std::string s = text(c, 0);
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return q + "\"";
}
}  // namespace

void print_text(std::ostream& os, const Table& t) {
  std::vector<std::size_t> w(t.columns.size());
  std::vector<std::vector<std::string>> cells;
  for (std::size_t c = 0; c < t.columns.size(); ++c) w[c] = width(t.columns[c].name);
  for (const auto& row : t.rows) {
    cells.emplace_back();
    for (std::size_t c = 0; c < row.size(); ++c) {
      cells.back().push_back(text(row[c], t.columns[c].decimals));
      w[c] = std::max(w[c], width(cells.back().back()));
    }
  }
  const auto line = [&](const std::vector<std::string>& v) {
    for (std::size_t c = 0; c < v.size(); ++c) {
      const bool left = !t.columns[c].right && c < t.rows.front().size() &&
                        std::holds_alternative<std::string>(t.rows.front()[c]);
      const std::string pad(w[c] - width(v[c]), ' ');
      os << (c ? "  " : "") << (left ? v[c] + pad : pad + v[c]);
    }
    os << "\n";
  };
  std::vector<std::string> head;
  for (const auto& c : t.columns) head.push_back(c.name);
  if (t.rows.empty()) {
    for (std::size_t c = 0; c < head.size(); ++c) os << (c ? "  " : "") << head[c];
    os << "\n";
    return;
  }
  line(head);
  for (const auto& r : cells) line(r);
}

namespace {
void csv_rows(std::ostream& os, const Table& t) {
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) os << (c ? "," : "") << csv_field(row[c]);
    os << "\n";
  }
}
}  // namespace

void print_csv_export(std::ostream& os, const Table& t) {
  os << "\xEF\xBB\xBF";
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const Column& col = t.columns[c];
    os << (c ? "," : "") << csv_field(col.units.empty() ? col.name : col.name + " (" + col.units + ")");
  }
  os << "\n";
  csv_rows(os, t);
}

void print_csv(std::ostream& os, const Table& t) {
  for (std::size_t c = 0; c < t.columns.size(); ++c) os << (c ? "," : "") << csv_field(t.columns[c].name);
  os << "\n";
  csv_rows(os, t);
}

}  // namespace hukou::output
