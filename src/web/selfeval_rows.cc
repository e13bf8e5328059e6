#include "web/selfeval_rows.h"

#include "core/text.h"

namespace jixiao::web {

std::vector<ShownRow> ShownRows(const SelfEvaluation& form) {
  std::vector<ShownRow> out;
  std::string level1, level2;  // carried down over every row, template rows included
  for (size_t i = 0; i < form.rows.size(); ++i) {
    const SelfEvalRow& row = form.rows[i];
    if (!Trim(row.level1.text).empty() && Trim(row.level1.text) != level1) {
      level1 = Trim(row.level1.text);
      level2.clear();  // a new 一级 opens its own 二级 groups
    }
    if (!Trim(row.level2.text).empty()) level2 = Trim(row.level2.text);
    if (row.template_row) continue;
    ShownRow s;
    s.index = i;
    s.number = static_cast<int>(out.size()) + 1;
    s.level1 = level1;
    s.level2 = level2;
    out.push_back(s);
  }
  size_t first1 = 0, first2 = 0;
  for (size_t k = 0; k < out.size(); ++k) {
    if (k == 0 || out[k].level1 != out[first1].level1) first1 = k;
    if (k == 0 || first1 == k || out[k].level2 != out[first2].level2) first2 = k;
    ++out[first1].level1_span;
    ++out[first2].level2_span;
  }
  return out;
}

int ShownNumber(const SelfEvaluation& form, size_t i) {
  for (const ShownRow& s : ShownRows(form))
    if (s.index == i) return s.number;
  return 0;
}

}  // namespace jixiao::web
