#include "progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace hukou::cli {

ProgressLine::ProgressLine(std::string label, bool enabled)
    : label_(std::move(label)), enabled_(enabled), tty_(isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()) {}

void ProgressLine::update(int done, int total) {
  if (!enabled_) return;
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double eta = done > 0 ? s / done * (total - done) : 0.0;
  std::fprintf(stderr, "%s%s: %d/%d periods  %.1f s elapsed, about %.1f s left%s", tty_ ? "\r" : "",
               label_.c_str(), done, total, s, eta, tty_ ? "\033[K" : "\n");
  std::fflush(stderr);
}

void ProgressLine::finish() {
  if (enabled_ && tty_) std::fputs("\n", stderr);
}

}  // namespace hukou::cli
