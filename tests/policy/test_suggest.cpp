#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "policy/suggest.hpp"

using hukou::policy::nearest;
using hukou::policy::osa_distance;

TEST_CASE("policy suggest: optimal string alignment distance", "[policy][suggest]") {
  CHECK(osa_distance("", "") == 0);
  CHECK(osa_distance("abc", "") == 3);
  CHECK(osa_distance("", "abc") == 3);
  CHECK(osa_distance("permit", "permit") == 0);
  CHECK(osa_distance("kitten", "sitting") == 3);
  CHECK(osa_distance("permti", "permit") == 1);  // one transposition
  CHECK(osa_distance("ca", "ac") == 1);
  // The restricted form: "ca" -> "ac" -> "abc" edits a substring twice, so 3, not 2.
  CHECK(osa_distance("ca", "abc") == 3);
  CHECK(osa_distance("colege_grad", "college_grad") == 1);
  CHECK(osa_distance("Permit", "permit") == 1);  // case-sensitive
  CHECK(osa_distance("小店", "小店区") == 1);      // code points, not bytes
  CHECK(osa_distance("迎泽区", "泽迎区") == 1);
  for (auto [a, b] : std::vector<std::pair<std::string_view, std::string_view>>{
           {"household_size", "hosehold_sise"}, {"abcdef", "badcfe"}, {"x", "yyyy"}})
    CHECK(osa_distance(a, b) == osa_distance(b, a));
}

TEST_CASE("policy suggest: nearest candidate within the limit", "[policy][suggest]") {
  const std::vector<std::string_view> names{"college_grad", "employed", "permit", "permit_years",
                                            "formal_job", "age"};
  CHECK(nearest("colege_grad", names) == "college_grad");
  CHECK(nearest("emplyed", names) == "employed");
  CHECK(nearest("permti", names) == "permit");
  CHECK(nearest("permit", names) == "permit");          // exact match
  CHECK(nearest("permit_yaers", names) == "permit_years");
  CHECK(nearest("formaljob", names) == "formal_job");
  CHECK(nearest("ag", names) == "age");
  CHECK(nearest("land_rights", names).empty());
  CHECK(nearest("xyz", names).empty());
  CHECK(nearest("", {}).empty());
  CHECK(nearest("anything", {}).empty());
  CHECK(nearest("小店", {"迎泽区", "小店区"}) == "小店区");

  SECTION("the limit is max(2, size/3), inclusive") {
    // 9 bytes: limit 3.
    CHECK(nearest("abcdefghi", {"abcdefXYZ"}) == "abcdefXYZ");
    CHECK(nearest("abcdefghi", {"abcdeWXYZ"}).empty());
    // Short words still get 2.
    CHECK(nearest("ab", {"xy"}) == "xy");
    CHECK(nearest("ab", {"xyz"}).empty());
    CHECK(nearest("", {"xy"}) == "xy");
    CHECK(nearest("", {"xyz"}).empty());
  }
  SECTION("ties go to the earliest candidate; closer beats earlier") {
    CHECK(nearest("cat", {"bat", "hat"}) == "bat");
    CHECK(nearest("cat", {"hat", "bat"}) == "hat");
    CHECK(nearest("cart", {"cat_", "cart"}) == "cart");
    CHECK(nearest("cart", {"carts", "car"}) == "carts");
  }
  SECTION("empty candidates are never suggested") {
    CHECK(nearest("ab", {""}).empty());
    CHECK(nearest("ab", {"", "abc"}) == "abc");
  }
  SECTION("huge words cost nothing and match nothing short") {
    const std::string huge(1 << 20, 'a');
    CHECK(nearest(huge, names).empty());
    CHECK(nearest("permit", {std::string_view(huge)}).empty());
  }
}
