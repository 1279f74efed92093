// The registry of default priors (core/priors.def): every declaration belongs to a
// numeric parameter, stays inside its bounds around its default and is a well-formed
// distribution; and the check that says so reports each kind of mistake.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/params.hpp"
#include "core/priors.hpp"

using namespace hukou;

namespace {
bool mentions(const std::vector<std::string>& problems, const std::string& what) {
  for (const auto& p : problems)
    if (p.find(what) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE("core priors: the shipped registry has no problem", "[core][priors]") {
  const auto problems = prior_problems(prior_registry());
  for (const auto& p : problems) UNSCOPED_INFO(p);
  CHECK(problems.empty());
}

TEST_CASE("core priors: each mistake in a declaration is reported", "[core][priors]") {
  // decision.asc_settle: a double in [-20, 20], default -3.
  const PriorSpec good{"decision.asc_settle", PriorDist::normal, -3.0, 1.5, -8.0, 1.0, "test"};
  CHECK(prior_problems(std::vector<PriorSpec>{good}).empty());
  const auto with = [&](auto change) {
    PriorSpec p = good;
    change(p);
    return prior_problems(std::vector<PriorSpec>{p});
  };
  CHECK(mentions(with([](PriorSpec& p) { p.key = "decision.asc_setle"; }), "no such parameter"));
  CHECK(mentions(with([](PriorSpec& p) { p.key = "policy.land_surrender_required"; }), "yes/no parameter"));
  CHECK(mentions(with([](PriorSpec& p) { p.lo = -30.0; }), "leave the parameter's"));
  CHECK(mentions(with([](PriorSpec& p) { p.lo = 2.0; p.hi = 1.0; }), "not a finite interval"));
  CHECK(mentions(with([](PriorSpec& p) { p.lo = -2.0; }), "default -3 is outside"));
  CHECK(mentions(with([](PriorSpec& p) { p.b = 0.0; }), "positive sd"));
  CHECK(mentions(with([](PriorSpec& p) { p.dist = PriorDist::uniform; p.a = -2.0; p.b = -2.0; }), "is empty"));
  CHECK(mentions(with([](PriorSpec& p) { p.dist = PriorDist::uniform; p.a = -9.0; p.b = 0.0; }), "not within its bounds"));
  CHECK(mentions(with([](PriorSpec& p) { p.dist = PriorDist::beta; p.a = 0.0; }), "shapes must be positive"));
  CHECK(mentions(with([](PriorSpec& p) { p.dist = PriorDist::lognormal; }), "must not be negative"));
  CHECK(mentions(with([](PriorSpec& p) { p.source = ""; }), "no source"));
  CHECK(mentions(prior_problems(std::vector<PriorSpec>{good, good}), "declared twice"));
}

TEST_CASE("core priors: every prior is found by its key and described for the docs", "[core][priors]") {
  for (const PriorSpec& p : prior_registry()) {
    INFO(p.key);
    CHECK(find_prior(p.key) == &p);
    CHECK_FALSE(describe(p).empty());
  }
  CHECK(find_prior("decision.no_such_key") == nullptr);
  const PriorSpec beta{"decision.asc_settle", PriorDist::beta, 2.0, 5.0, 0.0, 0.12, "test"};
  CHECK(describe(beta) == "Beta(2, 5) on [0, 0.12]");
}
