// Public: the keys of a scenario file's own tables (top level, [[zones]],
// [[channels]], [public_rental], [[events]], [[targets]], [county_score]), from
// keys.def. The loader checks keys against it; `hukou docs parameters` lists it.
#pragma once
#include <span>
#include <string_view>
#include <vector>

namespace hukou::scenario {

struct TableKeySpec {
  std::string_view table;  // "" for the top level
  std::string_view key, type, unit, required, def;
  double lo, hi;  // bounds of integer and number keys
  std::string_view description;
};

std::span<const TableKeySpec> table_key_registry();
// The tables, in keys.def order ("" first).
std::vector<std::string_view> key_tables();
// The keys of one table, in keys.def order.
std::vector<std::string_view> table_keys(std::string_view table);
// One key's declaration; throws std::logic_error if keys.def has no such key (a
// reader asking for an undeclared key is a programming error).
const TableKeySpec& table_key(std::string_view table, std::string_view key);

}  // namespace hukou::scenario
