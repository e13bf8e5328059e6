// The 复核 workbooks of `selfeval check -o DIR`: 复核汇总 (one row per form: unit, project, printed
// and computed total and grade, gap, the count of findings (as the web 复核 list counts), counts
// by severity and by class, 行得分合计; sorted by the gap's size, largest first, taken from the
// 行得分合计 when no 总分 is printed) and each form written back annotated (its cells with findings
// highlighted, each with a comment holding the findings, and a 复核意见 column). Contract: pure
// builders into doc::Workbook; figures are the scorer's, rounded to 0.01 only for display; nothing
// is read or written here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "document/workbook.h"
#include "model/selfeval.h"
#include "scoring/selfeval_score.h"

namespace jixiao::report {

struct ReviewedForm {
  const SelfEvaluation* form = nullptr;  // nullptr when the form could not be read
  const SelfEvalResult* result = nullptr;
  std::string source;      // shown when the form could not be read
  std::string read_error;  // the first reading error, for unreadable forms
  // As the caller's pages show the form (serve: its title and its unit); "" → source / the
  // printed 单位. 项目名称 is the printed one, else `name`.
  std::string name;
  std::string unit;
  // serve: the bureau's 复核 decision as 状态, 意见, 复核人, 时间 (复核汇总 then has those four
  // columns at the end); empty in the CLI.
  std::vector<std::string> decision;
};

// One form's figures, the same in the 复核 list page and in 复核汇总 (one computation for both):
// totals in hundredths (claimed -1 when the form prints no 总分), the gap printed − computed when
// printed, and every finding the form's page lists (错误, 警告 and 提示 alike).
struct ReviewFigures {
  int64_t claimed = -1;
  int64_t computed = 0;
  int64_t findings = 0;
  // 行得分合计: the typed row 得分 plus the budget 得分 (rows not applicable left out), -1 when
  // none is typed — what a form made in the browser, with no printed 总分, adds up to.
  int64_t row_total = -1;
  bool printed() const { return claimed >= 0; }
  int64_t gap() const { return claimed - computed; }
};
ReviewFigures ReviewFiguresOf(const SelfEvalResult& r);

// The finding classes of the summary, in column order, and the class of a finding code.
const std::vector<std::string>& ReviewClasses();
std::string ReviewClassOf(const std::string& code);

// One 复核汇总 row, everything it prints: a caller reading many forms (serve's export of a
// region) keeps these rows, a few hundred bytes each, not the forms and their results.
struct ReviewSummaryRow {
  bool readable = false;
  std::string form;  // the 自评表 column: its name, else the source
  std::string unit, project, read_error;
  std::vector<std::string> decision;
  ReviewFigures figures;
  bool has_computed = false;
  std::string claimed_grade, computed_grade;
  int64_t errors = 0, warnings = 0, infos = 0;
  std::vector<int64_t> by_class;  // warnings and errors per ReviewClasses() entry
};
ReviewSummaryRow ReviewRowOf(const ReviewedForm& f);

doc::Workbook BuildReviewSummary(const std::vector<ReviewedForm>& forms);
doc::Workbook BuildReviewSummary(const std::vector<ReviewSummaryRow>& rows);
doc::Workbook BuildAnnotatedForm(const SelfEvaluation& form, const SelfEvalResult& result);

}  // namespace jixiao::report
