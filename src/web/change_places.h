// Presentation only: where a change between two versions of an evaluation lies, said as the pages
// and the entry workbook say it ("“评价结论”页 A11 分析", "“预算执行”页第3行", "叙述“立项背景”"),
// never as the case folder's file names or case.json paths. The diff itself is case_snapshot's;
// the API keeps its folder paths, this only names them for people.
#pragma once

#include <string>

namespace jixiao::web {

// "case.json findings.A11.analysis" → "“评价结论”页 A11 分析"; "budget.csv 第 3 行" →
// "“预算执行”页第3行"; a place it does not know is returned as it is.
std::string ChangePlace(const std::string& place);

// "background.md" (a narrative file) → "叙述“立项背景”"; anything else unchanged.
std::string NarrativeFileLabel(const std::string& file);

}  // namespace jixiao::web
