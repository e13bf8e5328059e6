// A 自评表 version's content as the store keeps it: parts "NAME SIZE\n" + bytes, NAME one of
// form, budget, summary, project, xlsx, edits; `edits` is one "ROW\tFIELD\tTEXT" line per
// EditSelfEval call, replayed in order on load (ROW ignored for the budget block's fields).
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

}  // namespace jixiao::web
