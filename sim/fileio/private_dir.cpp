#include "private_dir.hpp"

#include <cerrno>
#include <cstdlib>

#include "errors.hpp"

namespace hukou::fileio {

namespace fs = std::filesystem;

PrivateDir::PrivateDir(const std::string& prefix) {
  std::error_code ec;
  const fs::path base = fs::temp_directory_path(ec);
  if (ec) throw FileError("cannot find a temporary directory: " + ec.message());
  std::string templ = fs::absolute(base / (prefix + "-XXXXXX")).string();
  if (::mkdtemp(templ.data()) == nullptr)
    throw FileError("cannot make a temporary directory in " + base.string() + ": " + errno_text(errno));
  path_ = templ;
  cleanup_.emplace(path_.string());
}

PrivateDir::~PrivateDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);  // ours alone (0700): nothing else can be in it
}

}  // namespace hukou::fileio
