// Writes the run-file fuzz target's seed corpus into DIR: one valid run file (three
// zones, two channels, two replicates, targets; output::run_file_image) and COUNT
// damaged copies of it: bit flips (most in the first 8 KB, where HDF5 keeps the
// superblock, object headers and B-tree roots), byte runs overwritten, and
// truncations. Deterministic (fixed seed). Usage: make_run_seeds DIR COUNT
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "output/hdf5_writer.hpp"

namespace {
hukou::RunResult replicate(int r) {
  hukou::RunResult res({2017, 2018, 2019}, {"小店区", "清徐县", "古交市"}, {"talent", "four_groups"});
  for (std::size_t s = 0; s < res.data.size(); ++s)
    for (std::size_t i = 0; i < res.data[s].size(); ++i) res.data[s][i] = 0.01 * double(i) + double(r) + double(s);
  return res;
}

void save(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_run_seeds DIR COUNT\n";
    return 2;
  }
  const std::filesystem::path dir(argv[1]);
  const int count = std::atoi(argv[2]);
  std::filesystem::remove_all(dir);  // the build's own directory: no copies left from a larger COUNT
  std::filesystem::create_directories(dir);
  hukou::output::RunMetadata meta;
  meta.tool_version = "0.1.0";
  meta.git_commit = "fuzz";
  meta.scenario_name = "seed";
  meta.scenario_text = "name = \"seed\"\n";
  meta.created = "2026-01-01T00:00:00Z";
  meta.seed = 1;
  meta.replicate_seeds = {1, 2};
  meta.targets = {{"registered_urbanization_rate", "", "clause", 2019, 0.5}};
  const std::string good = hukou::output::run_file_image({replicate(0), replicate(1)}, meta);
  save(dir / "valid.h5", good);
  std::uint64_t s = 25;
  const auto next = [&s] {  // splitmix64
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  };
  for (int i = 0; i < count; ++i) {
    std::string b = good;
    switch (i % 4) {
      case 0:
      case 1:
        for (std::uint64_t k = 0, n = 1 + next() % 16; k < n; ++k) {
          const std::size_t span = i % 4 == 0 ? std::min<std::size_t>(8192, b.size()) : b.size();
          b[next() % span] ^= static_cast<char>(1u << (next() % 8));
        }
        break;
      case 2: {
        const std::size_t at = next() % b.size(), n = std::min<std::size_t>(1 + next() % 64, b.size() - at);
        for (std::size_t k = 0; k < n; ++k) b[at + k] = static_cast<char>(next());
        break;
      }
      case 3:
        b.resize(next() % b.size());
        break;
    }
    save(dir / ("damaged_" + std::to_string(i) + ".h5"), b);
  }
  std::cout << "wrote valid.h5 and " << count << " damaged copies to " << dir.string() << "\n";
  return 0;
}
