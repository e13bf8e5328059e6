#include "web/entry_places.h"

#include <cctype>
#include <utility>
#include <vector>

#include "casefile/scaffold.h"
#include "report/builder.h"

namespace jixiao::web {
namespace {

// The entry workbook's sheet for each file of a case folder (app/entry_app.h, docs/case-format.md).
const std::vector<std::pair<std::string, std::string>>& Sheets() {
  static const std::vector<std::pair<std::string, std::string>> kSheets = {
      {"budget.csv", "预算执行"},    {"funding.csv", "资金到位"}, {"history.csv", "历年预算"},
      {"transfers.csv", "资金划拨"}, {"plan.csv", "计划完成"},    {"disbursements.csv", "发放明细"},
      {"targets.csv", "绩效目标"}};
  return kSheets;
}

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

// "name（项目名称）" → "项目名称": the case.json key dropped, its Chinese label kept.
std::string DropKeys(const std::string& m) {
  static const std::string kOpen = "（", kClose = "）";
  std::string out;
  size_t at = 0;
  while (true) {
    size_t open = m.find(kOpen, at);
    if (open == std::string::npos) break;
    size_t key = open;
    while (key > at && (std::islower(static_cast<unsigned char>(m[key - 1])) || m[key - 1] == '_'))
      --key;
    size_t close = m.find(kClose, open);
    if (key == open || close == std::string::npos) {
      out += m.substr(at, open + kOpen.size() - at);
      at = open + kOpen.size();
      continue;
    }
    out += m.substr(at, key - at) + m.substr(open + kOpen.size(), close - open - kOpen.size());
    at = close + kClose.size();
  }
  return out + m.substr(at);
}

}  // namespace

std::string EntryPlace(const Location& where) {
  const std::string& file = where.file;
  if (file == "narrative" || file.rfind("narrative/", 0) == 0) return "“填写叙述”页";
  if (file == "case.json") {
    const std::string& p = where.path;
    if (p.rfind("$.project", 0) == 0) return "“项目信息”页";
    if (p.rfind("$.metrics", 0) == 0) return "“指标数据”页";
    if (p.rfind("$.findings.", 0) == 0) {
      std::string code = p.substr(11);
      code = code.substr(0, code.find('.'));
      return "“评价结论”页 " + code;
    }
    if (p.rfind("$.deductions", 0) == 0) return "“扣分明细”页";
    return "“项目信息”页";
  }
  for (const auto& [name, sheet] : Sheets())
    if (file == name)
      return "“" + sheet + "”页" +
             (where.line > 1 ? "第" + std::to_string(where.line) + "行" : std::string());
  return file.empty() ? "" : where.ToString();
}

std::string EntryMessage(const std::string& message) {
  std::string m = message;
  ReplaceAll(m, "（写好后删去【待填写】那一行）", "（在“填写叙述”页逐节写好并保存）");
  ReplaceAll(m, "（示例行见 README.md）", "");
  ReplaceAll(m, "；本项目没有这类数据时删去该文件", "；本项目没有这类数据时可不填");
  ReplaceAll(m, "只有表头，待填写", "待填写");
  ReplaceAll(m, "不适用的项可删去该键", "不适用的项可不填");
  m = DropKeys(m);
  ReplaceAll(m, "指标值 metrics.", "“指标数据”页的指标值 ");
  ReplaceAll(m, "metrics.", "“指标数据”页 ");
  // Narrative files by the section headings the narrative page shows.
  if (m.find("narrative/") != std::string::npos)
    for (const auto& [key, heading] : NarrativeSections(report::DefaultTemplateDir()))
      if (!heading.empty()) ReplaceAll(m, "narrative/" + key + ".md", "“" + heading + "”");
  return m;
}

}  // namespace jixiao::web
