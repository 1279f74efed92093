// A main() for the fuzz targets where libFuzzer is not available (GCC builds): runs
// each file given, or each file in each directory given, through
// LLVMFuzzerTestOneInput once, so that the corpus is replayed under the build's
// sanitizers. Exits 0 after printing how many inputs it ran; a bug crashes it.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {
void replay(const std::filesystem::path& p, std::size_t& count) {
  std::ifstream in(p, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  ++count;
}
}  // namespace

int main(int argc, char** argv) {
  std::size_t count = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path p(argv[i]);
    if (std::filesystem::is_directory(p)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(p))
        if (e.is_regular_file()) replay(e.path(), count);
    } else {
      replay(p, count);
    }
  }
  std::cout << "replayed " << count << " inputs, no crash\n";
  return count > 0 ? 0 : 1;
}
