// A format-neutral document: headings, paragraphs with bold runs, lists, tables with merged cells
// and numbered captions, bar charts, page breaks, a TOC marker and a cover. The report module
// builds it; render/ writes it as DOCX, HTML or Markdown. Contract: a Table is a full rectangular
// grid; a merged region is described once on its top-left cell (row_span/col_span) and every other
// cell it covers has `covered` set and repeats the origin's text, so writers may either skip or
// repeat it.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace jixiao::doc {

struct Run {
  std::string text;
  bool bold = false;
};
using Runs = std::vector<Run>;
std::string PlainText(const Runs& runs);

enum class Align { kLeft, kCenter, kRight, kJustify };

struct Heading {
  int level = 1;  // 1..4
  std::string text;
  bool in_toc = true;  // false: never listed (an attachment's own sub-headings)
};

struct Paragraph {
  Runs runs;
  Align align = Align::kJustify;
  bool indent_first_line = true;  // Chinese body text indents two characters
  bool keep_with_next = false;    // a line of a list set as paragraphs (附件：1.… 2.…)
};

struct List {
  bool ordered = false;
  std::vector<Runs> items;
};

struct Cell {
  std::string text;
  bool bold = false;
  Align align = Align::kCenter;
  int row_span = 1, col_span = 1;
  bool covered = false;  // part of a merge whose origin is above or to the left
};

struct Table {
  std::string number;       // "表3-1-1", assigned by the builder from the chapter and section
  std::string caption;      // "2024年马桥镇医疗救助项目绩效得分表"
  int header_rows = 1;      // repeated across pages
  std::vector<int> widths;  // relative column widths
  bool wide = false;        // print on landscape pages (many text columns)
  std::vector<std::vector<Cell>> rows;
  // Merges rows [r, r+rows) × cols [c, c+cols) into the cell at (r, c).
  void Merge(int r, int c, int rows, int cols);
  // Removes the columns whose body cells (below the header rows) hold nothing but "" or "—"
  // (a column the case has no data for); merges spanning a removed
  // column shrink. A table whose every column is empty is left as it is.
  void DropEmptyColumns();
};

// A bar chart of one series (e.g. 得分率 by 一级), numbered 图{章}-{节}-{n} like tables.
struct Chart {
  std::string number;
  std::string caption;
  std::string series_name;                // "得分率（%）"
  std::vector<std::string> labels;        // categories
  std::vector<double> values;             // bar heights
  std::vector<std::string> value_labels;  // the same values printed with their unit ("71.25%")
  double axis_max = 0;                    // 0: automatic
};

// A picture the evaluator put in the narrative (![图题](images/x.png)): PNG bytes with their pixel
// size, numbered 图{章}-{节}-{n} together with the charts; the caption prints below it.
struct Image {
  std::string number;
  std::string caption;
  std::string source;  // the path as written in the narrative
  std::string png;     // file bytes; empty when the file could not be read (a warning was given)
  int width = 0, height = 0;
};

struct PageBreak {};
struct TocMarker {};

struct Cover {
  std::string kicker;  // "2024年度闵行区马桥镇财政支出项目绩效（后）评价报告"
  std::vector<std::pair<std::string, std::string>> fields;  // 项目名称: …
  std::string date;
};

using Block =
    std::variant<Heading, Paragraph, List, Table, Chart, Image, PageBreak, TocMarker, Cover>;

struct Document {
  std::string title;
  std::string author;  // the evaluating organisation: the DOCX/PDF author, never the program
  std::vector<Block> blocks;
};

// Whether the table of contents lists a heading: levels 1–2, except 目录 itself, the body's
// title line (the report's name, printed once above 一、) and headings marked !in_toc, as
// published reports do.
bool ListedInToc(const Document& document, const Heading& heading);

// A paragraph that leads into what follows: a short run-in heading in bold (附件目录,
// 满分指标分析：), a short numbered run-in heading typed in narrative (1.总目标, （一）项目概况,
// 二、主要做法, B.申报表上传; not ending like a sentence), a short lead-in ending in a colon
// (具体得分如下：) or
// one marked keep_with_next. Writers keep it on the page of the next block.
bool LeadsIn(const Paragraph& paragraph);
// A short numbered paragraph that heads what follows (1.总目标, （一）项目背景): no sentence end,
// at most 40 characters.
bool NumberedRunIn(const Paragraph& paragraph);

}  // namespace jixiao::doc
