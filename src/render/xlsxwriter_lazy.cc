// libxlsxwriter loaded when the first workbook is written, not at process start: it brings in
// libcrypto and minizip, about 1.6 ms of dynamic loading that `jixiao --help`, `score` and the
// other formats never need (issue 25, docs/benchmarks.md). Each function xlsx.cc calls is
// defined here with the header's own signature and forwards to the library's; a binary that
// also links the library directly (jixiao-server, the tests) reaches the same functions.
// Contract: a missing library is an exception with a Chinese message naming it, raised by the
// first call, never a process that cannot start.
#include <dlfcn.h>
#include <xlsxwriter.h>

#include <stdexcept>
#include <string>

namespace {

// The soname of the libxlsxwriter whose header this is compiled against (1.1.x).
constexpr const char *kLibrary = "libxlsxwriter.so.4";

void *Library() {
  static void *const handle = [] {
    void *h = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
      const char *why = dlerror();
      throw std::runtime_error(std::string("无法加载 ") + kLibrary + "（生成 xlsx 需要它）：" +
                               (why ? why : "") + "。请安装 libxlsxwriter4 后重试");
    }
    return h;
  }();
  return handle;
}

template <class F>
F Resolve(const char *name) {
  void *f = dlsym(Library(), name);
  if (!f)
    throw std::runtime_error(std::string(kLibrary) + " 中没有 " + name +
                             "：请安装与 jixiao 编译时相同版本（1.1.x）的 libxlsxwriter");
  return reinterpret_cast<F>(f);
}

}  // namespace

// The library's function of the same name, found once.
#define JIXIAO_REAL(name) static const auto real = Resolve<decltype(&name)>(#name)

