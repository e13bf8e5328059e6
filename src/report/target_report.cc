#include "report/target_report.h"

#include "core/format.h"
#include "model/target_value.h"
#include "report/tables.h"

namespace jixiao::report {
namespace {

std::string Wan(const std::optional<Money>& m) { return m ? FormatWanYuan(*m) : "—"; }

const char* const kColumns[] = {"一级指标", "二级指标", "三级指标", "指标值类型",
                                "指标值",   "计量单位", "指标解释", "评(扣)分标准"};

struct HeaderField {
  const char* label;
  std::string value;
};

// Rows of the header block: each is label/value pairs laid over 8 columns.
std::vector<std::vector<HeaderField>> HeaderBlock(const TargetProject& p) {
  return {{{"项目名称", p.name}, {"项目类别", p.category}},
          {{"主管部门", p.authority}, {"实施单位", p.unit}},
          {{"计划开始日期", p.start_date}, {"计划完成日期", p.end_date}},
          {{"项目资金总额", Wan(p.total_funds)},
           {"其中：财政资金", Wan(p.fiscal_funds)},
           {"其他资金", Wan(p.other_funds)}},
          {{"总目标", p.overall_goal}},
          {{"年度目标", p.annual_goal}}};
}

// Column span of each label/value pair in an 8-column row: 1 label + the rest for the value.
std::vector<std::pair<int, int>> Layout(size_t pairs) {
  if (pairs == 1) return {{0, 7}};
  if (pairs == 2) return {{0, 3}, {4, 3}};
  return {{0, 2}, {3, 1}, {5, 2}};
}

std::string TypeOf(const TargetRow& r) {
  if (!r.value_type.empty()) return r.value_type;
  // The one reader (model/target_value): a date, deadline or span is 定性 (a 时效 target, trial
  // 3 item 25); a figure it cannot read keeps the old rule (digits are 定量).
  const TargetValue read = TargetValue::Parse(r.value);
  if (read.quantitative) return "定量";
  if (read.error.empty()) return "定性";
  return r.value.find_first_of("0123456789") != std::string::npos ? "定量" : "定性";
}

}  // namespace

doc::Document BuildTargetDocument(const TargetProject& project, const Table<TargetRow>& targets) {
  doc::Document d;
  d.title = "财政项目支出绩效目标申报表";
  d.blocks.push_back(doc::Heading{1, d.title});
  doc::Table header;
  header.header_rows = 0;
  header.widths = {3, 3, 3, 3, 3, 3, 3, 3};
  for (const auto& fields : HeaderBlock(project)) {
    std::vector<doc::Cell> row(8, TextCell(""));
    int r = static_cast<int>(header.rows.size());
    header.rows.push_back(row);
    auto layout = Layout(fields.size());
    for (size_t k = 0; k < fields.size(); ++k) {
      auto [col, span] = layout[k];
      header.rows[static_cast<size_t>(r)][static_cast<size_t>(col)] = HeaderCell(fields[k].label);
      header.rows[static_cast<size_t>(r)][static_cast<size_t>(col + 1)] = TextCell(fields[k].value);
      if (span > 1) header.Merge(r, col + 1, 1, span);
    }
  }
  d.blocks.push_back(header);
  doc::Table t;
  t.widths = {2, 2, 4, 2, 2, 2, 4, 4};
  t.rows.push_back(HeaderRow(std::vector<std::string>(kColumns, kColumns + 8)));
  for (const auto& r : targets.rows) {
    t.rows.push_back({TextCell(r.level1, doc::Align::kCenter),
                      TextCell(r.level2, doc::Align::kCenter), TextCell(r.level3),
                      NumberCell(TypeOf(r)), NumberCell(r.value), NumberCell(r.unit),
                      TextCell(r.explanation), TextCell(r.criteria)});
  }
  for (int col : {0, 1}) {
    int i = 1, n = static_cast<int>(t.rows.size());
    while (i < n) {
      int j = i + 1;
      while (j < n &&
             t.rows[static_cast<size_t>(j)][static_cast<size_t>(col)].text ==
                 t.rows[static_cast<size_t>(i)][static_cast<size_t>(col)].text &&
             (col == 0 ||
              t.rows[static_cast<size_t>(j)][0].text == t.rows[static_cast<size_t>(i)][0].text))
        ++j;
      if (j - i > 1) t.Merge(i, col, j - i, 1);
      i = j;
    }
  }
  d.blocks.push_back(t);
  return d;
}

doc::Workbook BuildTargetWorkbook(const TargetProject& project, const Table<TargetRow>& targets) {
  doc::Workbook wb;
  wb.title = "财政项目支出绩效目标申报表";
  doc::Sheet s;
  s.name = "绩效目标申报表";
  s.widths = {12, 12, 22, 10, 12, 9, 28, 28};
  s.Text(0, 0, wb.title, doc::CellStyle::kTitle);
  s.Merge(0, 0, 0, 7);
  // The same layout as the document: the document's cells, cell for cell.
  doc::Document d = BuildTargetDocument(project, targets);
  int row = 1;
  for (const auto& block : d.blocks) {
    const auto* t = std::get_if<doc::Table>(&block);
    if (!t) continue;
    int first = row;
    for (size_t r = 0; r < t->rows.size(); ++r, ++row) {
      for (size_t c = 0; c < t->rows[r].size(); ++c) {
        const doc::Cell& cell = t->rows[r][c];
        if (cell.covered) continue;
        bool header = cell.bold;
        s.Text(row, static_cast<int>(c), cell.text,
               header ? doc::CellStyle::kHeader
                      : (cell.align == doc::Align::kCenter ? doc::CellStyle::kCenter
                                                           : doc::CellStyle::kText));
        if (cell.row_span > 1 || cell.col_span > 1)
          s.Merge(row, static_cast<int>(c), row + cell.row_span - 1,
                  static_cast<int>(c) + cell.col_span - 1);
      }
    }
    if (t->header_rows > 0) {
      s.header_first_row = s.header_last_row = first;
      s.freeze_rows = first + 1;
    }
  }
  wb.sheets.push_back(s);
  return wb;
}

}  // namespace jixiao::report
