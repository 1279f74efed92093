// `hukou scenarios`: the built-in scenarios, one line each.
#include <iostream>

#include "cli/commands.hpp"
#include "scenario/loader.hpp"

namespace hukou::cli {

void add_scenarios(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("scenarios", "List the built-in scenarios");
  cmd->callback([] {
    for (const auto& s : scenario::builtin_scenarios()) std::cout << s.name << "\t" << s.title << "\n";
  });
}

}  // namespace hukou::cli
