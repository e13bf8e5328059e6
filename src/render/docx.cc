// DOCX writer: WordprocessingML with real heading styles (Word's navigation pane and the TOC
// field work), a TOC field with cached entries, footer page numbers (none on the cover), A4,
// tables with gridSpan/vMerge merges and repeated header rows, numbered captions.
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "render/docx_chart.h"
#include "render/docx_table.h"
#include "render/render.h"
#include "render/text_metrics.h"
#include "render/zip.h"

namespace jixiao::render {
namespace {

const int kTextWidth = 8306;       // A4 portrait: 11906 − 2 × 1800 twips margins
const int kWideTextWidth = 13958;  // A4 landscape: 16838 − 2 × 1440
const int kTextHeight = 13958;     // A4 portrait: 16838 − 2 × 1440
const int kWideTextHeight = 8306;  // A4 landscape: 11906 − 2 × 1800

// Ends a section: portrait (the body) or landscape (wide tables). Without contents the first
// section's first page (the cover) has no page number; with them the cover and the contents are
// a section of their own with no footer (`front`) and the body counts from 1 (`restart`).
std::string SectionProperties(bool landscape, bool first, bool restart = false,
                              bool front = false) {
  std::string out =
      front ? "<w:sectPr>" : "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/>";
  out += landscape ? "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
                     "<w:pgMar w:top=\"1800\" w:right=\"1440\" w:bottom=\"1800\" w:left=\"1440\" "
                     "w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
                   : "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                     "<w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" w:left=\"1800\" "
                     "w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>";
  if (restart) out += "<w:pgNumType w:start=\"1\"/>";
  if (first && !front) out += "<w:titlePg/>";
  return out + "</w:sectPr>";
}

// Puts <w:pageBreakBefore/> into the first paragraph of `xml` (right after its pStyle).
std::string WithPageBreakBefore(std::string xml) {
  size_t style = xml.find("<w:pStyle ");
  if (style == std::string::npos) return xml;
  size_t end = xml.find("/>", style);
  xml.insert(end + 2, "<w:pageBreakBefore/>");
  return xml;
}

std::string Text(const std::string& text, bool bold = false) { return DocxText(text, bold); }

std::string Para(const std::string& style, const std::string& runs,
                 const std::string& extra_ppr = "") {
  return DocxPara(style, runs, extra_ppr);
}

// Whether justifying the paragraph would spread two ems or more over one of its lines (the line
// ends before an unbreakable 〔2020〕 or 94.67%。): such a paragraph is set flush left instead,
// as LibreOffice stretches it letter by letter (reader5). Body text: 34 ems of 12 pt.
bool Stretched(const doc::Paragraph& p) {
  constexpr int kBodyWidth = kTextWidth - 146, kEm = 240;
  int first = kBodyWidth - (p.indent_first_line ? 2 * kEm : 0);
  return LargestSlack(Segments(doc::PlainText(p.runs), 24), first, kBodyWidth) >= 2 * kEm;
}

std::string Runs(const doc::Runs& runs) {
  std::string out;
  for (const auto& r : runs) out += Text(r.text, r.bold);
  return out;
}

std::string ChartInline(int id) {
  // Auto line spacing: the body's exact spacing would clip the drawing to one line.
  return "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/><w:keepNext/><w:spacing w:line=\"240\" "
         "w:lineRule=\"auto\"/>"
         "<w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>"
         "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"5040000\" "
         "cy=\"2520000\"/>"
         "<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
         "<wp:docPr id=\"" +
         std::to_string(id) + "\" name=\"图表" + std::to_string(id) +
         "\"/><wp:cNvGraphicFramePr/>"
         "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
         "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">"
         "<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
         "r:id=\"rIdChart" +
         std::to_string(id) +
         "\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";
}

// The contents' last paragraph, which closes the front section when a page break follows it.
const char* const kTocEnd = "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>";

// Bookmark names of the headings the TOC lists, in document order.
std::string TocBookmark(int n) {
  char name[16];
  std::snprintf(name, sizeof name, "_Toc%06d", n);
  return name;
}

// The TOC field: each entry a hyperlink to its heading's bookmark with a PAGEREF field, so Word,
// LibreOffice and the PDF all show the page (LibreOffice computes PAGEREF when it lays out; the
// cached result is the page found by a LibreOffice render when one was made, else blank).
std::string TocXml(const doc::Document& d, const std::vector<int>& pages) {
  std::string out =
      "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr><w:r><w:fldChar "
      "w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r></w:p>";
  int n = 0;
  for (const auto& block : d.blocks) {
    auto* h = std::get_if<doc::Heading>(&block);
    if (!h || !doc::ListedInToc(d, *h)) continue;
    std::string mark = TocBookmark(++n);
    std::string page =
        static_cast<size_t>(n) <= pages.size() && pages[static_cast<size_t>(n) - 1] > 0
            ? std::to_string(pages[static_cast<size_t>(n) - 1])
            : "";
    std::string tabs = "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"" +
                       std::to_string(kTextWidth) + "\"/></w:tabs>";
    out += "<w:p><w:pPr><w:pStyle w:val=\"" + std::string(h->level == 1 ? "TOC1" : "TOC2") +
           "\"/>" + tabs + "</w:pPr><w:hyperlink w:anchor=\"" + mark + "\" w:history=\"1\">" +
           Text(h->text) +
           "<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
           "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF " +
           mark +
           " \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
           "<w:r><w:t>" +
           page + "</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink></w:p>";
  }
  return out + kTocEnd;
}

std::string CoverXml(const doc::Cover& c) {
  // The title breaks where the published covers break it: before 财政支出….
  std::string kicker = Text(c.kicker);
  size_t at = c.kicker.find("财政支出");
  if (at != std::string::npos && at > 0)
    kicker = Text(c.kicker.substr(0, at)) + "<w:r><w:br/></w:r>" + Text(c.kicker.substr(at));
  std::string out = Para("Title", kicker);
  for (const auto& [label, value] : c.fields) out += Para("CoverField", Text(label + "：" + value));
  out += Para("CoverField", "", "<w:spacing w:before=\"1200\"/><w:jc w:val=\"center\"/>");
  if (!c.date.empty())
    out += Para("CoverField", Text(c.date), "<w:ind w:left=\"0\"/><w:jc w:val=\"center\"/>");
  return out;
}

// The body's last section: a document ending in a landscape table ends in landscape (no blank
// portrait page after it).
std::string FinalSection(std::string& body, size_t landscape_end, const std::string& landscape,
                         const std::string& portrait) {
  std::string tail = landscape_end == std::string::npos ? "" : body.substr(landscape_end);
  if (!tail.empty() && tail == "<w:p><w:pPr>" + landscape + "</w:pPr></w:p>") {
    body.resize(landscape_end);
    // The paragraph Word needs after a closing table, one point high: a table that fills its last
    // page must not push it onto a blank one.
    return body +
           Para("Normal", "",
                "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/>") +
           landscape;
  }
  return body + portrait;
}

// A heading right after a table: the table's last row and the paragraph closing it keep with the
// heading, so that LibreOffice, which leaves a heading at a page foot when its keep chain starts
// after a table, carries a row or more over with the heading instead.
void KeepTableWithNext(std::string& body) {
  const std::string style = "<w:pStyle w:val=\"TableText\"/>", keep = "<w:keepNext/>",
                    closing = "<w:pStyle w:val=\"Normal\"/>";
  size_t row = body.rfind("<w:tr>");
  if (row == std::string::npos) return;
  for (size_t at = body.find(style, row); at != std::string::npos; at = body.find(style, at)) {
    at += style.size();
    if (body.compare(at, keep.size(), keep) != 0) body.insert(at, keep);
  }
  size_t last = body.rfind(closing);
  if (last != std::string::npos && last > row) body.insert(last + closing.size(), keep);
}

// A narrative picture inline, scaled to the text width at most (96 dpi, EMU = 9525 per pixel).
std::string ImageInline(const doc::Image& im, int id) {
  // The reader bounds the size (limits::kMaxPictureSide); a size from elsewhere is clamped so
  // that no product overflows and no extent is zero or negative.
  auto side = [](int pixels) { return std::min(std::max(pixels, 1), 100000); };
  long long cx = static_cast<long long>(side(im.width)) * 9525,
            cy = static_cast<long long>(side(im.height)) * 9525;
  const long long max_cx = static_cast<long long>(kTextWidth) * 635, max_cy = 8000000;
  if (cx > max_cx) cy = cy * max_cx / cx, cx = max_cx;
  if (cy > max_cy) cx = cx * max_cy / cy, cy = max_cy;
  cx = std::max(cx, 1LL), cy = std::max(cy, 1LL);
  std::string n = std::to_string(id),
              ext = "cx=\"" + std::to_string(cx) + "\" cy=\"" + std::to_string(cy) + "\"";
  return "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/><w:keepNext/><w:spacing w:line=\"240\" "
         "w:lineRule=\"auto\"/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>"
         "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent " +
         ext + "/><wp:docPr id=\"" + std::to_string(1000 + id) + "\" name=\"图片" + n +
         "\"/>"
         "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
         "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
         "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
         "<pic:nvPicPr><pic:cNvPr id=\"" +
         std::to_string(1000 + id) + "\" name=\"image" + n +
         ".png\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdImage" + n +
         "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" "
         "y=\"0\"/><a:ext " +
         ext +
         "/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
         "</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";
}

std::string DocumentXml(const doc::Document& d, std::vector<const doc::Chart*>& charts,
                        std::vector<const doc::Image*>& images, const std::vector<int>& toc_pages) {
  std::string body;
  bool break_pending = false, first_section = true;
  // With contents, the page break after them closes the unnumbered front section (cover and
  // contents) and the next section restarts the page numbers at 1.
  bool toc_seen = false, front_open = true, restart = false;
  auto section = [&](bool landscape) {
    std::string xml = SectionProperties(landscape, first_section, restart);
    first_section = restart = false;
    return xml;
  };
  std::string landscape;  // the last landscape section's properties
  // LibreOffice drops a heading's keep-with-next when widow control moves the whole next
  // paragraph (three lines where two fit): the paragraph after a heading or lead-in may leave its
  // last line to the next page instead.
  bool after_lead = false;
  int toc_entries = 0;
  size_t landscape_end = std::string::npos;   // where the last landscape section's break begins
  size_t headings_start = std::string::npos;  // where the headings just before this block begin
  auto add = [&](std::string xml) {
    body += break_pending ? WithPageBreakBefore(std::move(xml)) : xml;
    break_pending = false;
  };
  size_t table_end = std::string::npos;  // where the paragraph closing the last table ends
  for (const auto& block : d.blocks) {
    if (auto* h = std::get_if<doc::Heading>(&block)) {
      if (table_end == body.size()) KeepTableWithNext(body);
      if (headings_start == std::string::npos) headings_start = body.size();
      std::string runs = Text(h->text);
      if (doc::ListedInToc(d, *h)) {
        std::string id = std::to_string(++toc_entries);
        runs = "<w:bookmarkStart w:id=\"" + id + "\" w:name=\"" + TocBookmark(toc_entries) +
               "\"/>" + runs + "<w:bookmarkEnd w:id=\"" + id + "\"/>";
      }
      // A heading the contents leave out (目录, the body title, an annex's inner headings) is
      // body text to the outline, so Word's "update field" (TOC \o "1-2") leaves it out too.
      bool outline_only = h->level <= 2 && !doc::ListedInToc(d, *h);
      add(Para("Heading" + std::to_string(h->level), runs,
               outline_only ? "<w:outlineLvl w:val=\"9\"/>" : ""));
      after_lead = true;
      continue;
    }
    size_t section_start = headings_start == std::string::npos ? body.size() : headings_start;
    headings_start = std::string::npos;
    bool follows_lead = after_lead;
    after_lead = false;
    if (auto* p = std::get_if<doc::Paragraph>(&block)) {
      // A paragraph ending “如下：” introduces what follows whatever its length: it keeps with it
      // and keeps its own lines together (reader7: “下：” alone at a page top above 表3-1-1).
      std::string plain = doc::PlainText(p->runs);
      bool introduces = plain.size() >= 3 && plain.compare(plain.size() - 3, 3, "：") == 0;
      after_lead = doc::LeadsIn(*p) || introduces;
      add(Para(p->indent_first_line ? "BodyText" : "Normal", Runs(p->runs),
               std::string(after_lead ? "<w:keepNext/>" : "") +
                   (follows_lead && !introduces ? "<w:widowControl w:val=\"0\"/>" : "") +
                   (Stretched(*p) ? "<w:jc w:val=\"left\"/>" : "")));
    } else if (auto* l = std::get_if<doc::List>(&block)) {
      for (const auto& item : l->items) add(Para("BodyText", Text("• ") + Runs(item)));
    } else if (auto* t = std::get_if<doc::Table>(&block)) {
      if (t->wide) {
        // Close the portrait section before the table's headings (a section break already starts
        // a new page, so their page break goes), and the landscape one after the table.
        std::string moved = body.substr(section_start);
        for (size_t at; (at = moved.find("<w:pageBreakBefore/>")) != std::string::npos;)
          moved.erase(at, std::string("<w:pageBreakBefore/>").size());
        body.resize(section_start);
        body += "<w:p><w:pPr>" + section(false) + "</w:pPr></w:p>" + moved;
        break_pending = false;
        body += DocxTable(*t, kWideTextWidth, kWideTextHeight);
        landscape_end = body.size();
        landscape = section(true);
        body += "<w:p><w:pPr>" + landscape + "</w:pPr></w:p>";
      } else {
        add(DocxTable(*t, kTextWidth, kTextHeight) + Para("Normal", ""));
        table_end = body.size();
      }
    } else if (auto* ch = std::get_if<doc::Chart>(&block)) {
      charts.push_back(ch);
      add(ChartInline(static_cast<int>(charts.size())) +
          Para("Caption", Text(ch->number + " " + ch->caption), "<w:keepNext w:val=\"0\"/>"));
    } else if (auto* im = std::get_if<doc::Image>(&block); im && !im->png.empty()) {
      images.push_back(im);
      add(ImageInline(*im, static_cast<int>(images.size())) +
          Para("Caption", Text(im->number + " " + im->caption), "<w:keepNext w:val=\"0\"/>"));
    } else if (std::holds_alternative<doc::PageBreak>(block) && toc_seen && front_open) {
      std::string front = "<w:pPr>" + SectionProperties(false, true, false, true) + "</w:pPr>";
      if (body.size() >= std::strlen(kTocEnd) &&
          body.compare(body.size() - std::strlen(kTocEnd), std::string::npos, kTocEnd) == 0)
        body.insert(body.size() - std::strlen(kTocEnd) + 5, front);  // after "<w:p>"
      else
        body += "<w:p>" + front + "</w:p>";
      front_open = first_section = break_pending = false;
      restart = true;
    } else if (std::holds_alternative<doc::PageBreak>(block)) {
      break_pending = true;
    } else if (std::holds_alternative<doc::TocMarker>(block)) {
      add(TocXml(d, toc_pages));
      toc_seen = true;
    } else if (auto* c = std::get_if<doc::Cover>(&block)) {
      add(CoverXml(*c));
    }
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
         "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/"
         "wordprocessingDrawing\"><w:body>" +
         FinalSection(body, landscape_end, landscape, section(false)) + "</w:body></w:document>";
}

const char* const kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    "<Override PartName=\"/word/fontTable.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" "
    "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "";  // closed by ToDocx after the chart parts

const char* const kRootRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
    "core-properties\" Target=\"docProps/core.xml\"/>"
    "</Relationships>";

const char* const kDocumentRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" "
    "Target=\"settings.xml\"/>"
    "<Relationship Id=\"rId3\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" "
    "Target=\"footer1.xml\"/>"
    "<Relationship Id=\"rId4\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" "
    "Target=\"fontTable.xml\"/>";  // closed by ToDocx after the chart relationships

const char* const kSettings =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:updateFields w:val=\"true\"/><w:defaultTabStop w:val=\"420\"/>"
    "<w:characterSpacingControl w:val=\"compressPunctuation\"/></w:settings>";

// Declared East-Asian fonts with their fallbacks (altName), so a machine without 仿宋_GB2312 uses
// 仿宋/FangSong rather than an arbitrary face.
const char* const kFontTable =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/><w:charset w:val=\"86\"/>"
    "<w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
    "<w:font w:name=\"仿宋\"><w:altName w:val=\"FangSong\"/><w:charset w:val=\"86\"/>"
    "<w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
    "<w:font w:name=\"楷体_GB2312\"><w:altName w:val=\"楷体\"/><w:charset w:val=\"86\"/>"
    "<w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
    "<w:font w:name=\"黑体\"><w:altName w:val=\"SimHei\"/><w:charset w:val=\"86\"/>"
    "<w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
    "<w:font w:name=\"宋体\"><w:altName w:val=\"SimSun\"/><w:charset w:val=\"86\"/>"
    "<w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"
    "<w:font w:name=\"Times New Roman\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/>"
    "<w:pitch w:val=\"variable\"/></w:font></w:fonts>";

const char* const kFooter =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE "
    "</w:instrText></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar "
    "w:fldCharType=\"end\"/></w:r>"
    "</w:p></w:ftr>";

}  // namespace

std::string ToDocx(const doc::Document& d, const std::string& styles_xml,
                   const std::vector<int>& toc_pages) {
  std::vector<const doc::Chart*> charts;
  std::vector<const doc::Image*> images;
  std::string document = DocumentXml(d, charts, images, toc_pages);
  std::string types = kContentTypes, rels = kDocumentRels;
  for (size_t i = 1; i <= charts.size(); ++i) {
    std::string n = std::to_string(i);
    types += "<Override PartName=\"/word/charts/chart" + n +
             ".xml\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>";
    rels += "<Relationship Id=\"rIdChart" + n +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" "
            "Target=\"charts/chart" +
            n + ".xml\"/>";
  }
  if (!images.empty()) types += "<Default Extension=\"png\" ContentType=\"image/png\"/>";
  for (size_t i = 1; i <= images.size(); ++i)
    rels += "<Relationship Id=\"rIdImage" + std::to_string(i) +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
            "Target=\"media/image" +
            std::to_string(i) + ".png\"/>";
  ZipWriter zip;
  zip.Add("[Content_Types].xml", types + "</Types>");
  zip.Add("_rels/.rels", kRootRels);
  zip.Add("word/document.xml", document);
  zip.Add("word/_rels/document.xml.rels", rels + "</Relationships>");
  for (size_t i = 0; i < charts.size(); ++i)
    zip.Add("word/charts/chart" + std::to_string(i + 1) + ".xml", DocxChartPart(*charts[i]));
  for (size_t i = 0; i < images.size(); ++i)
    zip.Add("word/media/image" + std::to_string(i + 1) + ".png", images[i]->png);
  zip.Add("word/styles.xml", styles_xml);
  zip.Add("word/settings.xml", kSettings);
  zip.Add("word/footer1.xml", kFooter);
  zip.Add("word/fontTable.xml", kFontTable);
  zip.Add("docProps/core.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<cp:coreProperties "
          "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
          "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
              XmlEscape(d.title) + "</dc:title>" +
              (d.author.empty() ? "" : "<dc:creator>" + XmlEscape(d.author) + "</dc:creator>") +
              "</cp:coreProperties>");
  return zip.Finish();
}

}  // namespace jixiao::render
