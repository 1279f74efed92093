#include <catch2/catch.hpp>

#include "output/display.hpp"

using namespace hukou;

// The same cases as tests/analysis/test_report.py's percentage-point test: the
// command line and the report write a number the same way.
TEST_CASE("display: rates in percent, differences in pp that never read as zero", "[output][display]") {
  CHECK(output::pp(0.0123456) == "+1.23 pp");
  CHECK(output::pp(-0.0000123456) == "-0.00123 pp");
  CHECK(output::pp(9.28e-07) == "+<0.001 pp");
  CHECK(output::pp(-3e-9) == "-<0.001 pp");
  CHECK(output::pp(0.0) == "0 pp");
  CHECK(output::percent(0.809343) == "80.93%");
  CHECK(output::whole(1234567.4) == "1,234,567");
  CHECK(output::whole(-20.0, true) == "-20");
  CHECK(output::whole(999.6, true) == "+1,000");
  CHECK(output::whole(0.2, true) == "0");
}

TEST_CASE("display: a table's rows formatted by their units", "[output][display]") {
  output::Table t;
  t.columns = {{"what", "", ""}, {"value", "", ""}, {"difference", "", ""}, {"units", "", ""}};
  t.add({std::string("rate"), 0.5, 0.00002, std::string("1")});
  t.add({std::string("count"), 88900.0, 20.0, std::string("persons")});
  const output::Table r = output::for_reading(t, {"value"}, {"difference"});
  CHECK(std::get<std::string>(r.rows[0][1]) == "50.00%");
  CHECK(std::get<std::string>(r.rows[0][2]) == "+0.002 pp");
  CHECK(std::get<std::string>(r.rows[1][1]) == "88,900");
  CHECK(std::get<std::string>(r.rows[1][2]) == "+20");
  CHECK(r.columns[1].right);
  CHECK(std::get<double>(t.rows[0][1]) == 0.5);  // the table itself keeps the values
}

// A mean absolute error is a size: it reads without a sign, while an error per
// point in the same table keeps its sign.
TEST_CASE("display: magnitudes of differences have no sign", "[output][display]") {
  CHECK(output::pp_magnitude(0.008) == "0.8 pp");
  CHECK(output::pp_magnitude(-0.008) == "0.8 pp");
  CHECK(output::pp_magnitude(9.28e-07) == "<0.001 pp");
  CHECK(output::pp_magnitude(0.0) == "0 pp");
  output::Table t;
  t.columns = {{"error", "", ""}, {"mae", "", ""}, {"units", "", ""}};
  t.add({0.008, 0.008, std::string("1")});
  t.add({-20.0, 20.0, std::string("persons")});
  const output::Table r = output::for_reading(t, {}, {"error"}, "units", {"mae"});
  CHECK(std::get<std::string>(r.rows[0][0]) == "+0.8 pp");
  CHECK(std::get<std::string>(r.rows[0][1]) == "0.8 pp");
  CHECK(std::get<std::string>(r.rows[1][0]) == "-20");
  CHECK(std::get<std::string>(r.rows[1][1]) == "20");
  CHECK(r.columns[1].right);
}
