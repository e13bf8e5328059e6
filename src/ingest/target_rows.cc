#include "ingest/target_rows.h"

#include <cctype>

#include "core/quantity.h"
#include "core/text.h"

namespace jixiao {
namespace {

const char kPending[] = "（待确认）";

std::string Cell(CsvCells& cells, const CsvRow& row, const CsvColumn& col) {
  std::string t = cells.Text(row, col);
  if (EndsWith(t, kPending)) t = Trim(t.substr(0, t.size() - sizeof(kPending) + 1));
  return t;
}

// A 指标性质 cell holding only a comparator, as systems type it (≥, ASCII >=, full-width ＞, ≧ and
// ═ from 云南 exports, the small ﹦).
bool IsComparatorCell(const std::string& cell) {
  for (const char* op :
       {"≥", "≤", "=", ">", "<", ">=", "<=", "＞", "＜", "＝", "≧", "≦", "═", "﹦", "⩾", "⩽"})
    if (cell == op) return true;
  return false;
}

// A comparator written in words, as 内蒙古's export fills 指标方向 (大于等于 | 98): its symbol, or
// "".
std::string WordComparator(const std::string& cell) {
  static const std::pair<const char*, const char*> kWords[] = {
      {"大于等于", "≥"}, {"小于等于", "≤"}, {"不低于", "≥"}, {"不少于", "≥"}, {"不高于", "≤"},
      {"不超过", "≤"},   {"等于", "="},     {"大于", ">"},   {"小于", "<"}};
  for (const auto& [word, symbol] : kWords)
    if (cell == word) return symbol;
  return "";
}

}  // namespace

std::optional<std::pair<std::string, std::string>> SplitTrailingUnit(const std::string& value) {
  const std::string text = Trim(value);
  size_t at = 0;
  for (const char* op : {">=", "<=", "≥", "≤", "＞", "＜", "＝", "≧", "≦", ">", "<", "="})
    if (StartsWith(text, op)) {
      at = std::string(op).size();
      break;
    }
  const std::string rest = Trim(text.substr(at));
  size_t digits = 0;
  while (digits < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[digits])) ||
                                  rest[digits] == '.' || rest[digits] == ','))
    ++digits;
  if (digits == 0 || digits == rest.size()) return std::nullopt;
  const std::string written_unit = Trim(rest.substr(digits));
  // A time limit's unit is a unit (≤7工作日, ≤3个工作日, ≤15天); other dates, deadlines and ranges
  // stay whole: 2021年12月底前, 10个工作日后, 3-5天.
  bool duration = false;
  for (const char* unit : {"工作日", "个工作日", "日", "天", "小时", "个月", "周"})
    duration = duration || written_unit == unit;
  for (const char* word : {"年", "月", "日", "前", "后", "底", "内", "以", "-", "~", "至", "－"})
    if (!duration && written_unit.find(word) != std::string::npos) return std::nullopt;
  for (char c : written_unit)
    if (std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  QuantityParse parsed = ParseQuantity(rest);
  if (!parsed.quantity || parsed.quantity->unit.empty()) return std::nullopt;
  return std::make_pair(Trim(text.substr(0, at)) + rest.substr(0, digits), parsed.quantity->unit);
}

CsvColumn FirstColumn(const CsvTable& csv, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (CsvColumn c = csv.Column(n); c.present()) return c;
  return {};
}

namespace {

// "一级\n指标（年度）" -> "一级指标": spaces and line breaks dropped, a trailing bracket cut.
std::string HeaderBase(const std::string& header) {
  std::string s;
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] != ' ' && header[i] != '\n' && header[i] != '\r' && header[i] != '\t')
      s += header[i];
  for (const char* open : {"(", "（"}) {
    size_t at = s.find(open);
    if (at != std::string::npos && at > 0) s = s.substr(0, at);
  }
  return s;
}

