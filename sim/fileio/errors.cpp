#include "errors.hpp"

#include <cerrno>
#include <cstring>

namespace hukou::fileio {

std::string errno_text(int err) {
  std::string text = std::strerror(err);
  switch (err) {
    case ENOSPC: return text + " (the disk is full)";
    case EDQUOT: return text + " (over the disk quota)";
    case EFBIG: return text + " (over the file size limit, see ulimit -f)";
    case ENOMEM: return text + " (out of memory)";
    default: return text;
  }
}

}  // namespace hukou::fileio
