// An in-memory run file with chosen values, for checking evaluation arithmetic by hand.
#pragma once
#include <catch2/catch.hpp>

#include "output/hdf5_reader.hpp"
#include "output/table.hpp"

namespace hukou::test {

// Years 2017-2020, zones A and B, one channel; registered rate of replicate r in
// year y = start + (y - 2017) * step + r * spread; settlements 100 * (r + 1) per zone.
inline output::RunFile run_file(std::size_t replicates, double start, double step, double spread) {
  output::RunFile f;
  f.path = "fixture.h5";
  f.meta.seed = 1;
  for (std::size_t r = 0; r < replicates; ++r) {
    RunResult res({2017, 2018, 2019, 2020}, {"A", "B"}, {"open"});
    for (std::size_t p = 0; p < 4; ++p) {
      res.at(Series::registered_urbanization_rate, p) = start + static_cast<double>(p) * step + static_cast<double>(r) * spread;
      for (std::size_t z = 0; z < 2; ++z) {
        res.at(Series::settlements, p, z, 0) = 100.0 * static_cast<double>(r + 1);
        res.at(Series::population_registered, p, z) = 1000.0;
        res.at(Series::population_resident, p, z) = 1200.0;
      }
    }
    f.replicates.push_back(res);
    f.meta.replicate_seeds.push_back(r + 1);
  }
  return f;
}

// A number of table `t`, row `row`, column `col` (a test fails if there is none).
inline double cell(const output::Table& t, std::size_t row, const std::string& col) {
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (t.columns[c].name == col) return std::get<double>(t.rows.at(row)[c]);
  FAIL("no column " << col);
  return 0;
}

}  // namespace hukou::test
