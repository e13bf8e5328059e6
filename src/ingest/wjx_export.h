// A 问卷星 (wjx.cn) .xlsx export ("按文本下载" or "按选项序号下载") read into a case's survey:
// header cells matched to the questionnaire's questions by text, answers turned into option texts.
// Contract: nothing is guessed. A header is mapped with certainty only when its normalised text
// (numbering, punctuation, blanks and full/half width removed) equals exactly one question's;
// everything else is left to a mapping the user confirms. Every problem is a located Chinese
// error (sheet!cell) in `diags`.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "ingest/xlsx.h"
#include "model/survey.h"

namespace jixiao {

// The export's own columns, which are not questions.
bool IsWjxMetaColumn(const std::string& header);
// "1.您对…是否满意？" -> "您对…是否满意": leading numbering, punctuation, blanks dropped,
// full-width letters and digits made half-width.
std::string NormalizeQuestionText(const std::string& text);
// "您通过哪些渠道了解？(多选)" -> "您通过哪些渠道了解？": the 多选 marks 问卷星 adds to a stem.
std::string WithoutMultipleMark(std::string text);

struct WjxColumn {
  int col = 0;             // 1-based
  std::string header;      // as in the export
  std::string target;      // question id or group column; "-" = not imported; empty = unmapped
  std::string suggestion;  // an uncertain candidate, for the mapping file only
  bool certain = false;
  // A 多选 question exported one column per option ("3.题干(多选):宣传资料"): the option this
  // column holds, its cells 1 (chosen), 0 or blank (not), or the option text. Empty otherwise.
  std::string option;
};

// "3.题干(多选):宣传资料" -> {"3.题干(多选)", "宣传资料"} at the last ':' or '：'; false if none.
bool SplitOptionHeader(const std::string& header, std::string& stem, std::string& option);

// Matches every non-meta header to a question (or to one of `groups`, the case's group columns).
// Besides a header equal to a question's text: an option column of a 多选 question (its stem, with
// "(多选)" and the like dropped, equals the question's text and its option is one of the
// question's), and a row column of a 矩阵 question ("5.您对以下…的满意度—服务态度": the text
// after the last "—" equals exactly one question's text).
std::vector<WjxColumn> MatchWjxHeaders(const std::vector<std::pair<int, std::string>>& headers,
                                       const Questionnaire& questionnaire,
                                       const std::vector<std::string>& groups);

struct WjxImport {
  int respondents = 0, valid = 0;
  std::vector<std::string> groups;        // group columns written
  std::vector<SurveyResponse> responses;  // answers as option texts
};

// Rows from 2 on that hold a non-empty cell, ascending (from the stored cells: a hostile sheet's
// far corner costs nothing).
std::vector<int> WjxAnswerRows(const XlsxSheet& sheet);

// Reads the answers of sheet `sheet` (row 1 = header) through `columns` (all mapped).
WjxImport ReadWjxAnswers(const XlsxWorkbook& book, const XlsxSheet& sheet,
                         const std::vector<WjxColumn>& columns, const Questionnaire& questionnaire,
                         Diagnostics& diags);

}  // namespace jixiao
