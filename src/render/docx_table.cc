#include "render/docx_table.h"

#include <string>

#include "core/text.h"
#include "render/column_widths.h"
#include "render/render.h"
#include "render/table_pagination.h"

namespace jixiao::render {
namespace {

const char* Jc(doc::Align a) {
  switch (a) {
    case doc::Align::kCenter:
      return "center";
    case doc::Align::kRight:
      return "right";
    case doc::Align::kJustify:
      return "both";
    default:
      return "left";
  }
}

// A cell's runs, with an explicit break before each protected segment that would not fit after
// the text before it. A negative amount keeps its plain "-": its column is wide enough for the
// whole number, and a DOCX reader must read the sign (a w:noBreakHyphen reads as nothing).
std::string CellRuns(const std::string& text, bool bold, int cell_twips, int half_points) {
  int size = half_points == 18 ? 0 : half_points;
  std::string out;
  size_t from = 0;
  std::vector<size_t> breaks = ProtectedBreaks(text, cell_twips, half_points);
  breaks.push_back(text.size());
  for (size_t to : breaks) {
    if (from > 0) out += "<w:r><w:br/></w:r>";
    if (to > from) out += DocxText(text.substr(from, to - from), bold, size, "宋体");
    from = to;
  }
  return out;
}

// Row heights in twips for the pagination: lines at the table's exact line spacing.
std::vector<int> RowTwips(const doc::Table& t, const TableLayout& layout, int line_twips) {
  std::vector<int> out;
  for (int lines : RowLines(t, layout)) out.push_back(lines * line_twips + 40);
  return out;
}

}  // namespace

// Whether `text` holds a circled number ①–⑳ (U+2460–U+2473): a character of ambiguous script
// that a DOCX reader sets in the Western font unless told it is East Asian.
bool HasCircledNumber(const std::string& text) {
  for (size_t at = text.find("\xE2\x91"); at != std::string::npos && at + 2 < text.size();
       at = text.find("\xE2\x91", at + 1)) {
    unsigned char c = static_cast<unsigned char>(text[at + 2]);
    if (c >= 0xA0 && c <= 0xB3) return true;
  }
  return false;
}

namespace {

// Whether the UTF-8 character at `at` is ①–⑳.
bool CircledAt(const std::string& text, size_t at) {
  return at + 2 < text.size() && text.compare(at, 2, "\xE2\x91") == 0 &&
         static_cast<unsigned char>(text[at + 2]) >= 0xA0 &&
         static_cast<unsigned char>(text[at + 2]) <= 0xB3;
}

bool AsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// The byte length of the opening bracket at `at` that an ASCII letter or digit follows
// (“〔2022”, “（A”, “《2024”), or of the closing bracket at `at` that one precedes (“2022〕”);
// 0 otherwise. LibreOffice breaks a line between such a bracket (Asian script, zh-CN) and the
// Western text beside it, which GB/T 15834 forbids (reader7 MUST 1: a line ending “规〔”).
size_t BracketAt(const std::string& text, size_t at) {
  static const char* const kOpen[] = {"〔", "（", "《", "〈", "“", "‘", "【", "「", "『"};
  static const char* const kClose[] = {"〕", "）", "》", "〉", "”", "’", "】", "」", "』"};
  for (const char* b : kOpen) {
    size_t n = std::char_traits<char>::length(b);
    if (text.compare(at, n, b) == 0 && at + n < text.size() && AsciiAlnum(text[at + n])) return n;
  }
  for (const char* b : kClose) {
    size_t n = std::char_traits<char>::length(b);
    if (text.compare(at, n, b) == 0 && at > 0 && AsciiAlnum(text[at - 1])) return n;
  }
  return 0;
}

enum class Piece { kPlain, kCircled, kBracket };

}  // namespace

std::string DocxText(const std::string& text, bool bold, int half_points, const char* east_asian) {
  std::string rpr;
  if (bold) rpr += "<w:b/>";
  if (half_points > 0) {
    std::string n = std::to_string(half_points);
    rpr += "<w:sz w:val=\"" + n + "\"/><w:szCs w:val=\"" + n + "\"/>";
  }
  auto run = [&](const std::string& piece, Piece kind) {
    // ①–⑳ in the East Asian font of the style (仿宋/黑体), not a Western fallback (issue 22).
    // LibreOffice ignores w:hint, so the Western slots name the East Asian font too; only those
    // characters, so the digits and Latin letters beside them keep Times New Roman.
    std::string fonts = kind == Piece::kCircled
                            ? std::string("<w:rFonts w:ascii=\"") + east_asian + "\" w:hAnsi=\"" +
                                  east_asian + "\" w:eastAsia=\"" + east_asian +
                                  "\" w:hint=\"eastAsia\"/>"
                            : "";
    // A bracket beside Western text is marked English in its East Asian slot: LibreOffice then
    // keeps it with the digits (“〔2022〕12号” moves whole to the next line; issue 22). The
    // text, font and Word's layout are unchanged.
    std::string lang =
        kind == Piece::kBracket ? "<w:lang w:val=\"en-US\" w:eastAsia=\"en-US\"/>" : "";
    std::string props = fonts + rpr + lang;
    return "<w:r>" + (props.empty() ? "" : "<w:rPr>" + props + "</w:rPr>") +
           "<w:t xml:space=\"preserve\">" + XmlEscape(piece) + "</w:t></w:r>";
  };
  std::string out;
  size_t from = 0;
  for (size_t at = 0; at < text.size();) {
    size_t end = at;
    Piece kind = Piece::kPlain;
    if (CircledAt(text, at)) {
      kind = Piece::kCircled;
      while (CircledAt(text, end)) end += 3;
    } else if (size_t n = BracketAt(text, at)) {
      kind = Piece::kBracket;
      end = at + n;
    } else {
      ++at;
      continue;
    }
    if (at > from) out += run(text.substr(from, at - from), Piece::kPlain);
    out += run(text.substr(at, end - at), kind);
    from = at = end;
  }
  if (from < text.size() || out.empty()) out += run(text.substr(from), Piece::kPlain);
  return out;
}

std::string DocxPara(const std::string& style, const std::string& runs,
                     const std::string& extra_ppr) {
  return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>" + extra_ppr + "</w:pPr>" + runs +
         "</w:p>";
}

std::string DocxTable(const doc::Table& input, int text_width, int page_twips) {
  std::string out = input.number.empty() && input.caption.empty()
                        ? ""
                        : DocxPara("Caption", DocxText(input.number + " " + input.caption));
  size_t cols = input.rows.empty() ? 0 : input.rows[0].size();
  TableLayout layout = LayOutColumns(input, cols, text_width);
  // Exact line spacing of TableText (280 at 9 pt) scaled with a smaller table font.
  int line_twips = 280 * layout.half_points / 18;
  // A wide (landscape) table of long rows flows: its rows split across pages and only its header
  // repeats, so no page is left half empty by rows or label groups kept whole (issue 22, 附件1).
  const bool flows = input.wide;
  PagedTable paged = flows ? PagedTable{input, std::vector<bool>(input.rows.size(), false),
                                        std::vector<bool>(input.rows.size(), false)}
                           : Paginate(input, RowTwips(input, layout, line_twips), page_twips);
  size_t n = input.rows.size();
  if (flows && n >= 3 && static_cast<int>(n) - 3 >= input.header_rows &&
      (StartsWith(input.rows[n - 1][0].text, "合计") ||
       StartsWith(input.rows[n - 1][0].text, "总计")))
    paged.keep_with_next[n - 3] = paged.keep_with_next[n - 2] = true;  // 合计 keeps two rows
  const doc::Table& t = paged.table;
  const std::vector<int>& twips = layout.twips;
  std::string open = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"" +
                     std::to_string(text_width) +
                     "\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblLayout "
                     "w:type=\"fixed\"/></w:tblPr><w:tblGrid>";
  for (int w : twips) open += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  open += "</w:tblGrid>";
  out += open;
  // Which origin covers each cell: needed to tell vertical continuations from horizontal ones.
  std::vector<std::vector<std::pair<int, int>>> origin(t.rows.size(),
                                                       std::vector<std::pair<int, int>>(cols));
  for (size_t r = 0; r < t.rows.size(); ++r)
    for (size_t c = 0; c < cols; ++c)
      if (!t.rows[r][c].covered)
        for (int i = 0; i < t.rows[r][c].row_span; ++i)
          for (int j = 0; j < t.rows[r][c].col_span; ++j)
            origin[r + static_cast<size_t>(i)][c + static_cast<size_t>(j)] = {static_cast<int>(r),
                                                                              static_cast<int>(c)};
  std::string spacing =
      layout.half_points == 18
          ? ""
          : "<w:spacing w:line=\"" + std::to_string(line_twips) + "\" w:lineRule=\"exact\"/>";
  auto row_xml = [&](size_t r) {
    std::string out;
    bool header = static_cast<int>(r) < t.header_rows;
    std::string keep =
        paged.keep_with_next[r] || (header && r + 1 < t.rows.size()) ? "<w:keepNext/>" : "";
    out += "<w:tr><w:trPr>" + std::string(flows && !header ? "" : "<w:cantSplit/>") +
           std::string(header ? "<w:tblHeader/>" : "") + "</w:trPr>";
    for (size_t c = 0; c < cols; ++c) {
      auto [orow, ocol] = origin[r][c];
      if (ocol != static_cast<int>(c)) continue;  // horizontal continuation: covered by gridSpan
      const doc::Cell& o = t.rows[static_cast<size_t>(orow)][static_cast<size_t>(ocol)];
      int width = 0;
      for (int j = 0; j < o.col_span; ++j) width += twips[c + static_cast<size_t>(j)];
      out += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
      if (o.col_span > 1) out += "<w:gridSpan w:val=\"" + std::to_string(o.col_span) + "\"/>";
      if (o.row_span > 1)
        out += orow == static_cast<int>(r) ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>";
      if (header) out += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EDEDED\"/>";
      out += "<w:vAlign w:val=\"center\"/></w:tcPr>";
      std::string jc =
          keep + spacing + "<w:jc w:val=\"" + Jc(header ? doc::Align::kCenter : o.align) + "\"/>";
      std::string runs = orow == static_cast<int>(r)
                             ? CellRuns(o.text, o.bold || header, width, layout.half_points)
                             : "";
      out += DocxPara("TableText", runs, jc) + "</w:tc>";
    }
    return out + "</w:tr>";
  };
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (paged.page_before[r] && static_cast<int>(r) >= t.header_rows) {
      // A cut label group goes on on the next page: the table ends and starts again there, its
      // header repeated (a paragraph one point high carries the break).
      out += "</w:tbl>" +
             DocxPara("TableText", "",
                      "<w:pageBreakBefore/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" "
                      "w:lineRule=\"exact\"/>") +
             open;
      for (int h = 0; h < t.header_rows; ++h) out += row_xml(static_cast<size_t>(h));
    }
    out += row_xml(r);
  }
  return out + "</w:tbl>";
}

}  // namespace jixiao::render
