// The county evaluation of Qiannan's appendix 1 (黔南州 2018 县级考核): per county,
//   registered-rate rise   40 × rise / required rise, within [0, 40];
//   settlement             30 × settlers / rise of the urban-hukou population, within [0, 30];
//   relocation settlement  30 × relocated settlers / persons listed for relocation, within [0, 30];
// total out of 100. Settlers exclude in-situ reclassification, urban-village
// conversion and births, as the appendix's counting rule says (the model's
// `settlements` never include them). Scored per replicate; the table gives means.
#pragma once
#include "evaluate/indicators.hpp"
#include "output/table.hpp"

namespace hukou::evaluate {

struct ScoreParts {
  double rate = 0, settlement = 0, relocation = 0;
  double total() const { return rate + settlement + relocation; }
};

// Edge cases (the appendix is silent): a non-positive required rise scores full
// marks if the rate did not fall; no rise of the urban population scores 30 if
// anyone settled; nobody listed for relocation scores 30.
ScoreParts score(double rise, double required_rise, double settlers, double urban_increase, double relocated,
                 double listed);

// Every zone with a registered_urbanization_rate_zone target in the scored year
// (the file's county_score_* attributes, from the scenario's [county_score]).
// Throws EvaluationError if the file has no county evaluation.
output::Table county_scores(const output::RunFile& f);

}  // namespace hukou::evaluate