// Among the columns that carry one of `names` (first name first), the one with most filled
// cells: a table with 指标值(长期) blank and 指标值(年度) filled reads the annual column.
CsvColumn BestColumn(const CsvTable& csv, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    int best = -1;
    size_t best_filled = 0;
    for (size_t i = 0; i < csv.header.size(); ++i) {
      if (HeaderBase(csv.header[i]) != n) continue;
      size_t filled = 0;
      for (const auto& row : csv.rows)
        filled += i < row.cells.size() && !Trim(row.cells[i]).empty();
      if (best < 0 || filled > best_filled) best = static_cast<int>(i), best_filled = filled;
    }
    if (best >= 0) return {best, csv.header[static_cast<size_t>(best)], ""};
  }
  return {};
}

// A header that contains one of `parts` and none of `not_parts` (指标目标值, 一级指标名称 …), the
// filled one when several do.
CsvColumn ContainingColumn(const CsvTable& csv, std::initializer_list<const char*> parts,
                           std::initializer_list<const char*> not_parts) {
  int best = -1;
  size_t best_filled = 0;
  for (size_t i = 0; i < csv.header.size(); ++i) {
    std::string h = HeaderBase(csv.header[i]);
    bool hit = false, excluded = false;
    for (const char* p : parts) hit = hit || h.find(p) != std::string::npos;
    for (const char* p : not_parts) excluded = excluded || h.find(p) != std::string::npos;
    if (!hit || excluded) continue;
    size_t filled = 0;
    for (const auto& row : csv.rows) filled += i < row.cells.size() && !Trim(row.cells[i]).empty();
    if (best < 0 || filled > best_filled) best = static_cast<int>(i), best_filled = filled;
  }
  if (best < 0) return {};
  return {best, csv.header[static_cast<size_t>(best)], ""};
}

CsvColumn Either(CsvColumn exact, CsvColumn loose) { return exact.present() ? exact : loose; }

}  // namespace

TargetColumns FindTargetColumns(const CsvTable& csv) {
  const std::initializer_list<const char*> kNotTarget = {"实际", "完成值", "得分", "分值", "偏差"};
  TargetColumns found = {
      Either(BestColumn(csv, {"一级", "一级指标", "绩效指标分类", "绩效目标"}),
             ContainingColumn(csv, {"一级"}, {})),
      Either(BestColumn(csv, {"二级", "二级指标", "评价内容", "评价指标"}),
             ContainingColumn(csv, {"二级"}, {})),
      Either(BestColumn(csv, {"三级", "三级指标", "指标内容", "指标名称", "绩效指标", "绩效内容"}),
             ContainingColumn(csv, {"三级"}, {})),
      Either(BestColumn(csv, {"指标值", "年度指标值", "目标值", "当年预期实现值", "计划指标值",
                              "年度目标值", "绩效指标值", "当年度指标值", "全年绩效目标"}),
             ContainingColumn(csv, {"指标值", "目标值", "预期值", "计划值"}, kNotTarget))};
  // 福建's form: the header cell 评价内容 spans the 一级 and 二级 columns, leaving the second
  // blank.
  size_t l2 = static_cast<size_t>(found.level2.index);
  if (!found.level1.present() && found.level2.present() && l2 + 1 < csv.header.size() &&
      Trim(csv.header[l2 + 1]).empty() && found.level3.index != found.level2.index + 1) {
    found.level1 = found.level2;
    found.level2 = {found.level2.index + 1, csv.header[l2 + 1], ""};
  }
  // The older central form (指标 | 指标内容 | 指标值, no 二级 column): 指标 is the 一级.
  if (!found.level1.present() && !found.level2.present())
    if (CsvColumn c = BestColumn(csv, {"指标"}); c.present() && c.index != found.level3.index)
      found.level1 = c;
  return found;
}