lxw_chart_series *chart_add_series(lxw_chart *chart, const char *categories, const char *values) {
  JIXIAO_REAL(chart_add_series);
  return real(chart, categories, values);
}
void chart_axis_set_min(lxw_chart_axis *axis, double min) {
  JIXIAO_REAL(chart_axis_set_min);
  return real(axis, min);
}
void chart_legend_set_position(lxw_chart *chart, uint8_t position) {
  JIXIAO_REAL(chart_legend_set_position);
  return real(chart, position);
}
void chart_series_set_categories(lxw_chart_series *series, const char *sheetname,
                                 lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                                 lxw_col_t last_col) {
  JIXIAO_REAL(chart_series_set_categories);
  return real(series, sheetname, first_row, first_col, last_row, last_col);
}
void chart_series_set_labels(lxw_chart_series *series) {
  JIXIAO_REAL(chart_series_set_labels);
  return real(series);
}
void chart_series_set_name_range(lxw_chart_series *series, const char *sheetname, lxw_row_t row,
                                 lxw_col_t col) {
  JIXIAO_REAL(chart_series_set_name_range);
  return real(series, sheetname, row, col);
}
void chart_series_set_values(lxw_chart_series *series, const char *sheetname, lxw_row_t first_row,
                             lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col) {
  JIXIAO_REAL(chart_series_set_values);
  return real(series, sheetname, first_row, first_col, last_row, last_col);
}
void chart_title_set_name(lxw_chart *chart, const char *name) {
  JIXIAO_REAL(chart_title_set_name);
  return real(chart, name);
}
void format_set_align(lxw_format *format, uint8_t alignment) {
  JIXIAO_REAL(format_set_align);
  return real(format, alignment);
}
void format_set_bg_color(lxw_format *format, lxw_color_t color) {
  JIXIAO_REAL(format_set_bg_color);
  return real(format, color);
}
void format_set_bold(lxw_format *format) {
  JIXIAO_REAL(format_set_bold);
  return real(format);
}
void format_set_border(lxw_format *format, uint8_t style) {
  JIXIAO_REAL(format_set_border);
  return real(format, style);
}
void format_set_font_color(lxw_format *format, lxw_color_t color) {
  JIXIAO_REAL(format_set_font_color);
  return real(format, color);
}
void format_set_font_name(lxw_format *format, const char *font_name) {
  JIXIAO_REAL(format_set_font_name);
  return real(format, font_name);
}
void format_set_font_size(lxw_format *format, double size) {
  JIXIAO_REAL(format_set_font_size);
  return real(format, size);
}
void format_set_italic(lxw_format *format) {
  JIXIAO_REAL(format_set_italic);
  return real(format);
}
void format_set_num_format(lxw_format *format, const char *num_format) {
  JIXIAO_REAL(format_set_num_format);
  return real(format, num_format);
}
void format_set_text_wrap(lxw_format *format) {
  JIXIAO_REAL(format_set_text_wrap);
  return real(format);
}
lxw_chart *workbook_add_chart(lxw_workbook *workbook, uint8_t chart_type) {
  JIXIAO_REAL(workbook_add_chart);
  return real(workbook, chart_type);
}
lxw_format *workbook_add_format(lxw_workbook *workbook) {
  JIXIAO_REAL(workbook_add_format);
  return real(workbook);
}
lxw_worksheet *workbook_add_worksheet(lxw_workbook *workbook, const char *sheetname) {
  JIXIAO_REAL(workbook_add_worksheet);
  return real(workbook, sheetname);
}
lxw_error workbook_close(lxw_workbook *workbook) {
  JIXIAO_REAL(workbook_close);
  return real(workbook);
}
lxw_workbook *workbook_new_opt(const char *filename, lxw_workbook_options *options) {
  JIXIAO_REAL(workbook_new_opt);
  return real(filename, options);
}
lxw_error workbook_set_properties(lxw_workbook *workbook, lxw_doc_properties *properties) {
  JIXIAO_REAL(workbook_set_properties);
  return real(workbook, properties);
}
lxw_error worksheet_conditional_format_range(lxw_worksheet *worksheet, lxw_row_t first_row,
                                             lxw_col_t first_col, lxw_row_t last_row,
                                             lxw_col_t last_col,
                                             lxw_conditional_format *conditional_format) {
  JIXIAO_REAL(worksheet_conditional_format_range);
  return real(worksheet, first_row, first_col, last_row, last_col, conditional_format);
}
lxw_error worksheet_data_validation_range(lxw_worksheet *worksheet, lxw_row_t first_row,
                                          lxw_col_t first_col, lxw_row_t last_row,
                                          lxw_col_t last_col, lxw_data_validation *validation) {
  JIXIAO_REAL(worksheet_data_validation_range);
  return real(worksheet, first_row, first_col, last_row, last_col, validation);
}
void worksheet_fit_to_pages(lxw_worksheet *worksheet, uint16_t width, uint16_t height) {
  JIXIAO_REAL(worksheet_fit_to_pages);
  return real(worksheet, width, height);
}
void worksheet_freeze_panes(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col) {
  JIXIAO_REAL(worksheet_freeze_panes);
  return real(worksheet, row, col);
}
lxw_error worksheet_insert_chart_opt(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col,
                                     lxw_chart *chart, lxw_chart_options *user_options) {
  JIXIAO_REAL(worksheet_insert_chart_opt);
  return real(worksheet, row, col, chart, user_options);
}
lxw_error worksheet_merge_range(lxw_worksheet *worksheet, lxw_row_t first_row, lxw_col_t first_col,
                                lxw_row_t last_row, lxw_col_t last_col, const char *string,
                                lxw_format *format) {
  JIXIAO_REAL(worksheet_merge_range);
  return real(worksheet, first_row, first_col, last_row, last_col, string, format);
}
lxw_error worksheet_repeat_rows(lxw_worksheet *worksheet, lxw_row_t first_row, lxw_row_t last_row) {
  JIXIAO_REAL(worksheet_repeat_rows);
  return real(worksheet, first_row, last_row);
}
lxw_error worksheet_set_column(lxw_worksheet *worksheet, lxw_col_t first_col, lxw_col_t last_col,
                               double width, lxw_format *format) {
  JIXIAO_REAL(worksheet_set_column);
  return real(worksheet, first_col, last_col, width, format);
}
lxw_error worksheet_set_column_opt(lxw_worksheet *worksheet, lxw_col_t first_col,
                                   lxw_col_t last_col, double width, lxw_format *format,
                                   lxw_row_col_options *options) {
  JIXIAO_REAL(worksheet_set_column_opt);
  return real(worksheet, first_col, last_col, width, format, options);
}
lxw_error worksheet_set_footer(lxw_worksheet *worksheet, const char *string) {
  JIXIAO_REAL(worksheet_set_footer);
  return real(worksheet, string);
}
void worksheet_set_landscape(lxw_worksheet *worksheet) {
  JIXIAO_REAL(worksheet_set_landscape);
  return real(worksheet);
}
void worksheet_set_margins(lxw_worksheet *worksheet, double left, double right, double top,
                           double bottom) {
  JIXIAO_REAL(worksheet_set_margins);
  return real(worksheet, left, right, top, bottom);
}
void worksheet_set_paper(lxw_worksheet *worksheet, uint8_t paper_type) {
  JIXIAO_REAL(worksheet_set_paper);
  return real(worksheet, paper_type);
}
lxw_error worksheet_set_row(lxw_worksheet *worksheet, lxw_row_t row, double height,
                            lxw_format *format) {
  JIXIAO_REAL(worksheet_set_row);
  return real(worksheet, row, height, format);
}
lxw_error worksheet_write_blank(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col,
                                lxw_format *format) {
  JIXIAO_REAL(worksheet_write_blank);
  return real(worksheet, row, col, format);
}
lxw_error worksheet_write_comment_opt(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col,
                                      const char *string, lxw_comment_options *options) {
  JIXIAO_REAL(worksheet_write_comment_opt);
  return real(worksheet, row, col, string, options);
}
lxw_error worksheet_write_formula_num(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col,
                                      const char *formula, lxw_format *format, double result) {
  JIXIAO_REAL(worksheet_write_formula_num);
  return real(worksheet, row, col, formula, format, result);
}
lxw_error worksheet_write_formula_str(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col,
                                      const char *formula, lxw_format *format, const char *result) {
  JIXIAO_REAL(worksheet_write_formula_str);
  return real(worksheet, row, col, formula, format, result);
}
lxw_error worksheet_write_number(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col,
                                 double number, lxw_format *format) {
  JIXIAO_REAL(worksheet_write_number);
  return real(worksheet, row, col, number, format);
}
lxw_error worksheet_write_string(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col,
                                 const char *string, lxw_format *format) {
  JIXIAO_REAL(worksheet_write_string);
  return real(worksheet, row, col, string, format);
}
