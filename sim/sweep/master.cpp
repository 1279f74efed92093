#include "master.hpp"

#include <unistd.h>

#include "store.hpp"

namespace hukou::sweep {

namespace fs = std::filesystem;

namespace {
output::MasterFile describe(const Stored& st, const fs::path& first,
                            const std::vector<output::LabelledGroup>& groups) {
  output::MasterFile m;
  m.template_run = first;
  for (std::size_t r = 0; r < st.runs(); ++r) m.run_sources.push_back(run_path("", r).string());
  for (std::size_t i = 0; i < st.keys.size(); ++i) {
    output::RunVariable v{st.keys[i], "swept parameter " + st.keys[i], {}};
    for (const auto& row : st.design) v.values.push_back(row[i]);
    m.run_variables.push_back(std::move(v));
  }
  for (const auto& [k, v] : st.info) m.attrs.emplace_back("sweep_" + k, v);
  std::string all;
  for (const auto& k : st.keys) all += (all.empty() ? "" : " ") + k;
  m.attrs.emplace_back("sweep_parameters", all);
  m.groups = groups;
  return m;
}
}  // namespace

void write_master(const fs::path& dir, const std::vector<output::LabelledGroup>& groups) {
  const Stored st = read_dir(dir);
  fs::path first;
  for (std::size_t r = 0; r < st.runs() && first.empty(); ++r)
    if (fs::exists(run_path(dir, r))) first = run_path(dir, r);
  if (first.empty()) throw StoreError(dir.string() + ": no run has finished yet; nothing to put in sweep.h5");
  const fs::path tmp = dir / ("sweep.h5.tmp." + std::to_string(::getpid()));  // shards may finish together
  try {
    output::write_master_file(tmp, describe(st, first, groups));
  } catch (...) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw;
  }
  const fs::path target = dir / "sweep.h5";
  sync_path(tmp, false);
  fs::rename(tmp, target);
  sync_path(dir, true);
}

}  // namespace hukou::sweep
