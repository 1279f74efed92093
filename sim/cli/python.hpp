// The Python analysis package (analysis/hukou_analysis) as the command line runs
// it: Debian's /usr/bin/python3 by absolute path, in isolated mode (-I: no user
// site, no PYTHON* variables), with the package directory put first on sys.path.
#pragma once
#include <string>
#include <vector>

namespace hukou::cli {

inline constexpr const char* kPython = "/usr/bin/python3";

// analysis/ of the source tree (set at build time), or $HUKOU_ANALYSIS_DIR.
std::string analysis_dir();

// Runs `hukou_analysis.<module>.main(args)` in a child process and returns its
// exit code (1, with a message on stderr, if Python or the package is missing).
int run_analysis(const std::string& command, const std::string& module, const std::vector<std::string>& args);

}  // namespace hukou::cli
