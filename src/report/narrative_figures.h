// Figures the evaluator wrote in running text, checked against what the case computes: the total
// score and grade, 一级 and leaf 得分, 预算/执行数/调整后预算, derived and entered metrics
// (执行率 …) and the 实际值 of 绩效目标 rows; and blanket claims ("圆满完成各项任务", "效果显著")
// that the scores contradict. Contract: pure (no I/O); a figure counts only where a named quantity
// stands right before it ("执行44.5万元", "评价得分91.5分"); a figure written with fewer decimals
// that rounds (half-up) to the computed one agrees; every computed figure is printed by
// core/format.
#pragma once

#include <string>
#include <vector>

#include "report/report_input.h"

namespace jixiao::report {

struct FigureIssue {
  std::string code;     // kFigureCode, kScoreCode or kClaimCode
  std::string section;  // a narrative key ("budget_basis") or a JSON path ("$.experiences[0].text")
  size_t offset = 0;    // byte offset of the sentence in that text
  std::string sentence;  // the sentence as written
  std::string message;   // Chinese: the written figure, the computed one with its unit, what to do
};

extern const char* const kFigureCode;  // a figure that disagrees with the data
extern const char* const kScoreCode;   // the total score or grade disagrees (定稿 refuses)
extern const char* const kClaimCode;   // a blanket claim the scores contradict

// Checks one text (`section` names it in the issues).
std::vector<FigureIssue> CheckTextFigures(const ReportInput& in, const std::string& section,
                                          const std::string& text);
// Every narrative section of the case and the texts of its 经验/问题/建议.
std::vector<FigureIssue> CheckNarrativeFigures(const ReportInput& in);

}  // namespace jixiao::report
