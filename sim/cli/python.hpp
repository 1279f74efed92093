// The one way hukou runs Python: the analysis package (analysis/hukou_analysis) as
// `report` and the exports' workbook need it. No code from the working directory
// runs (docs/reliability.md): Debian's /usr/bin/python3 by absolute path, in
// isolated mode (-I: no PYTHONPATH, no user site, no current or script directory on
// sys.path), with the package's absolute directory, passed as an argument, the only
// addition to sys.path, started in the directory "/" (matplotlib reads a
// ./matplotlibrc) with MPLBACKEND=Agg. Arguments naming files must therefore be
// absolute.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace hukou::cli {

inline constexpr const char* kPython = "/usr/bin/python3";

// analysis/ of the source tree (set at build time), or $HUKOU_ANALYSIS_DIR; absolute.
std::filesystem::path analysis_dir();

// Runs `hukou_analysis.<module>.main(args)` in a child process and returns its exit
// code: Python's own (0 ok, 1 failure, 2 bad input), or 1 with a line on stderr
// naming `command` if Python or the module is missing or the child is stopped by a
// signal. With `captured`, the child's stdout is appended there instead of shown.
int run_analysis(const std::string& command, const std::string& module, const std::vector<std::string>& args,
                 std::string* captured = nullptr);

}  // namespace hukou::cli
