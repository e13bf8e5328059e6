// The data-entry path for newcomers (docs/case-format.md): `jixiao sheet` turns a case into the
// entry workbook's bytes; `jixiao import` reads a filled workbook back into a case folder.
// Contract: problems go to `diags` (located, Chinese); nothing is written by EntryWorkbookBytes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "casefile/entry_workbook.h"
#include "core/diagnostics.h"
#include "document/workbook.h"
#include "ingest/xlsx.h"
#include "model/case.h"
#include "model/framework.h"

namespace jixiao {

// Loads the case (it may still be incomplete) and its framework, and renders the workbook; its
// 说明 sheet tells `reader` how to bring it back (jixiao import, or the evaluation page's upload).
std::optional<std::string> EntryWorkbookBytes(const std::string& case_dir, Diagnostics& diags,
                                              EntryBookFor reader = EntryBookFor::kCommandLine);

// Reads FILE.xlsx into case folder `case_dir` (created when absent, its framework then found by
// the id on the 说明 sheet); writes atomically. Returns false when any error was reported.
bool ImportEntryWorkbook(const std::string& xlsx_file, const std::string& case_dir,
                         Diagnostics& diags, std::string& summary);

// The entry workbook's model (what EntryWorkbookBytes renders), for a form with the same fields
// and drop-down lists.
std::optional<doc::Workbook> EntryWorkbookModel(const std::string& case_dir, Diagnostics& diags,
                                                EntryBookFor reader = EntryBookFor::kCommandLine);

// ImportEntryWorkbook for a workbook already read (the web form's fields laid into the workbook's
// cells): the same checks, the same case files.
bool ImportEntryBook(const XlsxWorkbook& book, const std::string& case_dir, Diagnostics& diags,
                     std::string& summary);

// The case tables the case's framework scores from (model/table_needs.h: "funding.csv" ->
// {"A33 资金到位率"}); empty when the case or its framework cannot be read.
std::map<std::string, std::vector<std::string>> CaseTablesNeeded(const std::string& case_dir);

// The framework the case names, loaded without scoring (serve's pages before the first score:
// the 扣分制 leaves' 修改扣分 pages), with the case into `loaded` when given; nullopt when the
// case or its framework cannot be read.
std::optional<Framework> CaseFramework(const std::string& case_dir, Case* loaded = nullptr);

}  // namespace jixiao
