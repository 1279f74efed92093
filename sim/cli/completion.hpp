// Shell completion made from the program's own command-line definition (the CLI11
// app), so it cannot drift from it: `hukou completion bash` (hidden) prints it, the
// build writes it beside the binary and `cmake --install` puts it where
// bash-completion looks (share/bash-completion/completions/hukou).
#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace hukou::cli {

// Words a positional argument takes besides file names (e.g. built-in scenario
// names for `scenario`), by command path ("run", "sweep merge") and argument name.
using PositionalWords = std::function<std::vector<std::string>(const std::string& path, const std::string& name)>;

// A bash script defining _hukou and `complete -F _hukou hukou`: subcommands, each
// command's options, file names after options that take a value and for positional
// arguments, and `words` for positional arguments.
std::string bash_completion(const CLI::App& app, const PositionalWords& words);

}  // namespace hukou::cli
