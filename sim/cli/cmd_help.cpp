// `hukou help [COMMAND [SUBCOMMAND]]`: a command's help, as `hukou COMMAND --help`
// prints it; and the "did you mean" for a command that does not exist.
#include <iostream>

#include "cli/commands.hpp"
#include "policy/suggest.hpp"

namespace hukou::cli {

namespace {
// The visible subcommands of `app` (hidden ones have an empty group).
std::vector<const CLI::App*> visible(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); });
}

const CLI::App* find(const CLI::App& app, const std::string& name) {
  const auto all = app.get_subcommands([&](const CLI::App* s) { return s->get_name() == name; });
  return all.empty() ? nullptr : all.front();
}
}  // namespace

std::string unknown_command(const CLI::App& app, const std::string& word) {
  std::vector<std::string> names;
  for (const CLI::App* s : visible(app)) names.push_back(s->get_name());
  const std::string near = policy::nearest(word, std::vector<std::string_view>(names.begin(), names.end()));
  std::string msg = "'" + word + "' is not a " + app.get_name() + " command";
  if (!near.empty()) msg += "; did you mean '" + near + "'?";
  else {
    msg += "; the commands are";
    for (const auto& n : names) msg += " " + n;
  }
  return msg;
}

bool is_command(const CLI::App& app, const std::string& word) { return find(app, word) != nullptr; }

int help_command(const CLI::App& app, const std::vector<std::string>& words) {
  const CLI::App* target = &app;
  std::string prefix;  // the words before the target's own name, for its usage line
  for (const auto& w : words) {
    if (w == "-h" || w == "--help") {  // `hukou help --help`: help's own help
      target = find(app, "help");
      prefix = app.get_name();
      break;
    }
    const CLI::App* next = w.starts_with('-') ? nullptr : find(*target, w);
    if (!next) {
      std::cerr << app.get_name() << " help: " << unknown_command(*target, w) << "\n";
      return bad_input;
    }
    prefix = target == &app ? app.get_name() : prefix + " " + target->get_name();
    target = next;
  }
  std::cout << (target == &app ? app.help() : target->help(prefix));
  return ok;
}

void add_help(CLI::App& app) {
  // Listed with the other commands, but run by help_command before parsing: CLI11
  // would read `hukou help run` as two commands.
  CLI::App* cmd = app.add_subcommand("help", "Show the help of a command: hukou help run, hukou help sweep merge");
  cmd->add_option("command", "Command (and subcommand) to describe");
}

}  // namespace hukou::cli
