#include "ingest/selfeval_workbook.h"

#include <algorithm>
#include <optional>
#include <set>

#include "core/format.h"
#include "core/rational.h"
#include "core/text.h"
#include "ingest/xlsx.h"

namespace jixiao {

const std::vector<std::string>& SelfEvalFormColumns() {
  static const std::vector<std::string> k = {"一级指标",   "二级指标", "三级指标", "年度指标值",
                                             "实际完成值", "分值",     "得分",     "偏差原因"};
  return k;
}
const std::vector<std::string>& SelfEvalBudgetColumns() {
  static const std::vector<std::string> k = {"年初预算数", "全年预算数", "全年执行数",
                                             "分值",       "执行率",     "得分"};
  return k;
}
const std::vector<std::string>& SelfEvalSummaryColumns() {
  static const std::vector<std::string> k = {"总分", "等级"};
  return k;
}

std::string LayoutName(SelfEvalLayout layout) {
  switch (layout) {
    case SelfEvalLayout::kNational:
      return "全国通用";
    case SelfEvalLayout::kSichuanXianjie:
      return "四川衔接资金";
    case SelfEvalLayout::kYunnanPublic:
      return "云南公开";
    case SelfEvalLayout::kHubei:
      return "湖北";
    case SelfEvalLayout::kSichuan2023:
      return "四川2023";
  }
  return "";
}

std::string SelfEvalWorkbook::CellOf(const std::string& table, int line,
                                     const std::string& column) const {
  auto it = cells.find({table, {line, column}});
  return it == cells.end() ? "" : it->second;
}

namespace {

// Header text without spaces, line breaks and the (A)/(B)/(B/A) markers.
std::string Squeeze(const std::string& text) {
  std::string out;
  for (char ch : text)
    if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') out += ch;
  for (const char* mark : {"(A)", "（A）", "(B)", "（B）", "(B/A)", "（B/A）"}) {
    size_t at;
    while ((at = out.find(mark)) != std::string::npos) out.erase(at, std::string(mark).size());
  }
  return out;
}

bool Has(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

// A 其中 row of the budget block: 其中：财政资金, 本年财政拨款, 上年结转资金, 单位资金, 其他资金.
bool IsFundingSourceLabel(const std::string& label) {
  if (label.empty() || Has(label, "总额") || Has(label, "目标") || Has(label, "指标")) return false;
  return StartsWith(label, "其中") || Has(label, "资金") || Has(label, "拨款") ||
         Has(label, "结转") || Has(label, "自筹");
}

// The budget block's 总额 row label: 年度资金总额, 总额, 合计.
bool IsTotalLabel(const std::string& label) {
  return Has(label, "总额") || label == "合计" || label == "小计" || label == "总计";
}

// A label that closes the budget block: the 年度总体目标 / 预期目标 / 指标 headings below it.
bool IsBlockEnd(const std::string& label) {
  return !IsTotalLabel(label) && (Has(label, "目标") || Has(label, "指标"));
}

enum Role { kNone = -1, kL1, kL2, kL3, kTarget, kActual, kWeight, kScore, kReason, kNature, kUnit };

Role IndicatorRole(const std::string& header, bool& quan) {
  std::string h = Squeeze(header);
  if (h.empty()) return kNone;
  if (Has(h, "指标性质")) return kNature;
  if (Has(h, "度量单位") || h == "计量单位") return kUnit;
  if (Has(h, "一级指标")) return kL1;
  if (Has(h, "二级指标")) return kL2;
  if (Has(h, "三级指标")) return kL3;
  if (Has(h, "复核") || Has(h, "审核")) return kNone;  // the bureau's 复核分 column
  if (Has(h, "原因")) return kReason;
  if (Has(h, "指标值") || Has(h, "目标值")) return kTarget;
  if (Has(h, "完成值") || Has(h, "实际值")) return kActual;
  if (h == "分值" || StartsWith(h, "分值")) return kWeight;
  if (h == "权重" || StartsWith(h, "权重")) return quan = true, kWeight;
  if (StartsWith(h, "得分") || h == "自评分" || h == "自评得分") return kScore;
  return kNone;
}

enum BudgetRole { kBNone = -1, kBInitial, kBAdjusted, kBSpent, kBWeight, kBRate, kBScore };

BudgetRole BudgetHeaderRole(const std::string& header) {
  std::string h = Squeeze(header);
  if (StartsWith(h, "得分")) return kBScore;  // 得分（20分*执行率） is the score, not the rate
  if (Has(h, "年初")) return kBInitial;
  if (Has(h, "调整后")) return kBAdjusted;
  if (Has(h, "执行率")) return kBRate;
  if (Has(h, "执行数")) return kBSpent;
  if (Has(h, "全年预算") || h == "预算数") return kBAdjusted;
  if (h == "分值" || h == "权重" || StartsWith(h, "分值(")) return kBWeight;
  return kBNone;
}

struct Grid {
  explicit Grid(const XlsxSheet& sheet) : s(sheet) {
    for (const auto& [at, cell] : s.cells)
      if (rows.empty() || rows.back() != at.first) rows.push_back(at.first);
  }
  const XlsxSheet& s;
  std::vector<int> rows;  // rows holding a cell of their own, in order
  // Own text of a cell; a cell covered by a merged range is blank unless `fill` asks for the
  // range's value (merged 一级/二级 names, multi-row headers).
  std::string Text(int row, int col, bool fill = false) const {
    const XlsxRange* m = s.MergeAt(row, col);
    if (m && (m->first_row != row || m->first_col != col) && !fill) return "";
    return XlsxCellText(s.At(row, col));
  }
  std::string FirstText(int row) const {
    for (int col : Cols(row, false)) {
      std::string t = Text(row, col);
      if (!t.empty()) return t;
    }
    return "";
  }
  // Rows with cells (a sheet may name XFD1048576: never walk the whole grid).
  const std::vector<int>& Rows() const { return rows; }
  // Columns of the row's own cells, and with `merged` those of merged ranges over it (headers).
  std::vector<int> Cols(int row, bool merged) const {
    std::vector<int> out;
    for (auto it = s.cells.lower_bound({row, 0}); it != s.cells.end() && it->first.first == row;
         ++it)
      out.push_back(it->first.second);
    if (merged)
      for (const auto& m : s.merges)
        if (m.first_row <= row && row <= m.last_row)
          for (int col = m.first_col; col <= m.last_col && col < m.first_col + 64; ++col)
            out.push_back(col);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
};

// "年度绩效目标1（40分）" -> name 年度绩效目标1, points 40.
bool GoalBlock(const std::string& text, std::string& name, std::string& points) {
  std::string t = Squeeze(text);
  if (!StartsWith(t, "年度绩效目标") && !StartsWith(t, "绩效目标")) return false;
  size_t open = t.find("(");
  size_t open_cn = t.find("（");
  size_t at = std::min(open, open_cn);
  name = t.substr(0, at);
  points.clear();
  if (at != std::string::npos) {
    for (size_t i = at; i < t.size() && points.size() < 4; ++i)
      if (isdigit(static_cast<unsigned char>(t[i]))) points += t[i];
  }
  // a goal heading names a block number or its points; 年度绩效目标 alone is a column title.
  return at != std::string::npos || name.size() > std::string("年度绩效目标").size();
}

// "产出指标(50分)" / "产 出 指 标 （50分）" -> 产出指标 and "50".
std::string BlockName(const std::string& text, std::string& points) {
  std::string t = Squeeze(text);
  points.clear();
  for (const char* open : {"(", "（"}) {
    size_t at = t.find(open);
    if (at == std::string::npos) continue;
    std::string rest = t.substr(at);
    if (!Has(rest, "分")) continue;
    for (char ch : rest)
      if (isdigit(static_cast<unsigned char>(ch))) points += ch;
    return t.substr(0, at);
  }
  return t;
}

bool EndOfIndicators(const std::string& first) {
  std::string t = Squeeze(first);
  for (const char* end : {"总分", "合计", "评价结论", "其他需要说明事项",
                          "偏差大或目标未完成原因分析", "注：", "注:", "备注", "填报说明", "说明：",
                          "项目负责人", "财务负责人", "填表人", "填报人", "单位负责人"})
    if (StartsWith(t, end)) return true;
  return t == "注";
}

bool IsGrade(const std::string& t) {
  for (const char* g : {"优", "优秀", "良", "良好", "中", "合格", "差", "不合格"})
    if (t == g) return true;
  return false;
}

bool IsNumber(const std::string& t) { return !t.empty() && Rational::Parse(t).has_value(); }

struct Columns {
  std::vector<int> col = std::vector<int>(10, 0);  // Role -> sheet column (0: absent)
  bool quan = false;
};

int FindIndicatorHeader(const Grid& g, Columns& c) {
  for (int row : g.Rows()) {
    Columns found;
    for (int col : g.Cols(row, true)) {
      Role r = IndicatorRole(g.Text(row, col, true), found.quan);
      if (r != kNone && found.col[r] == 0) found.col[r] = col;
    }
    if (found.col[kL3] && found.col[kTarget] && found.col[kScore]) {
      c = found;
      return row;
    }
  }
  return 0;
}

void ReadBudget(const Grid& g, int before_row, SelfEvalWorkbook& out) {
  const std::string where = out.sheet + "!";
  bool has_reason = false;  // the block prints a 偏差原因 row: budget.csv's 偏差原因 column
  std::string reason;
  for (int row : g.Rows()) {
    if (row >= before_row) break;
    std::vector<int> col(6, 0);
    std::vector<std::string> headers(6);
    for (int c : g.Cols(row, true)) {
      std::string h = g.Text(row, c, true);
      BudgetRole r = BudgetHeaderRole(h);
      if (r != kBNone && col[r] == 0) col[r] = c, headers[r] = h;
    }
    if (!(col[kBAdjusted] && col[kBSpent] && (col[kBRate] || col[kBScore]))) continue;
    // The money unit from the block's labels: 项目资金（元）, 年度预算数（万元）,
    // 预算执行情况（万元）.
    for (int r = std::max(1, row - 1); r <= row + 1; ++r)
      for (int c : g.Cols(r, false)) {
        std::string t = Squeeze(g.Text(r, c));
        if ((Has(t, "资金") || Has(t, "预算")) && (Has(t, "(元)") || Has(t, "（元）")))
          out.money_unit = "元";
      }
    std::string weight_from_header;  // 湖北: 得分（20分*执行率）
    if (!col[kBWeight] && col[kBScore]) {
      for (char ch : Squeeze(headers[kBScore]))
        if (isdigit(static_cast<unsigned char>(ch))) weight_from_header += ch;
    }
    // The row label (总额, 其中：财政资金 …) stands left of the first amount column.
    const int first_amount =
        col[kBInitial] ? std::min(col[kBInitial], col[kBAdjusted]) : col[kBAdjusted];
    auto label = [&](int v, int& at) {
      std::string text;
      for (int c : g.Cols(v, false))
        if (c < first_amount && !g.Text(v, c).empty()) text = g.Text(v, c), at = c;
      return text;
    };
    auto take = [&](int v, bool total) {
      CsvRow r{v, {}};
      for (int b = 0; b < 6; ++b) {
        std::string t = col[b] ? g.Text(v, col[b]) : (b == kBWeight ? weight_from_header : "");
        if (t == "—" || t == "-" || t == "/") t.clear();
        if (!total && b == kBRate) t.clear();  // a source's 执行率 is recomputed, not read
        r.cells.push_back(t);
        if (col[b])
          out.cells[{"budget", {v, SelfEvalBudgetColumns()[b]}}] = where + CellName(v, col[b]);
      }
      int at = 0;
      std::string name = label(v, at);
      // The CSV reader tells the total by this name; "其中：\n当年财政拨款" is read as one name.
      r.cells.push_back(total ? "总额" : Squeeze(name));
      if (at) out.cells[{"budget", {v, "资金来源"}}] = where + CellName(v, at);
      out.budget.rows.push_back(r);
    };
    bool total_read = false;
    for (int v : g.Rows()) {
      if (v <= row) continue;
      if (v >= before_row) break;
      int at = 0;
      std::string name = Squeeze(label(v, at));
      // A goal or indicator heading (年度总体目标 | 预期目标 | 实际完成情况) ends the block: its
      // cells under the amount columns are labels, never amounts.
      if (IsBlockEnd(name)) break;
      if (!total_read) {
        // The 总额 row: labelled so (a blank form's amounts are still empty, its 分值 printed),
        // or the first row with an amount.
        if (!IsTotalLabel(name) && g.Text(v, col[kBAdjusted]).empty() &&
            g.Text(v, col[kBSpent]).empty())
          continue;
        take(v, true);
        total_read = true;
        continue;
      }
      // The block's 偏差原因 row: its text in the first cell right of the label.
      if (StartsWith(name, "偏差原因") || StartsWith(name, "执行偏差原因")) {
        has_reason = true;
        for (int c : g.Cols(v, false))
          if (c >= first_amount && !g.Text(v, c).empty()) {
            reason = g.Text(v, c);
            out.cells[{"budget", {out.budget.rows.front().line, "偏差原因"}}] =
                where + CellName(v, c);
            break;
          }
        continue;
      }
      // 其中 rows by funding source follow the 总额 row, until the block ends.
      if (!IsFundingSourceLabel(name)) break;
      take(v, false);
    }
    break;
  }
  for (const auto& name : SelfEvalBudgetColumns()) {
    bool money = name != "分值" && name != "执行率" && name != "得分";
    out.budget.header.push_back(money && out.money_unit == "元" ? name + "(元)" : name);
  }
  out.budget.header.push_back("资金来源");
  if (has_reason && !out.budget.rows.empty()) {
    out.budget.header.push_back("偏差原因");
    for (auto& r : out.budget.rows) r.cells.push_back(&r == &out.budget.rows.front() ? reason : "");
  }
}

void ReadSummary(const Grid& g, int from_row, const Columns& c, SelfEvalWorkbook& out) {
  const std::string where = out.sheet + "!";
  for (int row : g.Rows()) {
    if (row < from_row) continue;
    int label = 0;
    for (int col : g.Cols(row, false)) {
      if (label) break;
      std::string t = Squeeze(g.Text(row, col));
      if (t == "总分" || t == "合计" || t == "总计" || t == "自评总分") label = col;
    }
    if (!label) continue;
    std::string score, grade;
    int score_col = 0;
    if (c.col[kScore] > label) {
      score = g.Text(row, c.col[kScore]);
      score_col = c.col[kScore];
    } else {
      for (int col : g.Cols(row, false))
        if (col > label && IsNumber(g.Text(row, col))) score = g.Text(row, col), score_col = col;
    }
    if (!IsNumber(score)) score.clear();
    int grade_col = 0;
    for (int col : g.Cols(row, false))
      if (col > label && IsGrade(g.Text(row, col))) grade = g.Text(row, col), grade_col = col;
    if (score.empty() && grade.empty()) return;  // 合计 with no score: as a blank summary.csv
    out.summary.rows.push_back({row, {score, grade}});
    if (score_col) out.cells[{"summary", {row, "总分"}}] = where + CellName(row, score_col);
    if (grade_col) out.cells[{"summary", {row, "等级"}}] = where + CellName(row, grade_col);
    return;
  }
}

// The header block above the budget: 项目名称 | value, 主管部门 | value, 实施单位 | value, the
// （2022年度） line, and 预期目标 / 实际完成情况 headings (四川 2023: 项目年度目标 /
// 年度目标完成情况) with their text in the row below.
void ReadProject(const Grid& g, int before_row, SelfEvalWorkbook& out) {
  static const std::map<std::string, std::set<std::string>> kGoalHeadings = {
      {"总体目标", {"预期目标", "年初设定目标", "项目年度目标"}},
      {"实际完成情况", {"实际完成情况", "年度总体目标完成情况综述", "年度目标完成情况"}}};
  std::map<std::string, std::string> fields;
  auto field_of = [](const std::string& label) -> std::string {
    if (label == "项目名称") return "项目名称";
    if (label == "主管部门" || label == "主管部门及代码") return "主管部门";
    if (label == "实施单位" || label == "项目实施单位" || StartsWith(label, "实施单位"))
      return "单位";
    return "";
  };
  for (int row : g.Rows()) {
    if (row >= before_row) break;
    std::vector<int> cols = g.Cols(row, false);
    for (size_t i = 0; i < cols.size(); ++i) {
      std::string label = Squeeze(g.Text(row, cols[i]));
      for (const char* colon : {"：", ":"})
        if (EndsWith(label, colon))
          label = label.substr(0, label.size() - std::string(colon).size());
      std::string f = field_of(label);
      if (!f.empty() && i + 1 < cols.size() && fields[f].empty()) {
        std::string v = g.Text(row, cols[i + 1]);
        if (field_of(Squeeze(v)).empty()) fields[f] = v;
      }
      for (const auto& [key, labels] : kGoalHeadings)
        if (labels.count(label) && fields[key].empty()) fields[key] = g.Text(row + 1, cols[i]);
      size_t at = label.find("年度");
      if (fields["年度"].empty() && at != std::string::npos && at >= 4) {
        std::string digits;
        for (size_t k = at - 4; k < at; ++k)
          if (isdigit(static_cast<unsigned char>(label[k]))) digits += label[k];
        if (digits.size() == 4) fields["年度"] = digits;
      }
    }
  }
  out.project.file = out.form.file;
  out.project.encoding = "xlsx";
  out.project.header = {"字段", "内容"};
  for (const char* f : {"单位", "项目名称", "主管部门", "年度", "总体目标", "实际完成情况"})
    if (!fields[f].empty()) out.project.rows.push_back({0, {f, fields[f]}});
}

}  // namespace

bool LoadSelfEvalWorkbook(const std::string& file, SelfEvalWorkbook& out, Diagnostics& diags) {
  XlsxWorkbook wb;
  try {
    wb = ReadXlsxFile(file);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return false;
  }
  for (const auto& sheet : wb.sheets) {
    Grid g(sheet);
    Columns c;
    int header_row = FindIndicatorHeader(g, c);
    if (header_row == 0) continue;
    out.sheet = sheet.name;
    if (c.col[kNature] && c.col[kUnit])
      out.layout = c.quan ? SelfEvalLayout::kSichuan2023 : SelfEvalLayout::kYunnanPublic;
    else if (!c.col[kWeight])
      out.layout = SelfEvalLayout::kHubei;
    else if (c.col[kWeight] < c.col[kTarget])
      out.layout = SelfEvalLayout::kSichuanXianjie;
    for (CsvTable* t : {&out.form, &out.budget, &out.summary}) t->file = file, t->encoding = "xlsx";
    out.form.header = SelfEvalFormColumns();
    out.summary.header = SelfEvalSummaryColumns();
    const std::string where = sheet.name + "!";
    // Goal blocks open on the header row (a merged 年度绩效目标1 cell beside it) or on a row of
    // their own; later blocks repeat the header row.
    auto open_block = [&](int row) {
      for (int col : g.Cols(row, false)) {
        std::string name, points;
        if (!GoalBlock(g.Text(row, col), name, points)) continue;
        if (!out.goal_blocks.empty() && out.goal_blocks.back().last_line == 0)
          out.goal_blocks.back().last_line = out.form.rows.empty() ? 0 : out.form.rows.back().line;
        out.goal_blocks.push_back({name, points, 0, 0});
        return true;
      }
      return false;
    };
    open_block(header_row);
    const Role order[] = {kL1, kL2, kL3, kTarget, kActual, kWeight, kScore, kReason};
    int row = header_row + 1;
    for (int next : g.Rows()) {
      if (next < row) continue;
      row = next;
      if (EndOfIndicators(g.FirstText(row))) break;
      bool block = open_block(row);
      bool header_again = c.col[kL3] && Squeeze(g.Text(row, c.col[kL3])) == "三级指标";
      if (block || header_again) continue;
      CsvRow r{row, {}};
      bool any = false;
      for (size_t k = 0; k < 8; ++k) {
        const Role role = order[k];
        const std::string& name = SelfEvalFormColumns()[k];
        int col = c.col[role];
        std::string t;
        if (role == kTarget && c.col[kNature]) {
          t = g.Text(row, c.col[kNature]) + g.Text(row, col) +
              (c.col[kUnit] ? g.Text(row, c.col[kUnit]) : "");
        } else if (col) {
          t = g.Text(row, col, role == kL1 || role == kL2);
        }
        if (role == kL1 || role == kL2) {
          std::string points;
          std::string base = BlockName(t, points);
          if (role == kL1 && !points.empty()) out.block_points[base] = points;
          t = base;
        }
        if (col) out.cells[{"form", {row, name}}] = where + CellName(row, col);
        // a merged 一级 name repeated on a row of nothing else is no row; its own cell is.
        any = any || (!t.empty() && (role != kL1 || !g.Text(row, col).empty()));
        r.cells.push_back(t);
      }
      if (!any) continue;  // a row holding only a merged 一级 name (or nothing)
      if (!out.goal_blocks.empty() && out.goal_blocks.back().first_line == 0)
        out.goal_blocks.back().first_line = row;
      out.form.rows.push_back(r);
    }
    if (!out.goal_blocks.empty() && out.goal_blocks.back().last_line == 0 && !out.form.rows.empty())
      out.goal_blocks.back().last_line = out.form.rows.back().line;
    ReadBudget(g, header_row, out);
    ReadProject(g, header_row, out);
    ReadSummary(g, row, c, out);
    return true;
  }
  diags.Error(
      "selfeval.xlsx_header", {file, 0, 0, ""},
      "工作簿中找不到自评表的绩效指标表头（需有“三级指标”“指标值”和“得分”三列），请检查文件");
  return false;
}

}  // namespace jixiao
