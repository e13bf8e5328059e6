// `selfeval new` and `selfeval score` as jobs: a unit's 绩效目标表 (CSV or .xlsx, as `targets
// check` reads it) becomes a blank 自评表 workbook in the national layout with the rule set's 分值;
// a filled form (a .xlsx in any layout, or a CSV folder) is scored and rendered as the filled,
// print-ready form (.xlsx) and the 绩效自评报告 (.docx). Contract: bytes out, nothing written here;
// problems are located errors in `diags`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/report_files.h"
#include "app/selfeval_app.h"
#include "app/targets_app.h"
#include "report/selfeval_report.h"

namespace jixiao {

// Where the blank form's 年度 comes from, first found wins: `year` (--year), the targets table's
// title (（2023年度）) or project.json "年度", then a 19xx/20xx in `file_name` (the name the user
// gave the table or its folder; "" when there is none, as for an upload kept under a random name).
// `known_year`, `project` and `unit` (what a caller such as the web page already knows) fill the
// form's 年度, 项目名称 and 实施单位 only where the table says nothing.
struct SelfEvalYearHint {
  std::string year, file_name;
  std::string known_year, project, unit;
};
// A year as typed: four digits 1990–2099 ("2023", "2023年", "2023年度" accepted), else "".
std::string NormalizeSelfEvalYear(const std::string& text);

// The blank form's .xlsx bytes, or nullopt (with errors) when the table cannot be read or has no
// indicator row. Where the 年度 came from is a 提示 in `diags`; an unknown 年度 is a warning
// naming the cell to fill (自评表!A2), never a silent blank.
std::optional<std::string> NewSelfEvalForm(const std::string& targets_path,
                                           const SelfEvalRules& rules, Diagnostics& diags,
                                           const SelfEvalYearHint& hint = {});
// The same from a table already loaded (the web's stored version, whose 申报表 header block —
// 项目资金 included — is kept from the uploaded workbook); `source` names it in messages.
std::optional<std::string> NewSelfEvalForm(const TargetFile& table, const std::string& source,
                                           const SelfEvalRules& rules, Diagnostics& diags,
                                           const SelfEvalYearHint& hint = {});

// A form checked by CheckSelfEvalWorkbookFile / CheckSelfEvalFolder, under `rules` (the set it was
// scored by): <base>.xlsx (the filled form with the computed 得分, 执行率, 总分 and 等级) and
// <base>_自评报告.docx (worded for `report`: the unit's 自评, or a 复核). Nullopt when the form
// could not be read. `as_typed`: the form carries the unit's own 得分 and 总分, the 复核分 on a
// labelled line (report::BuildSelfEvalWorkbook).
std::optional<std::vector<OutputFile>> ScoreSelfEvalForm(
    const SelfEvalCheck& check, const SelfEvalRules& rules, const std::string& base,
    Diagnostics& diags, const report::SelfEvalReportOptions& report = {}, bool as_typed = false);

}  // namespace jixiao
