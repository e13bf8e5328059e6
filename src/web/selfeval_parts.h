// A 自评表 version's content as the store keeps it: parts "NAME SIZE\n" + bytes, NAME one of
// form, budget, summary, project, xlsx, edits; `edits` is one "ROW\tFIELD\tTEXT" line per
// EditSelfEval call, replayed in order on load (ROW ignored for the budget block's fields); a
// line break inside TEXT (a long 偏差原因 typed over several lines) is kept as U+001E.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::web {

std::string PackParts(const std::vector<std::pair<std::string, std::string>>& parts);
std::map<std::string, std::string> UnpackParts(const std::string& content);

struct Edit {
  size_t row;
  std::string field, text;
};
std::vector<Edit> ReadEdits(const std::string& text);
// One edit as its stored line (with the final "\n"); ReadEdits gives `text` back exactly.
std::string EditLine(size_t row, const std::string& field, const std::string& text);

}  // namespace jixiao::web
