#include "ingest/target_workbook.h"

#include <vector>

#include "core/format.h"
#include "core/text.h"
#include "ingest/target_rows.h"
#include "ingest/xlsx.h"

namespace jixiao {
namespace {

// The sheet's own cells of one row (merged ranges hold their value in the top-left cell only).
std::vector<std::pair<int, std::string>> RowTexts(const XlsxSheet& s, int row) {
  std::vector<std::pair<int, std::string>> out;
  for (auto it = s.cells.lower_bound({row, 0}); it != s.cells.end() && it->first.first == row;
       ++it) {
    std::string t = XlsxCellText(it->second);
    if (!t.empty()) out.push_back({it->first.second, t});
  }
  return out;
}

// The rows that hold at least one cell, in order. Loops over a sheet follow these, not max_row:
// one cell at XFD1048576 (or a <dimension> claiming the whole grid) must not cost a million rows.
std::vector<int> RowsPresent(const XlsxSheet& s) {
  std::vector<int> rows;
  for (const auto& [at, cell] : s.cells)
    if (rows.empty() || rows.back() != at.first) rows.push_back(at.first);
  return rows;
}

int FindHeaderRow(const XlsxSheet& s) {
  for (int row : RowsPresent(s)) {
    bool name = false, value = false;
    for (const auto& [col, t] : RowTexts(s, row)) {
      std::string n = Trim(t);
      name = name || n.rfind("三级", 0) == 0 || n == "指标内容" || n == "指标名称" ||
             n == "绩效内容";  // the old 投入/产出 form
      value = value || n.find("指标值") != std::string::npos ||
              n.find("目标值") != std::string::npos || n == "当年预期实现值" || n == "全年绩效目标";
    }
    if (name && value) return row;
  }
  return 0;
}

// The rows a form prints under its grid: 财政部门审核意见, 主管部门初审意见, 填表人：…, 单位负责人.
// An indicator named …意见 (采纳群众意见) names no reviewer and stays in the grid.
bool EndOfForm(const std::string& first_text) {
  std::string t = Trim(first_text);
  if (EndsWith(t, "意见") &&
      (t.find("审") != std::string::npos || t.find("财政") != std::string::npos ||
       t.find("主管部门") != std::string::npos))
    return true;
  for (const char* who : {"填表人", "填报人", "审核人", "单位负责人", "财务负责人"})
    if (StartsWith(t, who)) return true;
  return false;
}

// "220.00万元" / "854万(…)" / "3,000,000元" / "16" (万元 by default) -> Money.
std::optional<Money> ParseWan(const std::string& text_in) {
  std::string text = Trim(text_in);
  for (const char* label :
       {"总额：", "总额:", "总额", "合计：", "合计:", "合计"})  // 总额10606.75万元
    if (StartsWith(text, label)) {
      text = Trim(text.substr(std::string(label).size()));
      break;
    }
  std::string digits;
  size_t i = 0;
  while (i < text.size() &&
         (isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.' || text[i] == ','))
    digits += text[i++];
  auto number = Rational::Parse(digits);
  if (!number) return std::nullopt;
  std::string rest = text.substr(i);
  bool yuan = StartsWith(rest, "元");
  Rational fen = *number * Rational(yuan ? 100 : 1000000);
  if (fen.den() != 1) return std::nullopt;
  return Money{fen.num()};
}

enum class Field {
  kNone,
  kName,
  kCategory,
  kAuthority,
  kUnit,
  kBudgetUnit,  // 预算单位: the unit (实施单位) unless the form also prints one (trial 3 item 8)
  kStart,
  kEnd,
  kPeriod,
  kTotal,
  kFiscal,
  kOther,
  kOverall,
  kAnnual
};

Field LabelField(std::string label) {
  for (const char* prefix : {"其中：", "其中:", "其中"})
    if (StartsWith(label, prefix)) label = label.substr(std::string(prefix).size());
  for (const char* suffix : {"：", ":"})
    if (EndsWith(label, suffix)) label = label.substr(0, label.size() - std::string(suffix).size());
  label = Trim(label);
  // "二、自有资金", "三、其他": the form's own numbering of its money lines.
  for (const char* ordinal : {"一、", "二、", "三、", "四、", "五、", "（一）", "（二）", "（三）",
                              "（四）", "(一)", "(二)", "(三)", "(四)"})
    if (StartsWith(label, ordinal)) label = Trim(label.substr(std::string(ordinal).size()));
  // "（一）财政拨款小计": a 资金 line's subtotal is that line's amount.
  if (EndsWith(label, "小计") && label.size() > std::string("小计").size())
    label = Trim(label.substr(0, label.size() - std::string("小计").size()));
  if (label == "项目名称") return Field::kName;
  // 主管部门编码 / 主管部门代码 name a code, not the department (主管部门及代码 names both).
  if ((EndsWith(label, "编码") || EndsWith(label, "代码")) && label.find("及") == std::string::npos)
    return Field::kNone;
  if (label == "项目类别" || label == "项目属性" || label == "项目类型") return Field::kCategory;
  if (StartsWith(label, "主管部门") || label == "主管预算部门") return Field::kAuthority;
  if (label == "预算单位" || label == "预算单位名称") return Field::kBudgetUnit;
  if (label == "实施单位" || label == "项目实施单位" || label == "执行单位" ||
      label == "用款单位" || label == "项目单位")
    return Field::kUnit;
  if (label == "计划开始日期" || label == "开始日期") return Field::kStart;
  if (label == "计划完成日期" || label == "完成日期") return Field::kEnd;
  if (label == "项目起止时间" || label == "实施期限" || label == "项目期限") return Field::kPeriod;
  if (label == "项目资金总额" || label == "年度资金总额" || label == "资金总额" ||
      StartsWith(label, "项目资金总额") || StartsWith(label, "年度资金总额") ||
      StartsWith(label, "资金总额及"))
    return Field::kTotal;
  if (label == "财政拨款" || label == "财政资金" || label == "其中财政资金" ||
      label == "本年财政拨款")
    return Field::kFiscal;
  if (label == "其他资金" || label == "其他") return Field::kOther;
  if (label == "总目标" || label == "总体目标" || label == "长期目标") return Field::kOverall;
  if (label == "年度目标" || label == "当年度目标" || label == "年度绩效目标")
    return Field::kAnnual;
  return Field::kNone;
}

void Assign(TargetProject& p, Field f, const std::string& value) {
  switch (f) {
    case Field::kName:
      p.name = value;
      break;
    case Field::kCategory:
      p.category = value;
      break;
    case Field::kAuthority:
      p.authority = value;
      break;
    case Field::kUnit:
      p.unit = value;
      break;
    case Field::kBudgetUnit:  // a 实施单位 printed beside it names the unit doing the work
      if (p.unit.empty()) p.unit = value;
      break;
    case Field::kStart:
      p.start_date = value;
      break;
    case Field::kEnd:
      p.end_date = value;
      break;
    case Field::kPeriod: {
      size_t dash = value.find_last_of("-~至");
      p.start_date = value;
      p.end_date = dash == std::string::npos ? value : value.substr(dash + 1);
      break;
    }
    case Field::kTotal:
      p.total_funds = ParseWan(value);
      break;
    case Field::kFiscal:
      p.fiscal_funds = ParseWan(value);
      break;
    case Field::kOther:
      p.other_funds = ParseWan(value);
      break;
    case Field::kOverall:
      p.overall_goal = value, p.overall_goal_given = true;
      break;
    case Field::kAnnual:
      p.annual_goal = value, p.annual_goal_given = true;
      break;
    case Field::kNone:
      break;
  }
}

// "（2023年度）", "项目支出绩效目标表(2023年度)", "2023年度": the four digits before 年度, or "".
std::string YearOfTitle(const std::string& text) {
  size_t at = text.find("年度");
  if (at == std::string::npos || at < 4) return "";
  std::string digits = text.substr(at - 4, 4);
  for (char ch : digits)
    if (ch < '0' || ch > '9') return "";
  if (at > 4 && text[at - 5] >= '0' && text[at - 5] <= '9') return "";
  return digits >= "1990" && digits <= "2099" ? digits : "";
}

void ReadHeaderBlock(const XlsxSheet& s, int header_row, TargetProject& p) {
  for (int row = 1; row < header_row; ++row) {
    auto texts = RowTexts(s, row);
    for (const auto& [col, text] : texts)
      if (p.year.empty() && !YearOfTitle(text).empty()) {
        p.year = YearOfTitle(text);
        p.year_where = s.name + "!" + CellName(row, col);
      }
    for (size_t i = 0; i < texts.size(); ++i) {
      std::string label = texts[i].second, inline_value;
      for (const char* colon : {"：", ":"}) {
        size_t at = label.find(colon);
        if (at != std::string::npos && LabelField(label.substr(0, at)) != Field::kNone) {
          inline_value = Trim(label.substr(at + std::string(colon).size()));
          label = label.substr(0, at);
          break;
        }
      }
      Field f = LabelField(label);
      if (f == Field::kNone) continue;
      p.present = true;
      // The label's own cell may be merged: its value is right of or below the merged range.
      const int col = texts[i].first;
      const XlsxRange* own = s.MergeAt(row, col);
      const int last_col = own ? own->last_col : col, below_row = (own ? own->last_row : row) + 1;
      bool has_right = i + 1 < texts.size();
      bool right_adjacent = has_right && texts[i + 1].first == last_col + 1;
      Field right_field = has_right ? LabelField(texts[i + 1].second) : Field::kNone;
      // 总体目标 as a heading over 年度目标 | 完成情况: the goal is under 年度目标, not here.
      if (f == Field::kOverall && right_adjacent && right_field == Field::kAnnual) continue;
      std::string below = below_row < header_row ? XlsxCellText(s.At(below_row, col)) : "";
      bool below_value = !below.empty() && LabelField(below) == Field::kNone;
      if (!inline_value.empty()) {
        Assign(p, f, inline_value);
      } else if (has_right && right_field == Field::kNone && (right_adjacent || !below_value)) {
        Assign(p, f, texts[i + 1].second);  // the value next to its label (or further right)
        ++i;
      } else {
        Assign(p, f, below_value ? below : "");
      }
    }
  }
}

}  // namespace

bool LoadTargetWorkbook(const std::string& file, TargetWorkbook& out, Diagnostics& diags) {
  XlsxWorkbook wb;
  try {
    wb = ReadXlsxFile(file);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return false;
  }
  for (const auto& sheet : wb.sheets) {
    int header_row = FindHeaderRow(sheet);
    if (header_row == 0) continue;
    out.sheet = sheet.name;
    out.grid.file = file;
    out.grid.encoding = "xlsx";
    int last_col = 0;  // columns right of the last header cell are the header block's width
    for (int col = 1; col <= sheet.max_col; ++col)
      if (!XlsxCellText(sheet.At(header_row, col)).empty()) last_col = col;
    for (int col = 1; col <= last_col; ++col)
      out.grid.header.push_back(XlsxCellText(sheet.At(header_row, col)));
    for (int row : RowsPresent(sheet)) {  // a row without cells is blank: skipped below anyway
      if (row <= header_row) continue;
      CsvRow r{row, {}};
      bool any = false;
      std::string first_text;
      for (int col = 1; col <= last_col; ++col) {
        // Merged 一级/二级 cells: the value once, continuation rows blank, as an Excel export.
        const XlsxRange* merge = sheet.MergeAt(row, col);
        bool covered = merge && (merge->first_row != row || merge->first_col != col);
        std::string t = covered ? "" : XlsxCellText(sheet.At(row, col));
        any = any || !t.empty();
        if (first_text.empty()) first_text = t;
        r.cells.push_back(t);
      }
      if (!any) continue;
      if (StartsWith(first_text, "注") || StartsWith(first_text, "填报说明")) break;  // notes below
      if (EndOfForm(first_text)) break;  // 审核意见, 填表人 rows under the grid
      out.grid.rows.push_back(r);
    }
    ReadHeaderBlock(sheet, header_row, out.project);
    TargetProject& p = out.project;
    if (!p.total_funds && p.fiscal_funds) {  // 年度资金总额 printed as a heading, its lines below
      p.total_funds = *p.fiscal_funds + p.other_funds.value_or(Money{});
      diags.Add(Severity::kInfo, "targets.total_from_parts", {file, 0, 0, sheet.name},
                "表上“年度资金总额”没有单独的金额，按财政拨款" + FormatWanYuan(*p.fiscal_funds) +
                    (p.other_funds ? "加其他资金" + FormatWanYuan(*p.other_funds) : "") + "计为" +
                    FormatWanYuan(*p.total_funds));
    }
    return true;
  }
  diags.Error("targets.xlsx_header", {file, 0, 0, ""},
              "工作簿中找不到绩效指标表头（需有“三级指标”和“指标值”两列），请检查文件");
  return false;
}

}  // namespace jixiao
