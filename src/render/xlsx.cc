// XLSX writer (libxlsxwriter): one format per cell style with a CJK font, merged ranges, formulas
// with cached results, frozen panes, A4 landscape print setup with repeated header rows and
// fit-to-width. libxlsxwriter 1.1.4 writes to a file only, so the bytes go through a temp file.
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <stdexcept>

#include "core/limits.h"
#include "core/temp_files.h"
#include "core/text.h"
#include "render/render.h"

namespace jixiao::render {
namespace {

using doc::CellStyle;

lxw_format* MakeFormat(lxw_workbook* wb, CellStyle style) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, "宋体");
  format_set_font_size(f, 10);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(f);
  bool bold = style == CellStyle::kHeader || style == CellStyle::kTitle ||
              style == CellStyle::kFormTitle || style == CellStyle::kTotalText ||
              style == CellStyle::kTotalScore || style == CellStyle::kTotalRate ||
              style == CellStyle::kTotalYuan;
  if (bold) format_set_bold(f);
  switch (style) {
    case CellStyle::kText:
      format_set_align(f, LXW_ALIGN_LEFT);
      break;
    case CellStyle::kHeader:
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_bg_color(f, 0xEDEDED);
      break;
    case CellStyle::kTitle:
      format_set_font_size(f, 12);
      format_set_border(f, LXW_BORDER_NONE);
      format_set_align(f, LXW_ALIGN_LEFT);
      format_set_text_wrap(f);
      break;
    case CellStyle::kFormTitle:
      format_set_font_size(f, 16);
      format_set_border(f, LXW_BORDER_NONE);
      format_set_align(f, LXW_ALIGN_CENTER);
      break;
    case CellStyle::kYuan:
    case CellStyle::kTotalYuan:
      format_set_num_format(f, "#,##0.00");
      break;
    case CellStyle::kRate:
    case CellStyle::kTotalRate:
      format_set_num_format(f, "0.00%");
      format_set_align(f, LXW_ALIGN_CENTER);
      break;
    case CellStyle::kScore:
    case CellStyle::kTotalScore:
      format_set_num_format(f, "0.00");
      format_set_align(f, LXW_ALIGN_CENTER);
      break;
    case CellStyle::kInteger:
      format_set_num_format(f, "0");
      format_set_align(f, LXW_ALIGN_CENTER);
      break;
    case CellStyle::kInputText:
    case CellStyle::kInputNumber:
    case CellStyle::kInputYuan:
    case CellStyle::kInputDate:
      format_set_bg_color(f, 0xFFF7D6);
      format_set_align(f, LXW_ALIGN_LEFT);
      if (style == CellStyle::kInputText) format_set_num_format(f, "@");
      if (style == CellStyle::kInputYuan) format_set_num_format(f, "#,##0.00");
      if (style == CellStyle::kInputDate) format_set_num_format(f, "yyyy-mm-dd");
      break;
    case CellStyle::kNote:
      format_set_italic(f);
      format_set_font_color(f, 0x595959);
      format_set_border(f, LXW_BORDER_NONE);
      format_set_align(f, LXW_ALIGN_LEFT);
      break;
    case CellStyle::kFlagged:
      format_set_bg_color(f, 0xFFC7CE);
      format_set_font_color(f, 0x9C0006);
      format_set_align(f, LXW_ALIGN_LEFT);
      break;
    case CellStyle::kFlaggedYuan:
    case CellStyle::kFlaggedRate:
    case CellStyle::kFlaggedScore:
      format_set_bg_color(f, 0xFFC7CE);
      format_set_font_color(f, 0x9C0006);
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_num_format(f, style == CellStyle::kFlaggedYuan   ? "#,##0.00"
                               : style == CellStyle::kFlaggedRate ? "0.00%"
                                                                  : "0.00");
      break;
    default:
      format_set_align(f, LXW_ALIGN_CENTER);
      break;
  }
  return f;
}

