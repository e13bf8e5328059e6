// survey/问卷题目.csv -> survey/questionnaire.json, and its draft from a 问卷星 export.
#include "casefile/questionnaire_sheet.h"

#include <algorithm>
#include <map>
#include <set>

#include "casefile/case_files.h"
#include "core/text.h"
#include "ingest/wjx_export.h"

namespace jixiao {
namespace {

// "了解；基本了解;不了解" -> three options; full- and half-width semicolons and 、 separate.
std::vector<std::string> SplitList(const std::string& text) {
  std::string unified = text;
  for (const char* sep : {"；", "、"})
    for (size_t at; (at = unified.find(sep)) != std::string::npos;)
      unified.replace(at, std::string(sep).size(), ";");
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= unified.size()) {
    size_t end = unified.find(';', start);
    std::string part = Trim(unified.substr(start, end == std::string::npos ? end : end - start));
    if (!part.empty()) out.push_back(part);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::string JsonList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + JsonQuoted(items[i]);
  return out + "]";
}

// "1.您是否了解…？" -> "您是否了解…？"
std::string WithoutNumber(const std::string& header) {
  size_t i = 0;
  while (i < header.size() && header[i] >= '0' && header[i] <= '9') ++i;
  if (i == 0) return Trim(header);
  std::string rest = header.substr(i);
  for (const char* dot : {".", "、", "．"})
    if (StartsWith(rest, dot)) rest = Trim(rest.substr(std::string(dot).size()));
  for (const char* colon :
       {"：", ":"})  // "贵企业所在片区：" asks for a choice, the colon is not text
    if (EndsWith(rest, colon)) rest = Trim(rest.substr(0, rest.size() - std::string(colon).size()));
  return rest == header.substr(i) ? Trim(header) : rest;
}

}  // namespace

std::optional<std::string> QuestionnaireJsonFromCsv(const CsvTable& table, Diagnostics& diags) {
  const size_t before = diags.items().size();
  CsvCells cells(table, diags);
  if (!cells.RequireColumns({"编号", "题目", "选项"})) return std::nullopt;
  const CsvColumn id_col = table.Column("编号"), text_col = table.Column("题目"),
                  type_col = table.Column("类型"), options_col = table.Column("选项"),
                  metric_col = table.Column("指标"), method_col = table.Column("计算方法"),
                  positive_col = table.Column("计入指标的选项"),
                  scores_col = table.Column("选项分值"), group_col = table.Column("分组");
  auto error = [&](const CsvRow& row, const CsvColumn& col, const std::string& message) {
    diags.Error("survey.sheet", cells.Where(row, col), message);
  };
  std::string title, sampling, population, questions;
  std::set<std::string> ids;
  int count = 0;
  for (const CsvRow& row : table.rows) {
    const std::string id = cells.Text(row, id_col), text = cells.Text(row, text_col);
    if (id == "问卷标题") {
      title = text;
      continue;
    }
    if (id == "抽样方式") {
      sampling = text;
      continue;
    }
    if (id == "调查对象总数") {
      if (!text.empty() && (text.size() > 12 || !std::all_of(text.begin(), text.end(), [](char c) {
                              return c >= '0' && c <= '9';
                            })))
        error(row, text_col, "调查对象总数“" + text + "”应为整数人数（如 620），不知道时留空");
      else
        population = text;
      continue;
    }
    if (id.empty() && text.empty()) continue;
    if (id.empty()) error(row, id_col, "题目“" + text + "”没有编号：请填 Q1、Q2 这样的编号");
    if (!id.empty() && !ids.insert(id).second) error(row, id_col, "编号“" + id + "”重复");
    if (text.empty()) error(row, text_col, "题目 " + id + " 没有题干：请照问卷填写题目文字");
    const std::string type = cells.Text(row, type_col);
    if (!type.empty() && type != "单选" && type != "多选")
      error(row, type_col, "类型“" + type + "”只能填“单选”或“多选”（不填为单选）");
    const std::vector<std::string> options = SplitList(cells.Text(row, options_col));
    if (options.empty())
      error(row, options_col, "题目 " + id + " 没有选项：按问卷顺序填写，用“；”分隔");
    auto known = [&](const std::string& o) {
      return std::find(options.begin(), options.end(), o) != options.end();
    };
    const std::string metric = cells.Text(row, metric_col), method = cells.Text(row, method_col);
    std::string q = "{\"id\": " + JsonQuoted(id) + ", \"text\": " + JsonQuoted(text) +
                    ", \"type\": " + (type == "多选" ? "\"multiple\"" : "\"single\"") +
                    ", \"options\": " + JsonList(options);
    if (!metric.empty()) q += ", \"metric\": " + JsonQuoted(metric);
    if (!metric.empty() && method != "比例" && method != "均值")
      error(row, method_col,
            "题目 " + id + " 计入指标“" + metric +
                "”，计算方法应填“比例”（所选选项人数占作答人数）或“均值”（选项分值的平均）");
    if (method == "比例" || (metric.empty() && method.empty())) {
      std::vector<std::string> positive = SplitList(cells.Text(row, positive_col));
      for (const auto& p : positive)
        if (!known(p)) error(row, positive_col, "“" + p + "”不是题目 " + id + " 的选项");
      if (!metric.empty() && positive.empty())
        error(row, positive_col,
              "按比例计算的题目 " + id + " 须填计入指标的选项（如 非常满意；满意）");
      if (!positive.empty()) q += ", \"method\": \"share\", \"positive\": " + JsonList(positive);
    } else if (method == "均值") {
      std::map<std::string, std::string> scores;
      std::set<std::string> written;  // reported once: a bad value is not also "missing"
      for (const auto& pair : SplitList(cells.Text(row, scores_col))) {
        const size_t eq = pair.find('=');
        const std::string option = Trim(pair.substr(0, eq));
        const std::string value = eq == std::string::npos ? "" : Trim(pair.substr(eq + 1));
        written.insert(option);
        const bool number =
            !value.empty() && value.size() <= 3 &&
            std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
            std::stoi(value) <= 100;
        if (!known(option) || !number)
          error(row, scores_col,
                "“" + pair + "”应写作“选项=分值”，选项为题目 " + id +
                    " 的选项、分值为 0–100 的整数（如 非常满意=100；满意=80）");
        else
          scores[option] = value;
      }
      for (const auto& o : options)
        if (!written.count(o))
          error(row, scores_col, "按均值计算的题目 " + id + " 缺少选项“" + o + "”的分值");
      q += ", \"method\": \"mean\", \"scores\": {";
      for (size_t i = 0; i < options.size(); ++i)
        if (scores.count(options[i]))
          q += std::string(i ? ", " : "") + JsonQuoted(options[i]) + ": " + scores[options[i]];
      q += "}";
    } else if (!method.empty()) {
      error(row, method_col, "计算方法“" + method + "”只能填“比例”或“均值”");
    }
    if (const std::string group = cells.Text(row, group_col); !group.empty())
      q += ", \"group_by\": " + JsonQuoted(group);
    questions += std::string(count++ ? ",\n" : "") + "    " + q + "}";
  }
  if (title.empty())
    diags.Error("survey.sheet", {table.file, 0, 0, ""},
                "缺少“问卷标题”行：在编号列填“问卷标题”，题目列填问卷名称");
  if (count == 0) diags.Error("survey.sheet", {table.file, 0, 0, ""}, "没有题目：一行填一道题");
  for (size_t i = before; i < diags.items().size(); ++i)
    if (diags.items()[i].severity == Severity::kError) return std::nullopt;
  std::string json = "{\n  \"title\": " + JsonQuoted(title);
  if (!population.empty()) json += ",\n  \"population\": " + population;
  if (!sampling.empty()) json += ",\n  \"sampling\": " + JsonQuoted(sampling);
  return json + ",\n  \"questions\": [\n" + questions + "\n  ]\n}\n";
}

std::string DraftQuestionnaireCsv(const XlsxSheet& sheet) {
  struct Draft {
    std::string text;
    bool multiple = false;
    std::vector<std::string> options;
  };
  std::vector<Draft> drafts;
  std::map<std::string, size_t> split_stems;  // a 多选 exported one column per option
  for (int col = 1; col <= sheet.max_col; ++col) {
    auto header_cell = sheet.cells.find({1, col});
    if (header_cell == sheet.cells.end()) continue;
    const std::string header = Trim(XlsxCellText(header_cell->second));
    if (header.empty() || IsWjxMetaColumn(header)) continue;
    std::string stem, option;
    if (SplitOptionHeader(header, stem, option) && WithoutMultipleMark(stem) != stem) {
      const std::string text = WithoutNumber(Trim(WithoutMultipleMark(stem)));
      auto [it, fresh] = split_stems.emplace(text, drafts.size());
      if (fresh) drafts.push_back({text, true, {}});
      drafts[it->second].options.push_back(option);
      continue;
    }
    Draft d{WithoutNumber(header), false, {}};
    for (const auto& [at, cell] : sheet.cells) {
      if (at.second != col || at.first < 2) continue;
      const std::string value = Trim(XlsxCellText(cell));
      if (value.empty() || value == "(跳过)" || value == "(空)") continue;
      std::vector<std::string> chosen;
      size_t start = 0;
      for (size_t bar; (bar = value.find("┋", start)) != std::string::npos; start = bar + 3) {
        chosen.push_back(Trim(value.substr(start, bar - start)));
        d.multiple = true;
      }
      chosen.push_back(Trim(value.substr(start)));
      for (const auto& o : chosen)
        if (!o.empty() && std::find(d.options.begin(), d.options.end(), o) == d.options.end())
          d.options.push_back(o);
    }
    drafts.push_back(d);
  }
  // With a BOM: Excel opens a UTF-8 CSV as such only when it starts with one.
  std::string out = "\xEF\xBB\xBF" + CsvLine({"编号", "题目", "类型", "选项", "指标", "计算方法",
                                              "计入指标的选项", "选项分值", "分组"});
  out += CsvLine({"问卷标题", "", "", "", "", "", "", "", ""});
  out += CsvLine({"调查对象总数", "", "", "", "", "", "", "", ""});
  out += CsvLine({"抽样方式", "", "", "", "", "", "", "", ""});
  for (size_t i = 0; i < drafts.size(); ++i) {
    std::string options;
    for (const auto& o : drafts[i].options) options += (options.empty() ? "" : "；") + o;
    out += CsvLine({"Q" + std::to_string(i + 1), drafts[i].text,
                    drafts[i].multiple ? "多选" : "单选", options, "", "", "", "", ""});
  }
  return out;
}

}  // namespace jixiao
