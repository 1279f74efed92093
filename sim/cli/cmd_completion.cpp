// `hukou completion bash [-o FILE]`: hidden; the build runs it to make the bash
// completion script that is installed with the program (completion.hpp).
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/completion.hpp"
#include "scenario/loader.hpp"

namespace hukou::cli {

namespace {
struct CompletionOptions {
  std::string shell, output;
};

std::vector<std::string> positional_words(const CLI::App& app, const std::string& path, const std::string& name) {
  std::vector<std::string> w;
  if (name == "scenario")
    for (const auto& s : scenario::builtin_scenarios()) w.push_back(s.name);
  if (name == "page") w = docs_pages();
  if (path == "help")
    for (const CLI::App* s : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
      w.push_back(s->get_name());
  return w;
}
}  // namespace

void add_completion(CLI::App& app) {
  auto o = std::make_shared<CompletionOptions>();
  CLI::App* cmd = app.add_subcommand("completion", "Print a shell completion script");
  cmd->group("");  // hidden: the build installs the script; users need not call this
  cmd->add_option("shell", o->shell, "Shell")->required()->check(CLI::IsMember({"bash"}));
  cmd->add_option("-o,--output", o->output, "File to write (default: standard output)");
  cmd->callback([&app, o] {
    const std::string script =
        bash_completion(app, [&app](const std::string& path, const std::string& name) {
          return positional_words(app, path, name);
        });
    if (o->output.empty()) {
      std::cout << script;
      return;
    }
    std::ofstream out(o->output, std::ios::binary | std::ios::trunc);
    out << script;
    if (!out.flush()) {
      std::cerr << "hukou completion: cannot write " << o->output << "\n";
      throw CLI::RuntimeError(failure);
    }
  });
}

}  // namespace hukou::cli
