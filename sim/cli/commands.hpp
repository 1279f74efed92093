// Subcommands of the `hukou` program. Each registers its options on the CLI11 app
// and runs when chosen; run() returns the process exit code.
#pragma once
#include <CLI/CLI.hpp>

namespace hukou::cli {

// The one exit-code convention of every command (docs: README, `hukou --help`).
enum Exit : int { ok = 0, failure = 1, bad_input = 2 };
inline constexpr const char* kExitCodes =
    "Exit status: 0 ok; 1 failure while running or writing; 2 bad input or usage (an unknown command or option, a "
    "missing or unreadable input file, an invalid value), and then nothing is written.";

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
void add_validate(CLI::App& app);
void add_diff(CLI::App& app);
void add_help(CLI::App& app);
void add_completion(CLI::App& app);

// The pages of `hukou docs`.
const std::vector<std::string>& docs_pages();
// "'rnu' is not a hukou command; did you mean 'run'?" (or the list of commands).
std::string unknown_command(const CLI::App& app, const std::string& word);
bool is_command(const CLI::App& app, const std::string& word);
// `hukou help [COMMAND [SUBCOMMAND]]`: prints that help; returns the exit code.
int help_command(const CLI::App& app, const std::vector<std::string>& words);

// Parses argv and runs the chosen subcommand; catches every error and returns
// the exit code. Never throws.
int main(int argc, char** argv);

}  // namespace hukou::cli
