#include "web/entry_places.h"

#include <cctype>
#include <cstdlib>
#include <utility>
#include <vector>

#include "app/score_explain.h"
#include "casefile/scaffold.h"
#include "report/builder.h"
#include "report/section_drafts.h"
#include "web/http.h"

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

// An indicator code usable as it is in a fragment (A11, C3-1): letters, digits, - and _.
bool SafeAnchor(const std::string& code) {
  if (code.empty()) return false;
  for (char c : code)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return true;
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
      if (size_t d = p.find(".deductions"); d != std::string::npos) {
        // The indicator's Nth deduction, as the 扣分 page numbers them (issue 21: 第N条).
        const size_t open = p.find('[', d);
        const int n = open == std::string::npos ? 0 : std::atoi(p.c_str() + open + 1) + 1;
        return "“扣分明细”页 " + code + (n > 0 ? " 扣分第" + std::to_string(n) + "条" : "");
      }
      return "“评价结论”页 " + code;
    }
    if (p.rfind("$.deductions", 0) == 0) return "“扣分明细”页";
    if (p.rfind("$.narrative", 0) == 0) {
      if (p.rfind("$.narrative.", 0) == 0)
        for (const auto& [key, heading] : NarrativeSections(report::DefaultTemplateDir()))
          if (!heading.empty() && p == "$.narrative." + key) return "“填写叙述”页“" + heading + "”";
      return "“填写叙述”页";
    }
    static const std::pair<const char*, const char*> kObservationLists[] = {
        {"$.experiences", "主要经验及做法"},
        {"$.problems", "存在问题"},
        {"$.suggestions", "相关建议"}};
    for (const auto& [list, heading] : kObservationLists)
      if (p.rfind(list, 0) == 0) return std::string("“经验、问题与建议”页“") + heading + "”";
    return "“项目信息”页";
  }
  // Survey answers are uploaded in the evaluation page's 问卷调查 section, not typed in a sheet.
  if (file.rfind("survey/", 0) == 0) return "评价页“问卷调查”中导入的问卷答卷";
  for (const auto& [name, sheet] : Sheets())
    if (file == name)
      return "“" + sheet + "”页" +
             (where.line > 1 ? "第" + std::to_string(where.line) + "行" : std::string());
  // The framework the case is scored by (a file on the server): named as the page names it.
  if (file.size() > 5 && file.compare(file.size() - 5, 5, ".json") == 0)
    return "评价所用的指标体系";
  return "";  // never a file name or a path on the server (issue 21 N3)
}

std::string MissingTableLink(const Diagnostic& d, const std::string& id) {
  if (d.code != "rule.missing_file") return "";
  for (const char* file : {"budget.csv", "funding.csv", "transfers.csv"})
    if (d.message.find(file) != std::string::npos) return EntryLink({file, 0, 0, ""}, id);
  return "";
}

std::string EntryLink(const Location& where, const std::string& id) {
  const std::string base = "/evaluations/" + id;
  const std::string& file = where.file;
  const std::string& p = where.path;
  auto section = [&](std::string key) {
    for (const auto& [k, heading] : NarrativeSections(report::DefaultTemplateDir()))
      if (k == key) return base + "/narrative#n-" + key;  // a key the template names: safe
    return base + "/narrative";
  };
  if (file.rfind("narrative/", 0) == 0 && file.size() > 13 &&
      file.compare(file.size() - 3, 3, ".md") == 0)
    return section(file.substr(10, file.size() - 13));
  if (file == "narrative") return base + "/narrative";
  if (file == "case.json") {
    if (p.rfind("$.narrative.", 0) == 0) return section(p.substr(12));
    if (p.rfind("$.narrative", 0) == 0) return base + "/narrative";
    for (const char* list : {"$.experiences", "$.problems", "$.suggestions"})
      if (p.rfind(list, 0) == 0) return base + "/observations";
    // The indicator's row of the entry form (issue 21: not the top of the page).
    if (p.rfind("$.findings.", 0) == 0) {
      std::string code = p.substr(11);
      code = code.substr(0, code.find_first_of(".["));
      return base + "/entry" + (SafeAnchor(code) ? "#f-" + code : "");
    }
    if (p.rfind("$.metrics.", 0) == 0) {
      std::string name = p.substr(10);
      name = name.substr(0, name.find_first_of(".["));
      return base + "/entry" + (name.empty() ? "" : "#m-" + UrlEncode(name));
    }
    if (p.rfind("$.metrics", 0) == 0 || p.rfind("$.findings", 0) == 0) return base + "/entry";
    return "";
  }
  // The tables the entry form holds (trial 3 item 9), at their part of the form.
  if (file == "budget.csv") return base + "/entry#entry-budget";
  if (file == "funding.csv") return base + "/entry#entry-funding";
  if (file == "transfers.csv") return base + "/entry#entry-transfers";
  return "";  // the other sheets are filled in the downloaded workbook only
}