// Cell text as Excel can hold it: XML-safe, and at most 32,767 characters; longer text is cut
// with a visible note saying how much is missing (the report itself carries the whole text).
std::string CellText(const std::string& raw) {
  std::string text = XmlSafe(raw);
  size_t chars = 0, cut = std::string::npos;
  const size_t keep = static_cast<size_t>(limits::kMaxCellChars) - 60;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars == keep) cut = i;
    ++chars;
  }
  if (chars <= static_cast<size_t>(limits::kMaxCellChars)) return text;
  return text.substr(0, cut) + "……【超出 Excel 单元格 32,767 字符上限，其余 " +
         std::to_string(chars - keep) + " 字已略去，全文见报告正文】";
}

void WriteCell(lxw_worksheet* ws, int r, int c, const doc::WCell& cell, lxw_format* f) {
  auto row = static_cast<lxw_row_t>(r);
  auto col = static_cast<lxw_col_t>(c);
  switch (cell.kind) {
    case doc::WCell::Kind::kText:
      worksheet_write_string(ws, row, col, CellText(cell.text).c_str(), f);
      break;
    case doc::WCell::Kind::kNumber:
      worksheet_write_number(ws, row, col, cell.number, f);
      break;
    case doc::WCell::Kind::kFormula:
      if (cell.cached_text)
        worksheet_write_formula_str(ws, row, col, XmlSafe(cell.formula).c_str(), f,
                                    CellText(cell.text).c_str());
      else
        worksheet_write_formula_num(ws, row, col, XmlSafe(cell.formula).c_str(), f, cell.number);
      break;
    case doc::WCell::Kind::kEmpty:
      worksheet_write_blank(ws, row, col, f);
      break;
  }
}

// Display width of text in Excel column units: CJK characters take about two.
double TextUnits(const std::string& text, size_t begin, size_t end) {
  double units = 0;
  for (size_t i = begin; i < end; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80)
      units += 1.1;
    else if (c >= 0xC0)
      units += 2.0;  // lead byte of a multi-byte character
  }
  return units;
}

int LinesNeeded(const std::string& text, double width) {
  int lines = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    double units = TextUnits(text, start, end);
    lines += std::max(1, static_cast<int>((units + width - 2) / std::max(1.0, width - 1)));
    start = end + 1;
  }
  return lines;
}

// Row heights: spreadsheet programs do not re-fit rows of a generated file, so wrapped text
// would be cut off; estimate the lines each row needs from its cells' text and column widths.
std::map<int, double> RowHeights(const doc::Sheet& sheet) {
  std::map<std::pair<int, int>, const doc::Range*> merged;
  for (const auto& m : sheet.merges) merged[{m.first_row, m.first_col}] = &m;
  std::map<int, double> heights;
  for (const auto& [pos, cell] : sheet.cells) {
    if (cell.style == CellStyle::kFormTitle) heights[pos.first] = 24;  // one line of 16 pt
    if (cell.kind != doc::WCell::Kind::kText || cell.style == CellStyle::kTitle ||
        cell.style == CellStyle::kFormTitle)
      continue;
    double width = 0;
    int last_col = pos.second, rows = 1;
    auto m = merged.find(pos);
    if (m != merged.end()) {
      last_col = m->second->last_col;
      rows = m->second->last_row - m->second->first_row + 1;
    }
    for (int c = pos.second; c <= last_col; ++c)
      width += static_cast<size_t>(c) < sheet.widths.size() ? sheet.widths[static_cast<size_t>(c)]
                                                            : 8.43;
    double per_row = 13.5 * LinesNeeded(cell.text, width) / rows;
    heights[pos.first] = std::max(heights[pos.first], std::max(15.0, per_row));
  }
  return heights;
}

// The first `chars` UTF-8 characters (Excel counts characters in validation titles and prompts).
std::string Utf8Prefix(const std::string& text, size_t chars) {
  size_t i = 0;
  for (size_t n = 0; i < text.size() && n < chars; ++n) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return text.substr(0, i);
}

