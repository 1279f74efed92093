#include "scenario.hpp"

#include <cstdio>

namespace hukou {

namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int day_of_year(int y, int m, int d) {
  static constexpr int cum[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  return cum[m - 1] + d + (m > 2 && leap(y) ? 1 : 0);
}
}  // namespace

double Date::as_year() const {
  return year + (day_of_year(year, month, day) - 1) / (leap(year) ? 366.0 : 365.0);
}

std::string Date::str() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

}  // namespace hukou
