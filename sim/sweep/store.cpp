#include "store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "scenario/toml_reads.hpp"

namespace hukou::sweep {

namespace fs = std::filesystem;

std::size_t Stored::number(const std::string& k) const {
  const auto it = info.find(k);
  return it == info.end() ? 0 : static_cast<std::size_t>(std::stoull(it->second));
}

namespace {
void fsync_path(const fs::path& p, int flags);
}

fs::path run_path(const fs::path& dir, std::size_t run) {
  char name[32];
  std::snprintf(name, sizeof name, "run_%06zu.h5", run);
  return dir / "runs" / name;
}

void sync_path(const fs::path& p, bool directory) { fsync_path(p, directory ? O_RDONLY | O_DIRECTORY : O_RDONLY); }

namespace {
void fsync_path(const fs::path& p, int flags) {
  const int fd = ::open(p.c_str(), flags);
  if (fd < 0) throw StoreError("cannot open " + p.string());
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw StoreError("cannot fsync " + p.string());
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw StoreError("cannot read " + p.string() + " (not a sweep directory?)");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

void write_atomic(const fs::path& path, const std::string& text) {
  // The pid keeps shards that start together from writing the same temp file.
  const fs::path tmp = path.string() + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) throw StoreError("cannot write " + tmp.string());
  }
  fsync_path(tmp, O_RDONLY);
  fs::rename(tmp, path);
  fsync_path(path.parent_path().empty() ? fs::path(".") : path.parent_path(), O_RDONLY | O_DIRECTORY);
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
    while (std::getline(row, cell, ',')) v.push_back(std::stod(cell));
    st.design.push_back(std::move(v));
  }
  if (!st.info.count("hash") || st.design.size() != st.number("runs"))
    throw StoreError(dir.string() + ": sweep.info and design.csv do not match");
  return st;
}

}  // namespace hukou::sweep
