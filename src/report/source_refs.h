// Data-source notes that name a table the reader can find. A sentence built before the document is
// numbered carries SourceRef("budget_execution"); once the builder has numbered the tables,
// ResolveSourceRefs writes "表1-3-2 项目预算安排及支出情况表" in its place — a "（数据来源：…）"
// note then reads "（详见表1-3-2 …）", as the report's own table is no data source — or drops the
// whole note when the outline does not print that table (never an internal file name).
#pragma once

#include <map>
#include <string>

#include "document/document.h"

namespace jixiao::report {

// The placeholder for the table a template places as [[table:KEY]].
std::string SourceRef(const std::string& table_key);

// The table key a case file's data is printed in: "x/budget.csv" -> "budget_execution"; empty
// when no table of the report prints that file.
std::string TableKeyOf(const std::string& source_file);

// `placed`: table key -> caption of every table the builder placed.
void ResolveSourceRefs(doc::Document& document, const std::map<std::string, std::string>& placed);

}  // namespace jixiao::report
