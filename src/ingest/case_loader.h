// Reads a case directory (DESIGN.md §4): case.json, the CSV tables that are present, and the
// narrative Markdown files.
// Contract: every problem goes to `diags` with file and line/column or JSON path; returns nullopt
// if any error was reported. Absent optional files leave their Table with present == false.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "model/case.h"

namespace jixiao {

std::optional<Case> LoadCase(const std::string& dir, Diagnostics& diags);

// The id LoadCase would give the case: case.json's "id", else the directory's name (also when
// case.json cannot be read; LoadCase reports that).
std::string CaseIdOf(const std::string& dir);

// The CSV tables alone, for callers that already hold case.json's contents.
void LoadCaseTables(const std::string& dir, Case& c, Diagnostics& diags);

// survey/questionnaire.json + survey/responses.csv of a case directory, when present.
void LoadSurvey(const std::string& dir, Survey& survey, Diagnostics& diags);
// survey/questionnaire.json alone (for `jixiao survey import` before any responses exist); false
// when it has errors (all reported in `diags`).
bool LoadQuestionnaire(const std::string& file, Questionnaire& questionnaire, Diagnostics& diags);

// attachments/ of a case directory (附件2-1 标题.md appended, 附件6-1 标题.pdf 另附), in number
// order; links out of the case, FIFOs, names not in UTF-8, .md not in UTF-8 and duplicate numbers
// are located errors, a name or type that cannot be read is a warning (the file is left out).
void LoadAttachments(const std::string& dir, std::vector<Attachment>& out, Diagnostics& diags);

// Single tables from any path: a 绩效目标表 (targets.csv layout) and a budget (budget.csv layout).
void LoadTargetFile(const std::string& file, Table<TargetRow>& table, Diagnostics& diags);
void LoadBudgetFile(const std::string& file, Case& c, Diagnostics& diags);

// project.json of a standalone 绩效目标申报表 (Chinese keys: 项目名称, 项目类别, 主管部门,
// 实施单位, 计划开始日期, 计划完成日期, 项目资金总额, 其中财政资金, 其他资金, 总目标, 年度目标;
// amounts in 万元).
TargetProject LoadTargetProject(const std::string& file, Diagnostics& diags);

}  // namespace jixiao
