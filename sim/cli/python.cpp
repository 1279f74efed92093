#include "python.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"

#ifndef HUKOU_ANALYSIS_DIR
#define HUKOU_ANALYSIS_DIR ""
#endif

extern char** environ;

namespace hukou::cli {

std::string analysis_dir() {
  if (const char* env = std::getenv("HUKOU_ANALYSIS_DIR"); env && *env) return env;
  return HUKOU_ANALYSIS_DIR;
}

int run_analysis(const std::string& command, const std::string& module, const std::vector<std::string>& args) {
  namespace fs = std::filesystem;
  const std::string dir = analysis_dir();
  std::error_code ec;
  if (::access(kPython, X_OK) != 0) {
    std::cerr << command << ": " << kPython << " not found: install python3 and scripts/install-deps' packages\n";
    return failure;
  }
  if (dir.empty() || !fs::is_regular_file(fs::path(dir) / "hukou_analysis" / (module + ".py"), ec)) {
    std::cerr << command << ": the analysis package was not found in '" << dir
              << "'; set HUKOU_ANALYSIS_DIR to the analysis/ directory of the hukou sources\n";
    return failure;
  }
  // The package directory travels as an argument, never through the environment.
  const std::string code = "import sys; sys.path.insert(0, sys.argv[1]); from hukou_analysis." + module +
                           " import main; sys.exit(main(sys.argv[2:]))";
  std::vector<std::string> argv_s{kPython, "-I", "-c", code, dir};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::cout.flush();
  pid_t pid = 0;
  if (const int rc = ::posix_spawn(&pid, kPython, nullptr, nullptr, argv.data(), environ); rc != 0) {
    std::cerr << command << ": cannot run " << kPython << ": " << std::strerror(rc) << "\n";
    return failure;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return failure;
  return WIFEXITED(status) ? WEXITSTATUS(status) : failure;
}

}  // namespace hukou::cli
