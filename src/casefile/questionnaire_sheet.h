// survey/问卷题目.csv: the questionnaire as an Excel user writes it, so a case needs no
// hand-written questionnaire.json. One row per question (编号, 题目, 类型, 选项, 指标, 计算方法,
// 计入指标的选项, 选项分值, 分组) and the rows 问卷标题 / 调查对象总数 / 抽样方式 (value in 题目).
// Contract: QuestionnaireJsonFromCsv checks every cell with a located Chinese error (file:line,
// column) and returns the questionnaire.json text only when there is none; DraftQuestionnaireCsv
// proposes the sheet from a 问卷星 export (texts and the options seen) for the user to complete.
// Nothing is written here.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "ingest/csv.h"
#include "ingest/xlsx.h"

namespace jixiao {

inline constexpr char kQuestionnaireSheetName[] = "问卷题目.csv";

std::optional<std::string> QuestionnaireJsonFromCsv(const CsvTable& table, Diagnostics& diags);

// The sheet filled from the export's header (question texts, numbering dropped) and answers
// (options in the order first seen, a 多选 when a cell joins options with ┋ or the question is
// exported one column per option); 指标, 计算方法, 计入指标的选项 and 选项分值 are left blank.
// UTF-8 with a BOM, so that Excel opens it as UTF-8.
std::string DraftQuestionnaireCsv(const XlsxSheet& sheet);

}  // namespace jixiao
