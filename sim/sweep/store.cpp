#include "store.hpp"

#include <cstdio>
#include <sstream>

#include "fileio/atomic_file.hpp"
#include "fileio/errors.hpp"
#include "fileio/input_file.hpp"
#include "scenario/toml_reads.hpp"

namespace hukou::sweep {

namespace fs = std::filesystem;

std::size_t Stored::number(const std::string& k) const {
  const auto it = info.find(k);
  if (it == info.end()) return 0;
  try {
    return static_cast<std::size_t>(std::stoull(it->second));
  } catch (const std::exception&) {
    throw StoreError("sweep.info is damaged: " + k + "=" + it->second + " is not a count");
  }
}

fs::path run_path(const fs::path& dir, std::size_t run) {
  char name[32];
  std::snprintf(name, sizeof name, "run_%06zu.h5", run);
  return dir / "runs" / name;
}

namespace {
// design.csv of the largest design allowed (spec.hpp) is far smaller.
constexpr std::size_t kMaxRecordBytes = std::size_t{1} << 30;

std::string slurp(const fs::path& p) {
  std::error_code ec;
  if (!fs::exists(p, ec)) throw StoreError("cannot read " + p.string() + " (not a sweep directory?)");
  try {
    return fileio::read_input_file(p, kMaxRecordBytes, "sweep record");
  } catch (const fileio::FileError& e) {
    throw StoreError(std::string(e.what()) + " (not a sweep directory?)");
  }
}
}  // namespace

void write_atomic(const fs::path& path, const std::string& text) {
  // Shards that start together wait for each other rather than fail.
  fileio::write_file_atomically(path, text, {.wait_for_lock = true});
}

void prepare_dir(const fs::path& dir, const SweepSpec& s, const Matrix& design) {
  const std::string hash = spec_hash(s);
  if (fs::exists(dir / "sweep.info")) {
    const Stored old = read_dir(dir);
    if (old.info.at("hash") != hash)
      throw StoreError(dir.string() + " holds a different sweep (hash " + old.info.at("hash") +
                       ", this sweep file: " + hash + "); use another directory");
    return;
  }
  fs::create_directories(dir / "runs");
  std::ostringstream csv;
  csv << "run";
  for (const auto& p : s.params) csv << "," << p.key;
  csv << "\n";
  for (std::size_t r = 0; r < design.size(); ++r) {
    csv << r;
    for (double v : design[r]) csv << "," << scenario::fmt(v);
    csv << "\n";
  }
  write_atomic(dir / "design.csv", csv.str());
  std::ostringstream info;
  info << "hash=" << hash << "\ndesign=" << to_string(s.kind) << "\nsamples=" << s.samples
       << "\ntrajectories=" << s.trajectories << "\nlevels=" << s.morris_levels << "\nreplicates=" << s.replicates
       << "\nseed=" << s.seed << "\nruns=" << design.size() << "\n";
  // sweep.info last: its presence marks a complete record.
  write_atomic(dir / "sweep.info", info.str());
}

Stored read_dir(const fs::path& dir) {
  Stored st;
  std::istringstream info(slurp(dir / "sweep.info"));
  for (std::string line; std::getline(info, line);)
    if (const auto eq = line.find('='); eq != std::string::npos) st.info[line.substr(0, eq)] = line.substr(eq + 1);
  std::istringstream csv(slurp(dir / "design.csv"));
  std::string line;
  std::getline(csv, line);
  std::istringstream header(line);
  std::string cell;
  std::getline(header, cell, ',');  // "run"
  while (std::getline(header, cell, ',')) st.keys.push_back(cell);
  while (std::getline(csv, line)) {
    std::istringstream row(line);
    std::getline(row, cell, ',');
    std::vector<double> v;
    while (std::getline(row, cell, ',')) {
      try {
        v.push_back(std::stod(cell));
      } catch (const std::exception&) {
        throw StoreError((dir / "design.csv").string() + " is damaged: '" + cell + "' is not a number");
      }
    }
    if (v.size() != st.keys.size())
      throw StoreError((dir / "design.csv").string() + " is damaged: a row has " + std::to_string(v.size()) +
                       " values for " + std::to_string(st.keys.size()) + " parameters");
    st.design.push_back(std::move(v));
  }
  if (!st.info.count("hash") || st.design.size() != st.number("runs"))
    throw StoreError(dir.string() + ": sweep.info and design.csv do not match");
  return st;
}

}  // namespace hukou::sweep
