#include "python.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli/commands.hpp"

#ifndef HUKOU_ANALYSIS_DIR
#define HUKOU_ANALYSIS_DIR ""
#endif

extern char** environ;

namespace hukou::cli {

namespace fs = std::filesystem;

fs::path analysis_dir() {
  const char* env = std::getenv("HUKOU_ANALYSIS_DIR");
  const std::string dir = env && *env ? env : HUKOU_ANALYSIS_DIR;
  return dir.empty() ? fs::path() : fs::absolute(dir).lexically_normal();
}

int run_analysis(const std::string& command, const std::string& module, const std::vector<std::string>& args,
                 std::string* captured) {
  const fs::path dir = analysis_dir();
  std::error_code ec;
  if (::access(kPython, X_OK) != 0) {
    std::cerr << command << ": " << kPython << " not found: install python3 and scripts/install-deps' packages\n";
    return failure;
  }
  if (dir.empty() || !fs::is_regular_file(dir / "hukou_analysis" / (module + ".py"), ec)) {
    std::cerr << command << ": the analysis package was not found in '" << dir.string() << "' (expected hukou_analysis/"
              << module << ".py there); set HUKOU_ANALYSIS_DIR to the analysis/ directory of the hukou sources\n";
    return failure;
  }
  // The package directory travels as an argument, never through the environment.
  const std::string code = "import sys; sys.path.insert(0, sys.argv[1]); from hukou_analysis." + module +
                           " import main; sys.exit(main(sys.argv[2:]))";
  std::vector<std::string> argv_s{kPython, "-I", "-c", code, dir.string()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  // The environment, with matplotlib's backend set, made before fork: the child
  // may only make async-signal-safe calls (the parent may have threads).
  std::vector<std::string> env_s{"MPLBACKEND=Agg"};
  for (char** e = environ; *e; ++e)
    if (std::strncmp(*e, "MPLBACKEND=", 11) != 0) env_s.emplace_back(*e);
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  const std::string exec_failed = command + ": cannot run " + kPython + "\n";

  int fds[2] = {-1, -1};
  if (captured && ::pipe2(fds, O_CLOEXEC) != 0) {
    std::cerr << command << ": cannot make a pipe: " << std::strerror(errno) << "\n";
    return failure;
  }
  std::cout.flush();
  std::cerr.flush();
  const pid_t pid = ::fork();
  if (pid < 0) {
    std::cerr << command << ": cannot start " << kPython << ": " << std::strerror(errno) << "\n";
    if (captured) {
      ::close(fds[0]);
      ::close(fds[1]);
    }
    return failure;
  }
  if (pid == 0) {  // only async-signal-safe calls from here
    if (captured) ::dup2(fds[1], STDOUT_FILENO);
    if (::chdir("/") != 0) ::_exit(failure);
    ::execve(kPython, argv.data(), envp.data());
    if (::write(STDERR_FILENO, exec_failed.data(), exec_failed.size()) < 0) ::_exit(failure);
    ::_exit(failure);
  }
  if (captured) {
    ::close(fds[1]);
    char buf[65536];
    for (;;) {
      const ssize_t n = ::read(fds[0], buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      captured->append(buf, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return failure;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  std::cerr << command << ": the analysis package was stopped by signal " << WTERMSIG(status) << "\n";
  return failure;
}

}  // namespace hukou::cli
