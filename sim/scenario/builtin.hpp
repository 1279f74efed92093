// Internal: the built-in scenarios, scenarios/*.toml compiled into the library by
// cmake/embed_scenarios.cmake (the generated embedded_scenarios.cpp).
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hukou::scenario::detail {

struct EmbeddedFile {
  std::string_view stem;  // file name without ".toml"
  std::string_view text;  // the file's bytes
};

// Generated: every scenarios/*.toml at build time, in file-name order.
std::span<const EmbeddedFile> embedded_scenarios();

struct Builtin {
  std::string name, title;  // the file's `name` and `title` (name: the stem if unreadable)
  std::string_view stem, text;
};
// The files' names and titles, sorted by name.
std::vector<Builtin> describe_builtins(std::span<const EmbeddedFile> files);
// Names of the built-in scenarios, sorted, for messages.
std::vector<std::string_view> builtin_names();

}  // namespace hukou::scenario::detail
