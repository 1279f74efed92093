#include "memory_policy.hpp"

#include <malloc.h>

#include <cstdlib>

namespace hukou::cli {

namespace {
std::string_view policy = "glibc's defaults";
}  // namespace

void keep_freed_memory() {
  if (const char* t = std::getenv("GLIBC_TUNABLES"); t && std::string_view(t).find("glibc.malloc.") != std::string_view::npos) {
    policy = "glibc's, from GLIBC_TUNABLES";
    return;
  }
  // M_MMAP_MAX 0: no block is served by mmap, so none is freed by munmap (glibc
  // falls back to mmap by itself only if the heap cannot grow). M_TRIM_THRESHOLD
  // -1: the heap's free top is never given back (mallopt(3)). mallopt returns 1
  // on success.
  const bool no_mmap = mallopt(M_MMAP_MAX, 0) == 1;
  const bool no_trim = mallopt(M_TRIM_THRESHOLD, -1) == 1;
  if (no_mmap && no_trim) policy = "freed memory kept";
}

std::string_view memory_policy() { return policy; }

}  // namespace hukou::cli
