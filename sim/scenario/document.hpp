// Internal: from parsed text to one TOML table: `extends` (files or built-ins
// merged under the child) and --set overrides. Parsing is toml_reads.hpp's.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "toml_reads.hpp"

namespace hukou::scenario::detail {

// If `root` has `extends`, reads the parent (recursively) and returns it with
// `root` merged over it; the parents' texts are appended to `source_text` as
// comments. `extends` is removed from the result.
toml::table resolve_extends(ReadContext& ctx, toml::table root, const std::string& source,
                            std::string& source_text);

// Applies "key=value" overrides to `root`. Returns the lines to append to the
// source text ("# key = value\n" each).
std::string apply_overrides(ReadContext& ctx, toml::table& root, const std::vector<std::string>& overrides);

}  // namespace hukou::scenario::detail
