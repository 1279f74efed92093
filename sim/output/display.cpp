#include "display.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hukou::output {

std::string percent(double fraction) {
  if (!std::isfinite(fraction)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f%%", fraction * 100);
  return buf;
}

std::string pp(double difference) {
  if (!std::isfinite(difference)) return "n/a";
  const double x = difference * 100;
  if (x == 0) return "0 pp";
  if (std::abs(x) < 0.001) return x > 0 ? "+<0.001 pp" : "-<0.001 pp";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%+.3g pp", x);
  return buf;
}

std::string pp_magnitude(double size) {
  if (!std::isfinite(size)) return "n/a";
  const double x = std::abs(size) * 100;
  if (x == 0) return "0 pp";
  if (x < 0.001) return "<0.001 pp";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3g pp", x);
  return buf;
}

std::string whole(double v, bool sign) {
  if (!std::isfinite(v)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", std::abs(v));
  std::string digits = buf, out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  const bool zero = digits == "0";
  if (v < 0 && !zero) return "-" + out;
  return (sign && !zero ? "+" : "") + out;
}

Table for_reading(const Table& t, const std::vector<std::string>& levels, const std::vector<std::string>& differences,
                  const std::string& units_column, const std::vector<std::string>& magnitudes) {
  Table out = t;
  std::size_t u = t.columns.size();
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (t.columns[c].name == units_column) u = c;
  const auto has = [](const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const bool level = has(levels, t.columns[c].name), diff = has(differences, t.columns[c].name),
               size = has(magnitudes, t.columns[c].name);
    if (!level && !diff && !size) continue;
    out.columns[c].right = true;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const auto* x = std::get_if<double>(&t.rows[r][c]);
      if (!x) continue;
      const std::string& units = u < t.columns.size() ? std::get<std::string>(t.rows[r][u]) : t.columns[c].units;
      const bool rate = units == "1";
      if (size)
        out.rows[r][c] = rate ? pp_magnitude(*x) : whole(std::abs(*x));
      else
        out.rows[r][c] = rate ? (diff ? pp(*x) : percent(*x)) : whole(*x, diff);
    }
  }
  return out;
}

}  // namespace hukou::output
