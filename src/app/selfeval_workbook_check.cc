#include "app/selfeval_workbook_check.h"

#include "core/text.h"
#include "ingest/selfeval_workbook.h"

namespace jixiao {
namespace {

struct Relocate {
  const SelfEvalWorkbook& wb;
  void operator()(Location& where) const { where = SelfEvalWorkbookLocation(wb, where); }
  void operator()(std::vector<Diagnostic>& findings) const {
    for (auto& d : findings) (*this)(d.where);
  }
  void Form(SelfEvaluation& f) const {
    for (auto& r : f.rows) {
      for (PrintedText* t : {&r.level1, &r.level2, &r.level3, &r.nature, &r.target, &r.target_unit,
                             &r.actual, &r.reason})
        (*this)(t->where);
      (*this)(r.weight.where);
      (*this)(r.score.where);
      r.line = SelfEvalWorkbookRow(wb, r.line);
    }
    auto& b = f.budget;
    for (PrintedMoney* m : {&b.year_start, &b.full_year, &b.executed}) (*this)(m->where);
    for (PrintedNumber* n : {&b.weight, &b.rate, &b.score}) (*this)(n->where);
    (*this)(b.reason.where);
    for (auto& source : b.sources) {
      (*this)(source.name.where);
      for (PrintedMoney* m : {&source.year_start, &source.full_year, &source.executed})
        (*this)(m->where);
    }
    if (!wb.budget.rows.empty()) b.line = wb.budget.rows.front().line;
    (*this)(f.total.where);
    (*this)(f.grade.where);
    f.layout = LayoutName(wb.layout);
  }
};

}  // namespace

bool IsSelfEvalWorkbookPath(const std::string& path) {
  std::string lower;
  for (char ch : path) lower += static_cast<char>(tolower(static_cast<unsigned char>(ch)));
  return EndsWith(lower, ".xlsx");
}

SelfEvalCheck CheckSelfEvalWorkbookFile(const std::string& path, const SelfEvalRules& rules,
                                        const SelfEvalRules* no_weight_rules) {
  SelfEvalWorkbook wb;
  Diagnostics read;
  if (!LoadSelfEvalWorkbook(path, wb, read)) {
    SelfEvalCheck check;
    check.source = path;
    check.reading = read;
    check.result.source = path;
    check.result.rules_id = rules.id;
    check.result.findings = read.items();
    return check;
  }
  SelfEvalCheck check = CheckSelfEvalBytes(SelfEvalWorkbookInput(wb), rules, no_weight_rules);
  const Relocate relocate{wb};
  if (check.form) relocate.Form(*check.form);
  Diagnostics reading;
  for (auto d : check.reading.items()) {
    relocate(d.where);
    reading.Add(d.severity, d.code, d.where, d.message);
  }
  check.reading = reading;
  relocate(check.result.findings);
  relocate(check.result.budget.findings);
  for (auto& r : check.result.rows) {
    relocate(r.findings);
    r.line = SelfEvalWorkbookRow(wb, r.line);
  }
  return check;
}

}  // namespace jixiao
