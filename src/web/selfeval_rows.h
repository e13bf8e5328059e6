// How the 自评表 page lays out the form's rows (trial 4 item 9): the template's empty rows (指标2,
// ……) are neither numbered nor shown, the others numbered 1…n; 一级 and 二级 carried down from
// merged cells and printed once per group (rowspan), as the form prints them.
#pragma once

#include <string>
#include <vector>

#include "model/selfeval.h"

namespace jixiao::web {

struct ShownRow {
  size_t index = 0;  // into form.rows
  int number = 0;    // 1…n over the rows that are not template rows
  std::string level1, level2;
  int level1_span = 0, level2_span = 0;  // rows the cell spans; 0 below a group's first row
};

// The form's rows that are not template rows, in order.
std::vector<ShownRow> ShownRows(const SelfEvaluation& form);
// The page's number of form row i (0 for a template row).
int ShownNumber(const SelfEvaluation& form, size_t i);

}  // namespace jixiao::web
