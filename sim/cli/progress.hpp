// A progress line on stderr for long runs: redrawn in place on a terminal, one
// line per period otherwise only when asked (logs stay short).
#pragma once
#include <chrono>
#include <string>

namespace hukou::cli {

class ProgressLine {
 public:
  ProgressLine(std::string label, bool enabled);
  void update(int done, int total);  // periods done over all replicates
  void finish();

 private:
  std::string label_;
  bool enabled_, tty_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace hukou::cli
