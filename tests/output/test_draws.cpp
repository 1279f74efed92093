// A posterior run's file: the leading `draw` dimension, the drawn parameter values,
// and the round trip of draws x replicates through the reader (draw-major). Also the
// SHA-256 that names the posterior a run drew from (FIPS 180-2 appendix B vectors).
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "fileio/sha256.hpp"
#include "output/hdf5_reader.hpp"
#include "output/hdf5_writer.hpp"

using namespace hukou;
namespace fs = std::filesystem;

namespace {
RunResult run_of(int k) {
  RunResult r({2017, 2018}, {"A", "B"}, {"open"});
  for (std::size_t s = 0; s < kSeriesCount; ++s)
    for (std::size_t i = 0; i < r.data[s].size(); ++i) r.data[s][i] = 100.0 * k + double(s) + 0.01 * double(i);
  return r;
}

output::RunMetadata posterior_meta(std::size_t draws) {
  output::RunMetadata m;
  m.tool_version = "test";
  m.scenario_name = "fixture";
  m.scenario_text = "name = \"fixture\"\n";
  m.created = "2026-01-01T00:00:00Z";
  m.seed = 5;
  m.replicate_seeds = {5, 6, 7};
  m.draws = draws;
  m.posterior_parameters = {"decision.asc_settle", "moves.village_to_town_rate"};
  for (std::size_t d = 0; d < draws; ++d) {
    m.posterior_values.push_back(-1.0 - double(d));
    m.posterior_values.push_back(0.1 * double(d));
    m.posterior_particles.push_back(static_cast<int>(10 + d));
  }
  m.extra = {{"posterior_sha256", std::string(64, 'a')}};
  return m;
}
}  // namespace

TEST_CASE("a posterior run's series lead with draw, draw-major, and read back", "[draws]") {
  const fs::path path = fs::temp_directory_path() / ("hukou_draws_" + std::to_string(::getpid()) + ".h5");
  std::vector<RunResult> runs;
  for (int k = 0; k < 6; ++k) runs.push_back(run_of(k));  // 2 draws x 3 replicates
  output::write_run_file(path, runs, posterior_meta(2));
  const output::RunFile f = output::read_run_file(path);
  fs::remove(path);
  REQUIRE(f.meta.draws == 2);
  REQUIRE(f.replicates.size() == 6);
  for (int k = 0; k < 6; ++k) CHECK(f.replicates[static_cast<std::size_t>(k)].data == runs[static_cast<std::size_t>(k)].data);
  CHECK(f.meta.posterior_parameters == std::vector<std::string>{"decision.asc_settle", "moves.village_to_town_rate"});
  CHECK(f.meta.posterior_values == std::vector<double>{-1.0, 0.0, -2.0, 0.1});
  CHECK(f.meta.posterior_particles == std::vector<int>{10, 11});
  CHECK(f.meta.replicate_seeds.size() == 3);
}

TEST_CASE("runs that are not whole draws are refused", "[draws]") {
  std::vector<RunResult> runs{run_of(0), run_of(1), run_of(2)};
  CHECK_THROWS_AS(output::run_file_image(runs, posterior_meta(2)), output::OutputError);
  auto m = posterior_meta(3);
  m.posterior_values.pop_back();
  CHECK_THROWS_AS(output::run_file_image(runs, m), output::OutputError);
}

TEST_CASE("a run without draws has no draw dimension", "[draws]") {
  auto m = posterior_meta(0);
  m.posterior_parameters.clear();
  const std::string bytes = output::run_file_image({run_of(0), run_of(1), run_of(2)}, m);
  const output::RunFile f = output::read_run_bytes(bytes, "memory");
  CHECK(f.meta.draws == 0);
  CHECK(f.replicates.size() == 3);
  CHECK(bytes.find("posterior_draws") == std::string::npos);
}

TEST_CASE("SHA-256 gives the standard's digests", "[sha256]") {
  CHECK(fileio::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(fileio::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(fileio::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(fileio::sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
