#include "isolated.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>

#include "hdf5_writer.hpp"

namespace hukou::output {

namespace {
constexpr int kFailed = 3;  // the child's exit status when `work` threw

void write_all(int fd, const std::string& s) {
  std::size_t off = 0;
  while (off < s.size()) {
    const ssize_t n = ::write(fd, s.data() + off, s.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    off += static_cast<std::size_t>(n);
  }
}

[[noreturn]] void child(int out, const std::function<void()>& work) {
  const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (null >= 0) ::dup2(null, STDERR_FILENO);
  // A crash just ends the child (no sanitizer's or fuzzer's handler reporting it:
  // the parent does); a signal meant for the parent's cleanup (fileio/cleanup.hpp)
  // is not the child's to act on.
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGINT, SIGTERM, SIGHUP}) ::signal(sig, SIG_DFL);
  try {
    work();
  } catch (const std::exception& e) {
    write_all(out, e.what());
    ::_exit(kFailed);
  } catch (...) {
    write_all(out, "unknown error");
    ::_exit(kFailed);
  }
  ::_exit(0);  // no exit handlers, no flushing of the parent's buffers
}
}  // namespace

std::optional<std::string> run_isolated(const std::function<void()>& work, int timeout_seconds) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw OutputError(std::string("cannot make a pipe: ") + std::strerror(errno));
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int err = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    throw OutputError(std::string("cannot start a process to check the file: ") + std::strerror(err));
  }
  if (pid == 0) {
    ::close(fds[0]);
    child(fds[1], work);
  }
  ::close(fds[1]);
  std::string message;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  bool timed_out = false;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    const int r = ::poll(&p, 1, static_cast<int>(left.count()));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      timed_out = r == 0;
      break;
    }
    char buf[4096];
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the child closed its end: it has ended
    if (message.size() < 4096) message.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  if (timed_out) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) return "reading it took more than " + std::to_string(timeout_seconds) + " s (a damaged file?)";
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return std::nullopt;
  if (WIFEXITED(status) && WEXITSTATUS(status) == kFailed) return message;
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    const char* name = sigabbrev_np(sig);
    return "reading it crashed the HDF5 library (signal " + std::to_string(sig) + (name ? std::string(", SIG") + name : "") +
           "): the file is damaged";
  }
  return "reading it crashed the HDF5 library (exit status " + std::to_string(WEXITSTATUS(status)) +
         "): the file is damaged";
}

}  // namespace hukou::output
