// Subcommands of the `hukou` program. Each registers its options on the CLI11 app
// and runs when chosen; run() returns the process exit code.
#pragma once
#include <CLI/CLI.hpp>

namespace hukou::cli {

enum Exit : int { ok = 0, failure = 1, bad_input = 2 };

void add_run(CLI::App& app);
void add_check(CLI::App& app);
void add_scenarios(CLI::App& app);
void add_docs(CLI::App& app);
void add_bench(CLI::App& app);
void add_compare(CLI::App& app);
void add_evaluate(CLI::App& app);
void add_sweep(CLI::App& app);
void add_sensitivity(CLI::App& app);
void add_report(CLI::App& app);
void add_calibrate(CLI::App& app);

// Parses argv and runs the chosen subcommand; catches every error and returns
// the exit code. Never throws.
int main(int argc, char** argv);

}  // namespace hukou::cli