void AddValidation(lxw_worksheet* ws, const doc::DataValidation& v) {
  lxw_data_validation dv = {};
  std::string error;  // kNothing: why nothing may be typed
  std::vector<char*> list;
  size_t joined = 0;
  switch (v.kind) {
    case doc::DataValidation::Kind::kList:
      for (const auto& option : v.options) {
        list.push_back(const_cast<char*>(option.c_str()));
        joined += option.size() + 1;
      }
      if (list.empty() || joined > 255) return;  // Excel's limit for an inline list
      list.push_back(nullptr);
      dv.validate = LXW_VALIDATION_TYPE_LIST;
      dv.value_list = list.data();
      break;
    case doc::DataValidation::Kind::kDecimal:
    case doc::DataValidation::Kind::kWhole:
      dv.validate = v.kind == doc::DataValidation::Kind::kWhole ? LXW_VALIDATION_TYPE_INTEGER
                                                                : LXW_VALIDATION_TYPE_DECIMAL;
      dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      dv.minimum_number = v.min;
      dv.maximum_number = v.max;
      break;
    case doc::DataValidation::Kind::kDate:
      dv.validate = LXW_VALIDATION_TYPE_DATE;
      dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      dv.minimum_datetime = {static_cast<int>(v.min), 1, 1, 0, 0, 0};
      dv.maximum_datetime = {static_cast<int>(v.max), 12, 31, 0, 0, 0};
      break;
    case doc::DataValidation::Kind::kAny:
      dv.validate = LXW_VALIDATION_TYPE_ANY;
      break;
    case doc::DataValidation::Kind::kNothing:  // text length must be 0: every entry is refused
      dv.validate = LXW_VALIDATION_TYPE_LENGTH;
      dv.criteria = LXW_VALIDATION_CRITERIA_EQUAL_TO;
      dv.value_number = 0;
      if (!v.prompt.empty()) error = Utf8Prefix(XmlSafe(v.prompt), 225);
      break;
  }
  dv.error_type = v.strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING;
  std::string title = Utf8Prefix(XmlSafe(v.prompt_title), 30),
              prompt = Utf8Prefix(XmlSafe(v.prompt), 250);
  if (!title.empty()) dv.input_title = const_cast<char*>(title.c_str());
  if (!prompt.empty()) dv.input_message = const_cast<char*>(prompt.c_str());
  if (!error.empty()) {
    dv.error_title = const_cast<char*>("不填");
    dv.error_message = const_cast<char*>(error.c_str());
  }
  worksheet_data_validation_range(
      ws, static_cast<lxw_row_t>(v.first_row), static_cast<lxw_col_t>(v.first_col),
      static_cast<lxw_row_t>(v.last_row), static_cast<lxw_col_t>(v.last_col), &dv);
}

// Excel holds 1,048,576 rows and 16,384 columns; a sheet beyond them is refused, never cut.
void CheckSize(const doc::Sheet& sheet) {
  int64_t rows = 0, cols = 0;
  for (const auto& [pos, cell] : sheet.cells) {
    rows = std::max<int64_t>(rows, pos.first + 1);
    cols = std::max<int64_t>(cols, pos.second + 1);
  }
  for (const auto& m : sheet.merges) rows = std::max<int64_t>(rows, m.last_row + 1);
  if (rows > limits::kMaxSheetRows || cols > 16384)
    throw std::length_error("工作表“" + sheet.name + "”有 " + std::to_string(rows) + " 行、" +
                            std::to_string(cols) +
                            " 列，超过 Excel 的上限（1,048,576 行、16,384 列）；"
                            "请拆分数据（见 docs/limits.md）");
}

