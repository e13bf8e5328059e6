// The 复核 workbooks of `selfeval check -o DIR`: 复核汇总 (one row per form: unit, project, printed
// and computed total and grade, gap, findings by class; sorted by the gap's size, largest first)
// and each form written back annotated (its cells with findings highlighted, each with a comment
// holding the findings, and a 复核意见 column). Contract: pure builders into doc::Workbook; figures
// are the scorer's, rounded to 0.01 only for display; nothing is read or written here.
#pragma once

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
};

// The finding classes of the summary, in column order, and the class of a finding code.
const std::vector<std::string>& ReviewClasses();
std::string ReviewClassOf(const std::string& code);

doc::Workbook BuildReviewSummary(const std::vector<ReviewedForm>& forms);
doc::Workbook BuildAnnotatedForm(const SelfEvaluation& form, const SelfEvalResult& result);

}  // namespace jixiao::report
