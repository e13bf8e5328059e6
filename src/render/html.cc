// HTML writer: one self-contained page with print CSS for A4, tables with rowspan/colspan and
// <thead> header rows (repeated by browsers when printing), captions above tables.
#include <algorithm>
#include <cmath>

#include "render/chart_axis.h"
#include "render/column_widths.h"
#include "render/render.h"
#include "render/table_pagination.h"
#include "render/text_metrics.h"

namespace jixiao::render {
namespace {

const char* const kStyle = R"(
@page { size: A4; margin: 25mm 22mm; }
body { font-family: "仿宋_GB2312", "FangSong_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 12pt; line-height: 1.7;
       max-width: 170mm; margin: 0 auto; color: #111; }
h1, h2, h3, h4 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; line-height: 1.4; }
h1 { font-size: 16pt; text-align: center; margin-top: 1.5em; }
h2 { font-size: 14pt; } h3 { font-size: 12.5pt; } h4 { font-size: 12pt; }
p { margin: 0.4em 0; text-align: justify; }
p.indent { text-indent: 2em; }
table { border-collapse: collapse; width: 100%; margin: 0.3em 0 1em; font-size: 10pt; line-height: 1.4; }
th, td { border: 1px solid #333; padding: 2px 4px; vertical-align: middle; }
th { background: #f0f0f0; }
td.c { text-align: center; } td.l { text-align: left; } td.r { text-align: right; }
.caption { text-align: center; font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 10.5pt; margin-top: 1em; }
.cover { text-align: center; padding-top: 40mm; }
.cover .kicker { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 20pt; margin-bottom: 30mm; }
.cover table { width: auto; margin: 0 auto; font-size: 14pt; border: none; }
.cover td { border: none; padding: 6px 10px; text-align: left; }
.cover .date { text-align: center; text-indent: 0; margin-top: 40mm; font-size: 14pt; }
.pagebreak { page-break-after: always; }
figure.image { margin: 1em auto; text-align: center; page-break-inside: avoid; }
figure.image img { max-width: 100%; max-height: 200mm; }
figure.chart { margin: 1em auto; max-width: 150mm; page-break-inside: avoid; }
nav.toc ol { list-style: none; padding-left: 0; } nav.toc li.l2 { padding-left: 2em; }
h1, h2, h3, h4, .caption, p.lead { break-after: avoid; page-break-after: avoid; }
@page wide { size: A4 landscape; margin: 18mm 15mm; }
section.wide { page: wide; }
@media print { body { max-width: none; } thead { display: table-header-group; }
  tr, tbody.keep { page-break-inside: avoid; break-inside: avoid; }
  tr.kn { page-break-after: avoid; break-after: avoid; }
  tbody.pb { page-break-before: always; break-before: page; }
  table.flow tr { page-break-inside: auto; break-inside: auto; } }
span.nw { white-space: nowrap; }
)";

std::string Base64(const std::string& bytes) {
  static const char* const kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

std::string Esc(const std::string& text) { return XmlEscape(text); }  // same rules as XML

std::string Runs(const doc::Runs& runs) {
  std::string out;
  for (const auto& r : runs) out += r.bold ? "<strong>" + Esc(r.text) + "</strong>" : Esc(r.text);
  return out;
}

const char* AlignClass(doc::Align a) {
  switch (a) {
    case doc::Align::kCenter:
      return "c";
    case doc::Align::kRight:
      return "r";
    default:
      return "l";
  }
}

// A cell's text with its protected segments (〔2022〕7号, 100.00%, 2024年) held on one line, a
// short label (一级指标, C1 产出数量) whole.
std::string CellText(const std::string& text) {
  if (ShortLabel(text, 18)) return "<span class=\"nw\">" + Esc(text) + "</span>";
  std::string out;
  for (const Segment& s : *MeasuredSegments(text, 18)) {
    std::string piece = Esc(text.substr(s.offset, s.length));
    out += s.protect ? "<span class=\"nw\">" + piece + "</span>" : piece;
    if (s.space_after) out += " ";
  }
  return out;
}

void Table(const doc::Table& input, std::string& out) {
  if (!input.number.empty() || !input.caption.empty())
    out += "<p class=\"caption\">" + Esc(input.number + " " + input.caption) + "</p>\n";
  size_t cols = input.rows.empty() ? 0 : input.rows[0].size();
  // Widths as the DOCX gets them, at the print width (portrait 166 mm, landscape 267 mm) less a
  // tenth: the HTML tables are set at 10 pt, the layout measures at 9 pt.
  int text_width = (input.wide ? 15137 : 9411) * 9 / 10;
  TableLayout layout = LayOutColumns(input, cols, text_width);
  // A table set smaller in the DOCX is set smaller here too (10 pt scaled like 9 pt there).
  // A wide table flows as in the DOCX: rows split across pages, only the header repeats.
  const bool flows = input.wide;
  out += std::string(flows ? "<table class=\"flow\"" : "<table") +
         (layout.half_points == 18
              ? ">\n"
              : " style=\"font-size:" + ValueText(10.0 * layout.half_points / 18) + "pt\">\n");
  std::vector<int> row_twips;
  for (int lines : RowLines(input, layout)) row_twips.push_back(lines * 280 + 60);
  size_t rows = input.rows.size();
  PagedTable paged = flows ? PagedTable{input, std::vector<bool>(rows), std::vector<bool>(rows)}
                           : Paginate(input, row_twips, 14100);
  const doc::Table& t = paged.table;
  if (cols > 0) {
    out += "<colgroup>";
    for (int w : layout.twips)
      out += "<col style=\"width:" + ValueText(100.0 * w / text_width) + "%\">";
    out += "</colgroup>\n";
  }
  // One <tbody> per run of rows kept on one page, where no rowspan runs across (a rowspan cannot
  // leave its <tbody>); kept rows inside a longer <tbody> avoid a break after them.
  size_t first = static_cast<size_t>(std::max(0, t.header_rows)), n = t.rows.size();
  std::vector<bool> starts(n, false);
  size_t reach = 0;  // the row the rowspans begun so far run up to
  for (size_t r = first; r < n; ++r) {
    starts[r] = r == first || (!paged.keep_with_next[r - 1] && r >= reach);
    for (const auto& cell : t.rows[r])
      if (!cell.covered) reach = std::max(reach, r + static_cast<size_t>(cell.row_span));
  }
  bool kept_body = false;
  for (size_t r = 0; r < n; ++r) {
    bool header = r < first;
    if (r == 0 && first > 0) out += "<thead>\n";
    if (!header && starts[r]) {
      if (r > first) out += "</tbody>\n";
      size_t e = r + 1;
      while (e < n && !starts[e]) ++e;
      kept_body = e - r > 1;
      for (size_t k = r; k + 1 < e; ++k) kept_body = kept_body && paged.keep_with_next[k];
      std::string cls = std::string(kept_body ? "keep" : "") +
                        (paged.page_before[r] ? (kept_body ? " pb" : "pb") : "");
      out += cls.empty() ? "<tbody>\n" : "<tbody class=\"" + cls + "\">\n";
    }
    out += !header && !kept_body && paged.keep_with_next[r] ? "<tr class=\"kn\">" : "<tr>";
    for (const auto& cell : t.rows[r]) {
      if (cell.covered) continue;
      std::string tag = header ? "th" : "td";
      out += "<" + tag;
      if (cell.row_span > 1) out += " rowspan=\"" + std::to_string(cell.row_span) + "\"";
      if (cell.col_span > 1) out += " colspan=\"" + std::to_string(cell.col_span) + "\"";
      if (!header) out += std::string(" class=\"") + AlignClass(cell.align) + "\"";
      out += ">" +
             (cell.bold && !header ? "<strong>" + CellText(cell.text) + "</strong>"
                                   : CellText(cell.text)) +
             "</" + tag + ">";
    }
    out += "</tr>\n";
    if (r + 1 == first) out += "</thead>\n";
  }
  if (n > first) out += "</tbody>\n";
  out += "</table>\n";
}

// A bar chart as inline SVG: bars, value labels, category labels, a 0–max axis.
void Chart(const doc::Chart& c, std::string& out) {
  const double width = 600, height = 260, left = 40, bottom = 40, top = 20;
  double max = c.axis_max;
  for (double v : c.values) max = std::max(max, v);
  if (max <= 0) max = 1;
  double slot = (width - left - 10) / std::max<size_t>(1, c.values.size());
  out +=
      "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 260\" "
      "width=\"100%\" role=\"img\" aria-label=\"" +
      Esc(c.caption) + "\">";
  out += "<line x1=\"40\" y1=\"220\" x2=\"590\" y2=\"220\" stroke=\"#333\"/>";
  ChartAxis axis = AxisOf(c);
  max = axis.max;
  int ticks = static_cast<int>(std::lround(axis.max / axis.step));
  for (int tick = 0; tick <= ticks; ++tick) {
    double y = height - bottom - (height - bottom - top) * tick / static_cast<double>(ticks);
    out += "<text x=\"34\" y=\"" + ValueText(y + 4) + "\" font-size=\"10\" text-anchor=\"end\">" +
           TickLabel(axis, axis.step * tick) + "</text>";
  }
  for (size_t i = 0; i < c.values.size(); ++i) {
    double h = (height - bottom - top) * c.values[i] / max;
    double x = left + slot * static_cast<double>(i) + slot * 0.2;
    double y = height - bottom - h;
    out += "<rect x=\"" + ValueText(x) + "\" y=\"" + ValueText(y) + "\" width=\"" +
           ValueText(slot * 0.6) + "\" height=\"" + ValueText(h) + "\" fill=\"#4472C4\"/>";
    out += "<text x=\"" + ValueText(x + slot * 0.3) + "\" y=\"" + ValueText(y - 4) +
           "\" font-size=\"11\" text-anchor=\"middle\">" + Esc(c.value_labels[i]) + "</text>";
    out += "<text x=\"" + ValueText(x + slot * 0.3) +
           "\" y=\"238\" font-size=\"12\" text-anchor=\"middle\">" + Esc(c.labels[i]) + "</text>";
  }
  out += "</svg><figcaption class=\"caption\">" + Esc(c.number + " " + c.caption) +
         "</figcaption></figure>\n";
}

void Toc(const doc::Document& d, std::string& out) {
  out += "<nav class=\"toc\"><ol>\n";
  int id = 0;
  for (const auto& block : d.blocks) {
    if (auto* h = std::get_if<doc::Heading>(&block)) {
      ++id;
      if (doc::ListedInToc(d, *h))
        out += "<li class=\"l" + std::to_string(h->level) + "\"><a href=\"#h" + std::to_string(id) +
               "\">" + Esc(h->text) + "</a></li>\n";
    }
  }
  out += "</ol></nav>\n";
}

}  // namespace

std::string ToHtml(const doc::Document& d) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
      Esc(d.title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  int heading_id = 0;
  size_t headings_start = std::string::npos;  // the run of headings just before this block
  for (const auto& block : d.blocks) {
    if (!std::holds_alternative<doc::Heading>(block) && !std::get_if<doc::Table>(&block))
      headings_start = std::string::npos;
    if (auto* h = std::get_if<doc::Heading>(&block)) {
      if (headings_start == std::string::npos) headings_start = out.size();
      std::string tag = "h" + std::to_string(h->level);
      out += "<" + tag + " id=\"h" + std::to_string(++heading_id) + "\">" + Esc(h->text) + "</" +
             tag + ">\n";
    } else if (auto* p = std::get_if<doc::Paragraph>(&block)) {
      std::string cls = std::string(p->indent_first_line ? "indent" : "") +
                        (doc::LeadsIn(*p) ? (p->indent_first_line ? " lead" : "lead") : "");
      out += "<p" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" + Runs(p->runs) + "</p>\n";
    } else if (auto* l = std::get_if<doc::List>(&block)) {
      out += l->ordered ? "<ol>\n" : "<ul>\n";
      for (const auto& item : l->items) out += "<li>" + Runs(item) + "</li>\n";
      out += l->ordered ? "</ol>\n" : "</ul>\n";
    } else if (auto* t = std::get_if<doc::Table>(&block)) {
      // A wide table prints on landscape pages (a named page), with the headings that lead to it.
      if (t->wide)
        out.insert(headings_start == std::string::npos ? out.size() : headings_start,
                   "<section class=\"wide\">\n");
      Table(*t, out);
      if (t->wide) out += "</section>\n";
      headings_start = std::string::npos;
    } else if (auto* ch = std::get_if<doc::Chart>(&block)) {
      Chart(*ch, out);
    } else if (auto* im = std::get_if<doc::Image>(&block); im && !im->png.empty()) {
      out += "<figure class=\"image\"><img alt=\"" + Esc(im->caption) +
             "\" src=\"data:image/png;base64," + Base64(im->png) +
             "\"><figcaption class=\"caption\">" + Esc(im->number + " " + im->caption) +
             "</figcaption></figure>\n";
    } else if (std::holds_alternative<doc::PageBreak>(block)) {
      // After a landscape section the change of page already starts a new page: a break there
      // would leave a blank one.
      static const std::string kSectionEnd = "</table>\n</section>\n";
      bool after_wide =
          out.size() >= kSectionEnd.size() &&
          out.compare(out.size() - kSectionEnd.size(), kSectionEnd.size(), kSectionEnd) == 0;
      if (!after_wide) out += "<div class=\"pagebreak\"></div>\n";
    } else if (std::holds_alternative<doc::TocMarker>(block)) {
      Toc(d, out);
    } else if (auto* c = std::get_if<doc::Cover>(&block)) {
      size_t at = c->kicker.find("财政支出");
      std::string kicker = at != std::string::npos && at > 0
                               ? Esc(c->kicker.substr(0, at)) + "<br>" + Esc(c->kicker.substr(at))
                               : Esc(c->kicker);
      out += "<section class=\"cover\">\n<div class=\"kicker\">" + kicker + "</div>\n<table>\n";
      for (const auto& [label, value] : c->fields)
        out += "<tr><td>" + Esc(label) + "：</td><td>" + Esc(value) + "</td></tr>\n";
      out += "</table>\n<p class=\"date\">" + Esc(c->date) + "</p>\n</section>\n";
    }
  }
  return out + "</body>\n</html>\n";
}

}  // namespace jixiao::render
