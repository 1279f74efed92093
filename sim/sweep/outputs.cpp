#include "outputs.hpp"

#include <algorithm>

#include "core/results.hpp"
#include "output/hdf5_reader.hpp"

namespace hukou::sweep {

namespace fs = std::filesystem;

RunOutputs run_outputs(const fs::path& dir, const Stored& st, const std::string& series, int year) {
  const SeriesSpec* spec = nullptr;
  for (const auto& s : output_series())
    if (s.name == series) spec = &s;
  if (!spec) throw StoreError("unknown output series '" + series + "' (see `hukou docs outputs`)");
  if (spec->dims != Dims::P) throw StoreError("'" + series + "' is not a prefecture-wide series (dims period only)");
  RunOutputs out;
  for (std::size_t r = 0; r < st.runs(); ++r) {
    const fs::path p = run_path(dir, r);
    if (!fs::exists(p))
      throw StoreError("run " + std::to_string(r) + " has not finished (" + p.string() + "); resume the sweep first");
    const output::RunFile f = output::read_run_file(p);
    const auto& years = f.replicates.at(0).years;
    const int y = year == 0 ? years.back() : year;
    const auto it = std::find(years.begin(), years.end(), y);
    if (it == years.end())
      throw StoreError("year " + std::to_string(y) + " is outside the runs' years " + std::to_string(years.front()) +
                       "-" + std::to_string(years.back()));
    const auto t = static_cast<std::size_t>(it - years.begin());
    double sum = 0;
    for (const RunResult& rep : f.replicates) sum += rep.at(spec->id, t);
    out.y.push_back(sum / static_cast<double>(f.replicates.size()));
    out.year = y;
  }
  return out;
}

}  // namespace hukou::sweep
