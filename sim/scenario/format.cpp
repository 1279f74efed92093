#include "format.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace hukou::scenario {

namespace {
constexpr double INF = std::numeric_limits<double>::infinity();
constexpr TableKeySpec kKeys[] = {
#define X(table, key, type, unit, required, def, lo, hi, desc) {table, #key, type, unit, required, def, lo, hi, desc},
#include "keys.def"
#undef X
};
}  // namespace

std::span<const TableKeySpec> table_key_registry() { return kKeys; }

std::vector<std::string_view> key_tables() {
  std::vector<std::string_view> out;
  for (const auto& k : kKeys)
    if (std::find(out.begin(), out.end(), k.table) == out.end()) out.push_back(k.table);
  return out;
}

std::vector<std::string_view> table_keys(std::string_view table) {
  std::vector<std::string_view> out;
  for (const auto& k : kKeys)
    if (k.table == table) out.push_back(k.key);
  return out;
}

const TableKeySpec& table_key(std::string_view table, std::string_view key) {
  for (const auto& k : kKeys)
    if (k.table == table && k.key == key) return k;
  throw std::logic_error("keys.def declares no key '" + std::string(key) + "' in table '" + std::string(table) + "'");
}

}  // namespace hukou::scenario