std::string EntryMessage(const std::string& message) {
  std::string m = message;
  ReplaceAll(m, "（写好后删去【待填写】那一行）", "（在“填写叙述”页逐节写好并保存）");
  ReplaceAll(m, "（示例行见 README.md）", "");
  ReplaceAll(m, "本项目没有这类数据时删去该文件", "本项目没有这类数据时可不填");
  ReplaceAll(m, "只有表头，待填写", "待填写");
  ReplaceAll(m, "不适用的项可删去该键", "不适用的项可不填");
  // The CLI's commands: the browser's user has no terminal (issue 21).
  ReplaceAll(m, "定稿（report --final）", "定稿");
  ReplaceAll(m, "（可用 jixiao tidy 修正叙述文件）", "");
  ReplaceAll(m, "（jixiao tidy 可自动修正）", "");
  ReplaceAll(m,
             "请在 case.json 的 survey 中写明 sample（发放问卷份数）、valid（有效问卷数）和 "
             "method（抽样方式），或在 survey/ 中提供问卷和答卷（见 docs/case-format.md）",
             "请在评价页“问卷调查”中上传问卷题目和答卷");
  m = DropKeys(m);
  // What is missing of an indicator, by the column the 评价结论 page shows (no JSON key).
  static const std::pair<const char*, const char*> kKeys[] = {
      {"业绩值 value", "业绩值"},
      {"分析 analysis", "分析"},
      {"等级 level", "等级"},
      {"满足的要素 met_elements", "满足的要素"},
      {"targets.csv 中", "“绩效目标”页中"},
      {"targets.csv 与报告的绩效目标表", "“绩效目标”页与报告的绩效目标表"}};
  for (const auto& [from, to] : kKeys) ReplaceAll(m, from, to);
  // rule.missing_metric: the JSON to type, said as the page where the figure is typed.
  if (size_t at = m.find("请在 case.json 的 metrics 中填写 {"); at != std::string::npos) {
    size_t close = m.find('}', at);
    m.replace(at, close == std::string::npos ? std::string::npos : close + 1 - at,
              "请在“指标数据”页填写（含单位和数据来源）");
  }
  ReplaceAll(m, "指标值 metrics.", "“指标数据”页的指标值 ");
  ReplaceAll(m, "metrics.", "“指标数据”页 ");
  // report.todo: where to write an empty section, said as the page the place column names.
  for (const char* category : {"经验", "问题", "建议"})
    ReplaceAll(m,
               std::string("请在录入工作簿“经验问题建议”表填写（类别选“") + category +
                   "”）或在 case.json 的这一项中撰写",
               "请在该页撰写（或点“生成初稿”）");
  ReplaceAll(m, "请在 case.json 的这一项中撰写", "请在该页撰写");
  ReplaceAll(m, "请在叙述或 case.json 中写明", "请在“填写叙述”页或“经验、问题与建议”页写明");
  if (m.find("并在 case.json 的这一项登记") != std::string::npos) {
    for (const auto& [key, heading] : NarrativeSections(report::DefaultTemplateDir()))
      if (!heading.empty())
        ReplaceAll(m, "请撰写 narrative/" + key + ".md 并在 case.json 的这一项登记",
                   "请在“填写叙述”页撰写“" + heading + "”一节" +
                       // 生成初稿 is promised only where it drafts (report::DataDrafts).
                       (report::DraftableSection(key) ? "（或点“生成初稿”）" : ""));
    ReplaceAll(m, "并在 case.json 的这一项登记", "");
  }
  // A table a rule reads, not yet filled (the folder already said as 本评价 by RelocateInCase).
  ReplaceAll(m, "但本评价中没有该文件（或无法计算），请补充",
             "但该表尚未填写（或无法计算）：请在“在表单中录入”页的该表中填写");
  ReplaceAll(m, "但本评价中没有该文件", "但该表尚未填写：请在“在表单中录入”页的该表中填写");
  // A case file still named (“该值由 budget.csv 计算”): the entry workbook's sheet.
  for (const auto& [name, sheet] : Sheets()) ReplaceAll(m, name, "“" + sheet + "”页");
  // Narrative files by the section headings the narrative page shows.
  if (m.find("narrative/") != std::string::npos)
    for (const auto& [key, heading] : NarrativeSections(report::DefaultTemplateDir()))
      if (!heading.empty()) ReplaceAll(m, "narrative/" + key + ".md", "“" + heading + "”");
  return m;
}