lxw_worksheet* WriteSheet(lxw_workbook* wb, const doc::Sheet& sheet,
                          std::map<CellStyle, lxw_format*>& formats) {
  auto format = [&](CellStyle s) {
    auto it = formats.find(s);
    return it != formats.end() ? it->second : (formats[s] = MakeFormat(wb, s));
  };
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
  for (size_t c = 0; c < sheet.widths.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), sheet.widths[c],
                         nullptr);
  for (int c : sheet.hidden_columns) {
    lxw_row_col_options hidden = {1, 0, 0};
    const double width = static_cast<size_t>(c) < sheet.widths.size() ? sheet.widths[c] : 8.43;
    worksheet_set_column_opt(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                             nullptr, &hidden);
  }
  for (const auto& m : sheet.merges) {
    const doc::WCell* origin = sheet.At(m.first_row, m.first_col);
    lxw_format* f = format(origin ? origin->style : CellStyle::kText);
    worksheet_merge_range(ws, static_cast<lxw_row_t>(m.first_row),
                          static_cast<lxw_col_t>(m.first_col), static_cast<lxw_row_t>(m.last_row),
                          static_cast<lxw_col_t>(m.last_col), "", f);
  }
  for (const auto& [row, height] : RowHeights(sheet))
    worksheet_set_row(ws, static_cast<lxw_row_t>(row), height, nullptr);
  for (const auto& [pos, cell] : sheet.cells)
    WriteCell(ws, pos.first, pos.second, cell, format(cell.style));
  if (sheet.freeze_rows || sheet.freeze_cols)
    worksheet_freeze_panes(ws, static_cast<lxw_row_t>(sheet.freeze_rows),
                           static_cast<lxw_col_t>(sheet.freeze_cols));
  for (const auto& chart : sheet.charts) {
    uint8_t type = chart.type == doc::SheetChart::Type::kPie          ? LXW_CHART_PIE
                   : chart.type == doc::SheetChart::Type::kStackedBar ? LXW_CHART_BAR_STACKED
                   : chart.type == doc::SheetChart::Type::kGroupedBar ? LXW_CHART_BAR
                                                                      : LXW_CHART_COLUMN;
    lxw_chart* c = workbook_add_chart(wb, type);
    auto first = static_cast<lxw_row_t>(chart.first_row),
         last = static_cast<lxw_row_t>(chart.last_row);
    std::vector<int> value_cols = {chart.value_col};
    value_cols.insert(value_cols.end(), chart.more_value_cols.begin(), chart.more_value_cols.end());
    for (int col : value_cols) {
      lxw_chart_series* series = chart_add_series(c, nullptr, nullptr);
      chart_series_set_categories(series, sheet.name.c_str(), first,
                                  static_cast<lxw_col_t>(chart.category_col), last,
                                  static_cast<lxw_col_t>(chart.category_col));
      chart_series_set_values(series, sheet.name.c_str(), first, static_cast<lxw_col_t>(col), last,
                              static_cast<lxw_col_t>(col));
      if (first > 0)
        chart_series_set_name_range(series, sheet.name.c_str(), first - 1,
                                    static_cast<lxw_col_t>(col));
      if (value_cols.size() == 1) chart_series_set_labels(series);
    }
    chart_title_set_name(c, XmlSafe(chart.title).c_str());
    if (chart.type == doc::SheetChart::Type::kColumn) {
      chart_legend_set_position(c, LXW_CHART_LEGEND_NONE);
      chart_axis_set_min(c->y_axis, 0);
    } else {
      chart_legend_set_position(c, LXW_CHART_LEGEND_BOTTOM);
    }
    lxw_chart_options size = {};
    size.x_scale = chart.type == doc::SheetChart::Type::kPie ? 1.0 : 1.6;  // room for many labels
    size.y_scale = chart.type == doc::SheetChart::Type::kPie ? 1.0 : 1.4;
    worksheet_insert_chart_opt(ws, static_cast<lxw_row_t>(chart.anchor_row),
                               static_cast<lxw_col_t>(chart.anchor_col), c, &size);
  }
  for (const auto& range : sheet.color_scales) {
    lxw_conditional_format scale = {};
    scale.type = LXW_CONDITIONAL_3_COLOR_SCALE;
    scale.min_color = 0xF8696B;
    scale.mid_color = 0xFFEB84;
    scale.max_color = 0x63BE7B;
    worksheet_conditional_format_range(
        ws, static_cast<lxw_row_t>(range.first_row), static_cast<lxw_col_t>(range.first_col),
        static_cast<lxw_row_t>(range.last_row), static_cast<lxw_col_t>(range.last_col), &scale);
  }
  for (const auto& v : sheet.validations) AddValidation(ws, v);
  for (const auto& [at, note] : sheet.comments) {
    lxw_comment_options opt = {};
    opt.author = const_cast<char*>("jixiao 复核");
    opt.width = 360;
    opt.height = 160;
    worksheet_write_comment_opt(ws, static_cast<lxw_row_t>(at.first),
                                static_cast<lxw_col_t>(at.second), CellText(note).c_str(), &opt);
  }
  worksheet_set_paper(ws, 9);  // A4
  if (sheet.landscape) worksheet_set_landscape(ws);
  if (sheet.header_first_row >= 0)
    worksheet_repeat_rows(ws, static_cast<lxw_row_t>(sheet.header_first_row),
                          static_cast<lxw_row_t>(sheet.header_last_row));
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6);
  worksheet_set_footer(ws, "&C&P / &N");
  return ws;
}

