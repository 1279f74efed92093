// Internal: from text to one TOML table: parsing, `extends` (files or built-ins
// merged under the child) and --set overrides.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "context.hpp"

namespace hukou::scenario::detail {

// Parses `text` as TOML. A syntax error throws a ScenarioError with one diagnostic
// at the place toml++ gives; any bytes are accepted.
toml::table parse_toml(std::string_view text, const std::string& source);

// If `root` has `extends`, reads the parent (recursively) and returns it with
// `root` merged over it; the parents' texts are appended to `source_text` as
// comments. `extends` is removed from the result.
toml::table resolve_extends(Ctx& ctx, toml::table root, const std::string& source,
                            std::string& source_text);

// Applies "key=value" overrides to `root`. Returns the lines to append to the
// source text ("# key = value\n" each).
std::string apply_overrides(Ctx& ctx, toml::table& root, const std::vector<std::string>& overrides);

}  // namespace hukou::scenario::detail
