#include "commands.hpp"

#include <iostream>
#include <new>

#include "cli/memory_policy.hpp"
#include "cli/version.hpp"
#include "evaluate/indicators.hpp"
#include "fileio/cleanup.hpp"
#include "fileio/errors.hpp"
#include "output/hdf5_writer.hpp"
#include "scenario/diagnostics.hpp"

namespace hukou::cli {

int main(int argc, char** argv) {
  keep_freed_memory();  // before the first large allocation (memory_policy.hpp)
  fileio::install_signal_handlers();  // a signal removes half-written files (fileio/cleanup.hpp)
  CLI::App app{"hukou: agent-based simulator of China's hukou (household-registration) reform.\n"
               "Rural migrants decide each year whether to settle in a city's towns under the city's reform rules.",
               "hukou"};
  app.set_version_flag("--version", version_line());
  app.require_subcommand(1);
  app.footer(kExitCodes);  // before the subcommands: each inherits it
  add_run(app);
  add_check(app);
  add_scenarios(app);
  add_docs(app);
  add_bench(app);
  add_compare(app);
  add_evaluate(app);
  add_sweep(app);
  add_sensitivity(app);
  add_report(app);
  add_calibrate(app);
  add_validate(app);
  add_diff(app);
  add_help(app);
  add_completion(app);
  if (argc > 1 && std::string_view(argv[1]) == "help") return help_command(app, {argv + 2, argv + argc});
  if (argc > 1 && argv[1][0] != '-' && !is_command(app, argv[1])) {
    std::cerr << "hukou: " << unknown_command(app, argv[1]) << " (see hukou --help)\n";
    return bad_input;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // a subcommand already reported its error
  } catch (const CLI::ParseError& e) {
    app.exit(e);  // prints the message
    return bad_input;
  } catch (const scenario::ScenarioError& e) {
    std::cerr << e.what() << (std::string(e.what()).ends_with('\n') ? "" : "\n");
    return bad_input;
  } catch (const evaluate::EvaluationError& e) {
    std::cerr << "hukou: " << e.what() << "\n";
    return bad_input;
  } catch (const output::OutputError& e) {
    std::cerr << "hukou: " << e.what() << "\n";
    return failure;
  } catch (const fileio::FileError& e) {
    std::cerr << "hukou: " << e.what() << "\n";
    return e.refused() ? bad_input : failure;
  } catch (const std::bad_alloc&) {
    std::cerr << "hukou: out of memory: the run needs more memory than the system (or ulimit -v) allows; "
                 "raise scale or run fewer replicates at once (--threads)\n";
    return failure;
  } catch (const std::exception& e) {
    std::cerr << "hukou: error: " << e.what() << "\n";
    return failure;
  }
  return ok;
}

}  // namespace hukou::cli
