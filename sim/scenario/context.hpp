// Internal: the state of one load. Collects diagnostics, turns toml++ source
// regions into file:line:column, and keeps each source's text so that places
// inside strings (condition errors) can be found.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "diagnostics.hpp"

namespace hukou::scenario::detail {

// Values given with --set are parsed with the source path kSetSource + KEY, so a
// problem with such a value is reported as file "--set", line 0, key KEY.
inline constexpr std::string_view kSetSource = "\x1f--set:";
inline constexpr std::string_view kSetFile = "--set";

class Ctx {
 public:
  explicit Ctx(std::string main_source);

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
  // At the start of the main file (for keys missing from the whole scenario).
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

}  // namespace hukou::scenario::detail