// Removes the temporary file unless released (the caller keeps it).
struct Cleanup {
  std::string path;
  ~Cleanup() {
    if (path.empty()) return;
    std::remove(path.c_str());
    temp::Unregister(path);
  }
};
}  // namespace

std::string ToXlsx(const doc::Workbook& book) {
  Cleanup cleanup{ToXlsxFile(book)};
  std::string why;
  auto bytes = ReadFileBytes(cleanup.path, &why);
  if (!bytes) throw std::runtime_error("读取 xlsx 临时文件失败：" + why);
  return *bytes;
}

std::string ToXlsxFile(const doc::Workbook& book) {
  for (const auto& sheet : book.sheets) CheckSize(sheet);
  // libxlsxwriter writes to a file and keeps its own scratch files in `tmpdir`: both go to the
  // output folder (not /tmp, which may be full or read-only), and both are removed on every path
  // but success, where the caller takes the file.
  std::string scratch = temp::ScratchDir();
  std::string path = temp::TempName(scratch, "workbook.xlsx");
  temp::Register(path);
  Cleanup cleanup{path};
  lxw_workbook_options options = {};
  options.tmpdir = const_cast<char*>(scratch.c_str());
  options.constant_memory = book.stream ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) throw std::runtime_error("无法在输出目录中创建 xlsx 临时文件：" + scratch);
  std::string title = XmlSafe(book.title);
  lxw_doc_properties properties = {};
  properties.title = const_cast<char*>(title.c_str());
  properties.author = const_cast<char*>("jixiao");
  workbook_set_properties(wb, &properties);
  std::map<CellStyle, lxw_format*> formats;
  std::vector<lxw_worksheet*> sheets;
  for (const auto& sheet : book.sheets) sheets.push_back(WriteSheet(wb, sheet, formats));
  if (book.stream)
    book.stream([&](size_t s, int r, int c, const doc::WCell& cell) {
      auto it = formats.find(cell.style);
      lxw_format* f =
          it != formats.end() ? it->second : (formats[cell.style] = MakeFormat(wb, cell.style));
      WriteCell(sheets.at(s), r, c, cell, f);
    });
  lxw_error rc = workbook_close(wb);
  if (rc != LXW_NO_ERROR)
    throw std::runtime_error("写入 xlsx 失败（libxlsxwriter 错误 " + std::to_string(rc) +
                             "，多为输出目录空间不足或不可写）");
  cleanup.path.clear();
  return path;
}

}  // namespace jixiao::render
