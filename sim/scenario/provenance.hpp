// Internal: where each value of a scenario came from, read off the merged table.
// toml++ keeps a node's source path when the node is moved, and both `extends`
// (merge) and --set (put) move nodes, so the merged table already knows the file
// of every value: nothing is tracked on the side that could drift from it.
#pragma once
#include <map>
#include <string>

#include <toml++/toml.h>

namespace hukou::scenario::detail {

// Every value of `root` (the table after extends and --set): key -> "file",
// "parent NAME" or "--set", with the keys of loader.hpp's Resolved::origin.
std::map<std::string, std::string> origins(const toml::table& root, const std::string& main_source);

}  // namespace hukou::scenario::detail