void ReadTargetRows(const CsvTable& csv, CsvCells& cells, Table<TargetRow>& t, bool lenient) {
  CsvColumn l1, l2, l3, value;
  if (lenient) {
    TargetColumns columns = FindTargetColumns(csv);
    l1 = columns.level1, l2 = columns.level2, l3 = columns.level3, value = columns.value;
    std::vector<std::string> missing;
    if (!l1.present()) missing.push_back("一级");
    if (!l3.present()) missing.push_back("三级");
    if (!value.present()) missing.push_back("指标值");
    if (!missing.empty()) {
      std::string header, names;
      for (const auto& h : csv.header) header += (header.empty() ? "" : ",") + h;
      for (const auto& m : missing) names += (names.empty() ? "" : "、") + ("“" + m + "”");
      cells.Error(CsvRow{1, {}}, CsvColumn{}, "csv.missing_column",
                  "表头缺少" + names +
                      "列（也可写作一级指标、三级指标/指标内容、年度指标值）；当前表头为：" +
                      header);
      return;
    }
  } else {
    if (!cells.RequireColumns({"一级", "二级", "三级", "指标值"})) return;
    l1 = csv.Column("一级"), l2 = csv.Column("二级"), l3 = csv.Column("三级"),
    value = csv.Column("指标值");
  }
  CsvColumn actual = FirstColumn(csv, {"实际值", "全年实际值", "实际完成值"}),
            source = csv.Column("出处依据"), type = csv.Column("指标值类型"),
            unit = FirstColumn(csv, {"计量单位", "度量单位"}),
            nature = FirstColumn(csv, {"指标性质", "比较符", "运算符号", "计算符号"}),
            direction = csv.Column("指标方向"),
            explanation = FirstColumn(csv, {"指标解释", "指标说明"}),
            criteria = FirstColumn(csv, {"评(扣)分标准", "评分标准", "评（扣）分标准"});
  for (const auto& row : csv.rows) {
    TargetRow r{Cell(cells, row, l1),
                Cell(cells, row, l2),
                Cell(cells, row, l3),
                Cell(cells, row, value),
                Cell(cells, row, actual),
                Cell(cells, row, source),
                row.line,
                Cell(cells, row, type),
                Cell(cells, row, unit),
                Cell(cells, row, explanation),
                Cell(cells, row, criteria)};
    for (const auto& text : row.cells) r.pending = r.pending || EndsWith(Trim(text), kPending);
    // A case's targets.csv is printed in the report: its figures are read half-width (with a 提示
    // at the cell); the checker reads a unit's table as written.
    if (!lenient) {
      if (!r.value.empty()) r.value = cells.Figure(row, value).value_or(r.value);
      if (!r.actual.empty()) r.actual = cells.Figure(row, actual).value_or(r.actual);
    }
    // 指标性质 as 四川's 一体化 system exports it: the comparator (≥ | 95 | %), or 定量/定性.
    std::string nature_cell = Cell(cells, row, nature);
    // 内蒙古's export: 指标性质 holds 正向/反向 and 指标方向 the comparator, as a sign or in words.
    std::string direction_cell = Cell(cells, row, direction);
    if (!WordComparator(direction_cell).empty()) direction_cell = WordComparator(direction_cell);
    if (!IsComparatorCell(nature_cell) && IsComparatorCell(direction_cell))
      nature_cell = direction_cell;
    // 湖南's 项目绩效年度表: 指标值类型 holds the comparator (≤ | 9.9 | 万元), or 定性/定量.
    if (!IsComparatorCell(nature_cell) && IsComparatorCell(r.value_type)) {
      nature_cell = r.value_type;
      r.value_type.clear();
    }
    if (nature_cell == "定量" || nature_cell == "定性") {
      if (r.value_type.empty()) r.value_type = nature_cell;
    } else if (IsComparatorCell(nature_cell) && !r.value.empty() &&
               r.value.find_first_of("0123456789") == 0) {
      r.value = nature_cell + r.value;
    }
    bool continues_level1 = r.level1.empty() && !t.rows.empty();
    if (continues_level1) r.level1 = t.rows.back().level1;
    if (r.level2.empty() && !t.rows.empty() &&
        (continues_level1 || r.level1 == t.rows.back().level1))
      r.level2 = t.rows.back().level2;
    if (!lenient) {
      if (r.level3.empty()) {
        cells.Error(row, l3, "csv.blank", "三级指标名称不能为空");
        continue;
      }
      if (r.value.empty()) {
        cells.Error(row, value, "csv.blank", "指标值不能为空，请写如“≥90%”或“及时”");
        continue;
      }
    }
    t.rows.push_back(r);
  }
}

}  // namespace jixiao
