// An evaluation made from a unit's 绩效目标表 (POST /evaluations with `targets`): the table's
// latest version written for `NewCase`, and what reading it said, for the evaluator.
// Contract: the table's rows still 待确认 are listed first; nothing from the table is silent.
#pragma once

#include <string>
#include <vector>

#include "casefile/scaffold.h"
#include "core/diagnostics.h"
#include "web/db.h"

namespace jixiao::web {

// Writes the latest version of `table` into `scratch` as options.targets; when that version is a
// corrected CSV (accepted fixes are saved so) and the first was a workbook, the workbook too as
// options.targets_header, whose header block (项目名称, 实施单位, 资金 …) stands.
void WriteTargetsForCase(Db& db, const Doc& table, const std::string& scratch,
                         NewCaseOptions& options);

// What NewCase said while reading the table, errors left out, as lines for the page, the API's
// `notices` and the version note: the rows still 待确认 first, then other warnings, then
// notices; places in `scratch` are named 绩效目标表“<title>”.
std::vector<std::string> TableReadingNotes(const Diagnostics& diags, const std::string& scratch,
                                           const std::string& title);

// The new evaluation page's notice: "已新建。读取绩效目标表时请注意（N 条）：" and the first 8
// notes, pointing at version 1's note for the rest.
std::string NotesMessage(const std::vector<std::string>& notes);

// The tables 新建评价 offers (`tables` last saved first): one per unit, project and year, the
// last saved (an older upload made before re-uploads became versions is not offered beside it),
// as {id, "<项目>（<单位>，<年度>年，第 N 版）"}.
std::vector<std::pair<std::string, std::string>> TableChoices(const std::vector<Doc>& tables);

}  // namespace jixiao::web
