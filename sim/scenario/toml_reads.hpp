// Public: the reading kit for TOML tables that the scenario loader and the sweep
// files share, so both report problems alike: every problem of a file at once,
// each at file:line:column with its key and what was expected, and unknown keys
// with "did you mean". A reader reports to a ReadContext and returns nothing on a
// problem; throw_if_errors() then throws one ScenarioError with them all.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "core/scenario.hpp"
#include "diagnostics.hpp"

namespace hukou::scenario {

// Values given with --set are parsed with the source path kSetSource + KEY, so a
// problem with such a value is reported as file "--set", line 0, key KEY.
inline constexpr std::string_view kSetSource = "\x1f--set:";
inline constexpr std::string_view kSetFile = "--set";

// The state of one read: collects diagnostics, turns toml++ source regions into
// file:line:column, and keeps each source's text so that places inside strings
// (condition errors) can be found.
class ReadContext {
 public:
  explicit ReadContext(std::string main_source);

  const std::string& main_source() const { return main_; }
  // Registers the text of a source (the main file, each file it extends).
  void add_text(const std::string& source, std::string text);
  const std::string* text_of(std::string_view source) const;
  // The sources registered, in order: the main file, then each file it extends.
  std::vector<std::string> sources() const {
    std::vector<std::string> out;
    for (const auto& [s, t] : texts_) out.push_back(s);
    return out;
  }

  void error(const toml::source_region& at, std::string key, std::string message);
  void error(const toml::node& at, std::string key, std::string message) {
    error(at.source(), std::move(key), std::move(message));
  }
  // At the start of the main file (for keys missing from the whole file).
  void error_top(std::string key, std::string message);
  void add(Diagnostic d) { diags_.push_back(std::move(d)); }
  // The --set keys in the order given, so that their diagnostics keep that order.
  void add_set_key(std::string key) { set_keys_.push_back(std::move(key)); }

  bool has_errors() const { return !diags_.empty(); }
  std::size_t error_count() const { return diags_.size(); }
  // Main file first, then extended files in the order registered, then --set (in
  // the order given) and the rest; within a file by line and column.
  std::vector<Diagnostic> sorted() const;
  // Throws one ScenarioError with every diagnostic, if there are any.
  void throw_if_errors() const;

 private:
  std::string main_;
  std::vector<std::pair<std::string, std::string>> texts_;  // source -> text
  std::vector<Diagnostic> diags_;
  std::vector<std::string> set_keys_;
};

// Parses `text` as TOML. A syntax error throws a ScenarioError with one diagnostic
// at the place toml++ gives; any bytes are accepted.
toml::table parse_toml(std::string_view text, const std::string& source);

// "a string", "an integer", "a float", "a boolean", "a table", "an array", ...
std::string describe(const toml::node& n);
// Shortest round-trip text of a number: 0.1, 1e-05, 1000000.
std::string fmt(double v);
// "'x'", for names in messages.
std::string quote(std::string_view s);
// "a, b, c" (each quoted).
std::string list(const std::vector<std::string_view>& names);

// Typed reads: each checks the value's type (and range), reports what was
// expected and what was found, and returns nothing on a problem.
// A number (integer or float), finite; with bounds, in [lo, hi].
std::optional<double> read_number(ReadContext& ctx, const toml::node& n, const std::string& key);
std::optional<double> read_number(ReadContext& ctx, const toml::node& n, const std::string& key, double lo,
                                  double hi, std::string_view unit = {});
std::optional<std::int64_t> read_integer(ReadContext& ctx, const toml::node& n, const std::string& key,
                                         std::int64_t lo, std::int64_t hi, std::string_view unit = {});
std::optional<bool> read_bool(ReadContext& ctx, const toml::node& n, const std::string& key);
std::optional<std::string> read_string(ReadContext& ctx, const toml::node& n, const std::string& key,
                                       bool nonempty = false);
// A non-empty string without tab or line break (a zone's name).
std::optional<std::string> read_name(ReadContext& ctx, const toml::node& n, const std::string& key);
// A string of [a-z0-9_]+.
std::optional<std::string> read_identifier(ReadContext& ctx, const toml::node& n, const std::string& key);
// A TOML local date, or a "YYYY-MM-DD" string.
std::optional<hukou::Date> read_date(ReadContext& ctx, const toml::node& n, const std::string& key);

// "path.key" (or "key" at the top level).
std::string join_key(std::string_view path, std::string_view key);
// "; did you mean 'x'?" when a candidate is near, else "; valid KIND: 'a', 'b'"
// (or "" when there are no candidates).
std::string suggest(std::string_view word, const std::vector<std::string_view>& candidates, std::string_view kind);
// Reports each key of `t` that is not in `valid`.
void check_keys(ReadContext& ctx, const toml::table& t, std::string_view path,
                const std::vector<std::string_view>& valid, std::string_view where);
// The value of key `k` of `t`, or an error "missing required key" at `where`.
const toml::node* require(ReadContext& ctx, const toml::table& t, std::string_view k, std::string_view path,
                          const toml::source_region& where);

}  // namespace hukou::scenario
