// Reading a run file back (for `hukou compare`, `hukou evaluate`, sweeps): every
// series of every replicate, the metadata and the targets. Refuses files that are
// not run files of this version's layout, with a message naming what is missing,
// and damaged files, without crashing: the file is read whole into memory
// (fileio::read_input_file: a regular file of bounded size), checked for its
// identity and shapes, and read once in a child process (isolated.hpp) before it
// is read here.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "output/hdf5_writer.hpp"

namespace hukou::output {

struct RunFile {
  std::filesystem::path path;
  RunMetadata meta;
  std::vector<RunResult> replicates;
};

// Throws OutputError (damaged, foreign) or fileio::FileError (cannot be read).
RunFile read_run_file(const std::filesystem::path& path);

// The same from a file's bytes (checked in a child first); `where` names them in
// messages. read_run_file is read_input_file and this.
RunFile read_run_bytes(const std::string& bytes, const std::string& where);

}  // namespace hukou::output
