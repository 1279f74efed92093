// Internal: typed reads of TOML values. Each checks the value's type (and range),
// reports what was expected and what was found, and returns nothing on a problem.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "context.hpp"
#include "core/scenario.hpp"

namespace hukou::scenario::detail {

// "a string", "an integer", "a float", "a boolean", "a table", "an array", ...
std::string describe(const toml::node& n);
// Shortest round-trip text of a number: 0.1, 1e-05, 1000000.
std::string fmt(double v);
// "'x'", for names in messages.
std::string quote(std::string_view s);
// "a, b, c" (each quoted).
std::string list(const std::vector<std::string_view>& names);

// A number (integer or float), finite; with bounds, in [lo, hi].
std::optional<double> read_number(Ctx& ctx, const toml::node& n, const std::string& key);
std::optional<double> read_number(Ctx& ctx, const toml::node& n, const std::string& key,
                                  double lo, double hi, std::string_view unit = {});
std::optional<std::int64_t> read_integer(Ctx& ctx, const toml::node& n, const std::string& key,
                                         std::int64_t lo, std::int64_t hi,
                                         std::string_view unit = {});
std::optional<bool> read_bool(Ctx& ctx, const toml::node& n, const std::string& key);
std::optional<std::string> read_string(Ctx& ctx, const toml::node& n, const std::string& key,
                                       bool nonempty = false);
// A non-empty string without tab or line break (a zone's name).
std::optional<std::string> read_name(Ctx& ctx, const toml::node& n, const std::string& key);
// A string of [a-z0-9_]+.
std::optional<std::string> read_identifier(Ctx& ctx, const toml::node& n, const std::string& key);
// A TOML local date, or a "YYYY-MM-DD" string.
std::optional<hukou::Date> read_date(Ctx& ctx, const toml::node& n, const std::string& key);

// "path.key" (or "key" at the top level).
std::string join_key(std::string_view path, std::string_view key);
// "; did you mean 'x'?" when a candidate is near, else "; valid KIND: 'a', 'b'"
// (or "" when there are no candidates).
std::string suggest(std::string_view word, const std::vector<std::string_view>& candidates,
                    std::string_view kind);
// Reports each key of `t` that is not in `valid`.
void check_keys(Ctx& ctx, const toml::table& t, std::string_view path,
                const std::vector<std::string_view>& valid, std::string_view where);
// The value of key `k` of `t`, or an error "missing required key" at `where`.
const toml::node* require(Ctx& ctx, const toml::table& t, std::string_view k,
                          std::string_view path, const toml::source_region& where);

}  // namespace hukou::scenario::detail
