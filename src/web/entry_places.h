// Presentation only: a case folder's diagnostic as the evaluator sees it in the browser, where the
// case is the entry workbook and the narrative page, never case.json or CSV files. The location
// becomes the workbook's sheet (and row or indicator), the CLI's file-editing advice becomes what
// to do on the page. The check itself is app/'s (ValidatePath); nothing is decided here.
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "report/workbook_builder.h"

namespace jixiao::web {

// "“评价结论”页 C11", "“预算执行”页第3行", "“填写叙述”页", or "" when the location means nothing
// in the workbook.
std::string EntryPlace(const Location& where);

// The page of evaluation `id` where that place is filled in ("/evaluations/ID/narrative#n-KEY",
// ".../observations", ".../entry"), or "" when no page of the browser holds it.
std::string EntryLink(const Location& where, const std::string& id);

// For a rule's missing table (rule.missing_file, located in the framework): the entry form's part
// where that table is filled; "" for any other item.
std::string MissingTableLink(const Diagnostic& d, const std::string& id);

// The message with the CLI's advice (edit or delete files, README examples, metrics.“X”) said as
// the page's steps.
std::string EntryMessage(const std::string& message);

// The scoring workbook's 数据核查 places for a case kept in `case_dir` on the server (issue 21
// N3): each item at its page or sheet row as EntryPlace says it, the message as EntryMessage
// says it; a place no page holds is left blank, so no server path or file name reaches the file.
report::CheckPlaces WorkbookPlaces(const std::string& case_dir);

// An indicator's explanation (`score --explain`) with its sources as workbook places, the rule
// kinds and input names in Chinese; the arithmetic is kept as it is.
std::string ExplainForPage(const std::string& text);

}  // namespace jixiao::web