report::CheckPlaces WorkbookPlaces(const std::string& case_dir) {
  report::CheckPlaces places;
  const std::string dir = case_dir.empty() || case_dir.back() == '/' ? case_dir : case_dir + "/";
  places.place = [dir](const Location& where) {
    Location in_case = where;
    if (!dir.empty() && in_case.file.rfind(dir, 0) == 0) in_case.file.erase(0, dir.size());
    return EntryPlace(in_case);
  };
  places.message = [dir](const std::string& message) {
    std::string m = message;
    if (!dir.empty()) ReplaceAll(m, dir, "");
    return EntryMessage(m);
  };
  return places;
}

std::string ExplainForPage(const std::string& text) {
  // The file-naming timeliness form first, before the bare rule key would take its head.
  // The rule kinds by app/'s one table (RuleKindsInChinese), then what only the page says: the
  // workbook pages instead of file and key names.
  static const std::pair<const char*, const char*> kRules[] = {
      {"规则：时效：transfers.csv，", "规则：时效（“资金划拨”页）："},
      {"findings 中的扣分", "“扣分明细”页的扣分"},
      {"；另扣 findings：", "；另扣“扣分明细”页的扣分："}};
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    std::string line = text.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
    at = nl == std::string::npos ? text.size() : nl + 1;
    line = RuleKindsInChinese(line);
    for (const auto& [from, to] : kRules) ReplaceAll(line, from, to);
    // "来源：case.json:23:9 $.findings.A11.deductions[0]" → "来源：“扣分明细”页 A11".
    size_t src = line.find("来源：");
    if (src != std::string::npos) {
      std::string where = line.substr(src + 9);
      // "budget.csv（(调整后预算 − 年初预算) ÷ …）": the place, then the formula kept after it.
      std::string formula;
      if (size_t open = where.find("（"); open != std::string::npos) {
        formula = where.substr(open);
        where = where.substr(0, open);
      }
      size_t space = where.find(' ');
      std::string file_part = where.substr(0, space);
      Location loc;
      loc.file = file_part.substr(0, file_part.find(':'));
      size_t colon = file_part.find(':');
      if (colon != std::string::npos) loc.line = std::atoi(file_part.c_str() + colon + 1);
      if (space != std::string::npos) loc.path = where.substr(space + 1);
      std::string place = EntryPlace(loc);
      if (!place.empty() && place != loc.ToString())
        line = line.substr(0, src + 9) + place + formula;
    }
    // Input names: "findings.A11.deductions[0]" → "A11 扣分第1条", "metrics.X" → "指标数据 X".
    ReplaceAll(line, "    metrics.", "    “指标数据”页 ");
    size_t f = line.find("    findings.");
    if (f != std::string::npos) {
      size_t name_end = line.find("：", f);
      std::string name = line.substr(
          f + 13, name_end == std::string::npos ? std::string::npos : name_end - f - 13);
      std::string code = name.substr(0, name.find('.'));
      std::string field =
          name.find('.') == std::string::npos ? "" : name.substr(name.find('.') + 1);
      std::string shown = field;
      if (field.rfind("deductions[", 0) == 0)
        shown = "扣分第" + std::to_string(std::atoi(field.c_str() + 11) + 1) + "条";
      else if (field == "value")
        shown = "业绩值";
      else if (field == "level")
        shown = "等级";
      else if (field == "met_elements")
        shown = "满足的要素";
      line = line.substr(0, f + 4) + code + " " + shown +
             (name_end == std::string::npos ? "" : line.substr(name_end));
    }
    out += line + (nl == std::string::npos ? "" : "\n");
  }
  return out;
}

}  // namespace jixiao::web
