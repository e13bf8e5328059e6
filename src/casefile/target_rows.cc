// Lenient 绩效目标表 reading (CSV and xlsx) for `jixiao new --targets`.
#include "casefile/target_rows.h"

#include <algorithm>
#include <cctype>
#include <functional>

#include "core/format.h"
#include "core/text.h"
#include "ingest/csv.h"
#include "ingest/target_rows.h"
#include "ingest/target_workbook.h"
#include "ingest/xlsx.h"
#include "model/target_value.h"

namespace jixiao {
namespace {

// Column roles by header text: "一级指标", "指标值（含数字及文字描述）", "评(扣)分标准" …
enum class Role {
  kNone,
  kL1,
  kL2,
  kL3,
  kValue,
  kType,
  kUnit,
  kExplanation,
  kCriteria,
  kSource,
  kActual,  // 实际完成值 / 实际值 / 全年实际值 (自评 layouts): the unit's figure, to confirm
  kNature  // 指标性质 (四川): the comparator of 指标值 (≥, =, ≤) or 定性/定量
};

// Header text without spaces (ASCII, full-width) and line breaks: "三级 指标" -> "三级指标".
std::string Compact(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t') continue;
    if (text.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

Role RoleOf(const std::string& header_in) {
  std::string h = Compact(header_in);
  if (StartsWith(h, "一级")) return Role::kL1;
  if (StartsWith(h, "二级")) return Role::kL2;
  if (StartsWith(h, "三级") || h == "指标内容" || h == "指标名称") return Role::kL3;
  if (StartsWith(h, "指标值类型")) return Role::kType;
  if (StartsWith(h, "实际完成") || StartsWith(h, "实际值") || StartsWith(h, "全年实际") ||
      StartsWith(h, "年度实际") || h == "完成值")
    return Role::kActual;
  if (StartsWith(h, "指标值") || StartsWith(h, "年度指标值") || StartsWith(h, "目标值"))
    return Role::kValue;
  if (StartsWith(h, "计量单位") || StartsWith(h, "度量单位") || h == "单位") return Role::kUnit;
  if (h == "指标性质" || h == "比较符" || h == "运算符号" || h == "指标方向") return Role::kNature;
  if (StartsWith(h, "指标解释")) return Role::kExplanation;
  if (StartsWith(h, "评(扣)分标准") || StartsWith(h, "评（扣）分标准") || StartsWith(h, "评分标准"))
    return Role::kCriteria;
  if (StartsWith(h, "出处依据") || StartsWith(h, "数据来源")) return Role::kSource;
  return Role::kNone;
}

// Rows as text cells with a locator; header found among the first rows.
struct Grid {
  std::vector<std::vector<std::string>> rows;
  std::function<Location(size_t row, size_t col)> where;
};

void HeaderBlock(const Grid& grid, size_t header, std::map<std::string, std::string>& project) {
  static const std::pair<const char*, const char*> kLabels[] = {
      {"项目名称", "name"}, {"主管部门", "authority"}, {"实施单位", "unit"}};
  for (size_t r = 0; r < header && r < grid.rows.size(); ++r)
    for (size_t c = 0; c < grid.rows[r].size(); ++c)
      for (const auto& [label, key] : kLabels) {
        if (Compact(grid.rows[r][c]) != label || project.count(key)) continue;
        for (size_t v = c + 1; v < grid.rows[r].size(); ++v) {
          const std::string text = Trim(grid.rows[r][v]);
          if (text.empty()) continue;
          bool is_label = false;
          for (const auto& [other, unused] : kLabels) is_label = is_label || Compact(text) == other;
          if (!is_label) project[key] = text;
          break;
        }
      }
}

void Collect(const Grid& grid, const std::string& file, std::vector<RawTargetRow>& out,
             Diagnostics& diags, std::map<std::string, std::string>* project) {
  size_t header = grid.rows.size();
  std::map<Role, size_t> cols;
  std::vector<size_t> value_cols;
  for (size_t r = 0; r < grid.rows.size() && r < 30 && header == grid.rows.size(); ++r) {
    std::map<Role, size_t> found;
    std::vector<size_t> values;
    for (size_t c = 0; c < grid.rows[r].size(); ++c) {
      Role role = RoleOf(grid.rows[r][c]);
      if (role == Role::kValue) values.push_back(c);
      if (role != Role::kNone && !found.count(role)) found[role] = c;
    }
    if (found.count(Role::kL3) && found.count(Role::kValue)) {
      header = r;
      cols = found;
      // Tables with 指标值(长期) and 指标值(年度): the annual one first, the other as fallback.
      value_cols = values;
      std::stable_sort(value_cols.begin(), value_cols.end(), [&](size_t a, size_t b) {
        const bool annual_a = grid.rows[r][a].find("年度") != std::string::npos;
        const bool annual_b = grid.rows[r][b].find("年度") != std::string::npos;
        return annual_a && !annual_b;
      });
    }
  }
  if (project && header < grid.rows.size()) HeaderBlock(grid, header, *project);
  if (header == grid.rows.size()) {
    diags.Error("targets.header", {file, 0, 0, ""},
                "找不到表头：绩效目标表应有“一级指标、二级指标、三级指标、指标值”等列");
    return;
  }
  bool pending = false;  // of the row being read
  auto unmarked = [&](std::string text) {
    static const std::string kPending = "（待确认）";
    text = Trim(text);
    if (EndsWith(text, kPending)) {
      pending = true;
      text = Trim(text.substr(0, text.size() - kPending.size()));
    }
    return text;
  };
  auto cell = [&](size_t r, Role role) -> std::string {
    auto it = cols.find(role);
    if (it == cols.end() || it->second >= grid.rows[r].size()) return "";
    return unmarked(grid.rows[r][it->second]);
  };
  // The 一级/二级 written last, by any row: an empty template row (效益指标,经济效益指标,,) is
  // dropped, but the rows below it keep the 一级 it opened (issue 23 §4).
  std::string last_l1, last_l2;
  for (size_t r = header + 1; r < grid.rows.size(); ++r) {
    RawTargetRow row;
    pending = false;
    row.level1 = cell(r, Role::kL1);
    row.level2 = cell(r, Role::kL2);
    row.level3 = cell(r, Role::kL3);
    size_t value_col = value_cols.empty() ? cols[Role::kValue] : value_cols.front();
    for (size_t c : value_cols) {
      if (c < grid.rows[r].size() && !Trim(grid.rows[r][c]).empty()) {
        value_col = c;
        break;
      }
    }
    row.value = value_col < grid.rows[r].size() ? unmarked(grid.rows[r][value_col]) : "";
    if (row.level3.empty() && row.value.empty()) {  // blank, a note or an empty template row
      if (!row.level1.empty() || !row.level2.empty())
        diags.Warning("targets.row_dropped", grid.where(r, cols[Role::kL3]),
                      "这一行（" + (row.level1.empty() ? last_l1 : row.level1) + "/" + row.level2 +
                          "）没有三级指标和指标值，未加入指标体系；其一级/二级仍用于下面留空的行。"
                          "如本项目有此类目标，请补上三级指标和指标值");
      if (!row.level1.empty()) last_l1 = row.level1, last_l2.clear();
      if (!row.level2.empty()) last_l2 = row.level2;
      continue;
    }
    if (row.level1.empty()) row.level1 = last_l1;
    if (row.level2.empty() && row.level1 == last_l1) row.level2 = last_l2;
    last_l1 = row.level1;
    last_l2 = row.level2;
    row.value_type = cell(r, Role::kType);
    // 指标性质: "定性"/"定量" is the type; a comparator goes before a number written without one.
    if (const std::string nature = cell(r, Role::kNature); nature == "定性" || nature == "定量") {
      if (row.value_type.empty()) row.value_type = nature;
    } else if (!nature.empty() && nature.size() <= 3 && !row.value.empty() &&
               std::isdigit(static_cast<unsigned char>(row.value[0]))) {
      row.value = nature + row.value;
    }
    row.unit = cell(r, Role::kUnit);
    row.explanation = cell(r, Role::kExplanation);
    row.criteria = cell(r, Role::kCriteria);
    row.source = cell(r, Role::kSource);
    row.actual = cell(r, Role::kActual);
    if (cols.count(Role::kActual)) row.actual_where = grid.where(r, cols[Role::kActual]);
    row.where = grid.where(r, cols[Role::kL3]);
    row.value_where = grid.where(r, value_col);
    row.pending = pending;
    // A unit written inside the 指标值 fills the empty 计量单位; the value keeps it, since the
    // scorer and the workbook import read a target's unit from its value.
    if (row.unit.empty())
      if (auto split = SplitTrailingUnit(NormalizeComparatorWords(row.value))) {  // "15万元。"
        diags.Add(Severity::kInfo, "targets.unit_split", row.value_where,
                  "“" + row.level3 + "”的指标值“" + row.value +
                      "”含计量单位，计量单位列为空：计量单位取“" + split->second +
                      "”（指标值照写；单位的原表未改）");
        row.unit = split->second;
      }
    if (row.level3.empty()) {
      diags.Error("targets.blank_name", row.where, "三级指标名称为空，请补上或删去这一行");
      continue;
    }
    out.push_back(row);
  }
}

// The header block as the 申报表 reader of `targets check` reads it (主管部门及代码, 项目单位,
// 年度资金总额 …): fills what the plain label scan left empty, and 资金 as text for the summary.
void AddWorkbookHeader(const std::string& file, std::map<std::string, std::string>& project) {
  TargetWorkbook book;
  Diagnostics ignored;
  if (!LoadTargetWorkbook(file, book, ignored) || !book.project.present) return;
  const TargetProject& p = book.project;
  for (const auto& [key, value] : {std::pair<const char*, const std::string*>{"name", &p.name},
                                   {"authority", &p.authority},
                                   {"unit", &p.unit},
                                   {"year", &p.year}})
    if (!project.count(key) && !Trim(*value).empty()) project[key] = Trim(*value);
  if (p.total_funds || p.fiscal_funds) {
    std::string funds = "资金总额 " + (p.total_funds ? FormatYuan(*p.total_funds) : "（未填）");
    if (p.fiscal_funds) funds += "，其中财政拨款 " + FormatYuan(*p.fiscal_funds);
    if (p.other_funds) funds += "，其他资金 " + FormatYuan(*p.other_funds);
    project["funds"] = funds;
  }
}

}  // namespace

std::vector<RawTargetRow> ReadTargetTable(const std::string& file_in, Diagnostics& diags,
                                          std::map<std::string, std::string>* project) {
  std::vector<RawTargetRow> out;
  // A folder holding targets.csv (the layout `jixiao targets check` reads) stands for that file.
  const std::string file = IsDirectory(file_in) ? file_in + "/targets.csv" : file_in;
  try {
    if (EndsWith(file, ".xlsx") || EndsWith(file, ".XLSX")) {
      const XlsxWorkbook book = ReadXlsxFile(file);
      for (const XlsxSheet& sheet : book.sheets) {
        Grid grid;
        const int rows = std::min(sheet.max_row, 5000), cols = std::min(sheet.max_col, 40);
        for (int r = 1; r <= rows; ++r) {
          std::vector<std::string> cells;
          for (int c = 1; c <= cols; ++c) cells.push_back(sheet.At(r, c).text);
          grid.rows.push_back(cells);
        }
        grid.where = [&](size_t r, size_t c) {
          return CellLocation(file, sheet.name, static_cast<int>(r) + 1, static_cast<int>(c) + 1);
        };
        Diagnostics local;
        Collect(grid, file, out, local, project);
        if (!local.HasErrors() || &sheet == &book.sheets.back()) {
          diags.Append(local);
          if (project) AddWorkbookHeader(file, *project);
          return out;
        }
        out.clear();
      }
      diags.Error("targets.empty", {file, 0, 0, ""}, "工作簿中没有工作表");
      return out;
    }
    const CsvTable csv = ReadCsvFile(file);
    Grid grid;
    grid.rows.push_back(csv.header);
    std::vector<int> lines = {1};
    for (const CsvRow& row : csv.rows) {
      grid.rows.push_back(row.cells);
      lines.push_back(row.line);
    }
    grid.where = [&](size_t r, size_t c) {
      Location where{file, lines[r], static_cast<int>(c) + 1, ""};
      if (c < csv.header.size()) where.path = csv.header[c];
      return where;
    };
    Collect(grid, file, out, diags, project);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
  }
  return out;
}

}  // namespace jixiao
