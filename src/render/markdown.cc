// Markdown writer: headings, paragraphs (bold as **…**), lists, pipe tables with merged cells
// repeated in every cell they cover, captions as bold lines above tables.
#include <cstdio>
#include <string_view>

#include "render/render.h"

namespace jixiao::render {
namespace {

// Text from input is never read as Markdown (docs/templates.md): every character CommonMark/GFM
// give a meaning inline gets a backslash wherever it stands (emphasis * _ ~, code `, links [ ],
// raw HTML and autolinks < >, entities &, headings #), and at the start of a line the block
// markers too: list markers - + and "12. " / "12) ", setext = , a table row's | (a GFM table
// needs rows that open a line), and leading blanks (an indented code block). Pipes inside a line
// are escaped in table cells only. Structure comes only from the document's blocks.
std::string EscapeMd(const std::string& raw, bool in_table, bool line_start = false) {
  std::string text = XmlSafe(raw), out;
  bool at_start = line_start;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (at_start && (c == ' ' || c == '\t')) continue;  // a paragraph drops them anyway
    if (c == '|' && in_table) {
      out += "\\|";
    } else if (c == '\n') {
      out += in_table ? "<br>" : "\n";
      at_start = !in_table;
      continue;
    } else if (std::string_view("*_`\\<>[]~&#").find(c) != std::string_view::npos) {
      out += std::string("\\") + c;
    } else if (at_start && (c == '-' || c == '+' || c == '=' || c == '|')) {
      out += std::string("\\") + c;
    } else if (at_start && c >= '0' && c <= '9') {
      size_t end = text.find_first_not_of("0123456789", i);
      bool marker = end != std::string::npos && end - i <= 9 &&
                    (text[end] == '.' || text[end] == ')') &&
                    (end + 1 == text.size() || text[end + 1] == ' ' || text[end + 1] == '\t');
      size_t stop = end == std::string::npos ? text.size() : end;
      out += text.substr(i, stop - i);
      if (marker) {  // "12. " → "12\. "
        out += std::string("\\") + text[end];
        i = end;
      } else {
        i = stop - 1;
      }
    } else {
      out += c;
    }
    at_start = false;
  }
  return out;
}

// A picture's path inside a link destination: characters that would end or bend it are
// percent-encoded.
std::string EscapeUrl(const std::string& raw) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : raw) {
    if (c <= 0x20 || c == 0x7F ||
        std::string_view("()<>[]\\\"'`").find(static_cast<char>(c)) != std::string_view::npos) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string Runs(const doc::Runs& runs) {
  std::string out;
  for (const auto& r : runs) {
    bool start = out.empty();  // the first run opens the line: block markers are escaped
    out += r.bold ? "**" + EscapeMd(r.text, false) + "**" : EscapeMd(r.text, false, start);
  }
  return out;
}

void Table(const doc::Table& t, std::string& out) {
  if (!t.number.empty() || !t.caption.empty())
    out += "**" + EscapeMd(t.number, false) + " " + EscapeMd(t.caption, false) + "**\n\n";
  for (size_t r = 0; r < t.rows.size(); ++r) {
    out += "|";
    for (const auto& cell : t.rows[r]) out += " " + EscapeMd(cell.text, true) + " |";
    out += "\n";
    if (r == 0) {
      out += "|";
      for (size_t c = 0; c < t.rows[r].size(); ++c) out += " --- |";
      out += "\n";
    }
  }
  out += "\n";
}

}  // namespace

std::string ValueText(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

std::string ToMarkdown(const doc::Document& document) {
  std::string out;
  for (const auto& block : document.blocks) {
    if (auto* h = std::get_if<doc::Heading>(&block)) {
      out +=
          std::string(static_cast<size_t>(h->level), '#') + " " + EscapeMd(h->text, false) + "\n\n";
    } else if (auto* p = std::get_if<doc::Paragraph>(&block)) {
      out += Runs(p->runs) + "\n\n";
    } else if (auto* l = std::get_if<doc::List>(&block)) {
      for (const auto& item : l->items) out += "- " + Runs(item) + "\n";
      out += "\n";
    } else if (auto* t = std::get_if<doc::Table>(&block)) {
      Table(*t, out);
    } else if (auto* ch = std::get_if<doc::Chart>(&block)) {  // charts become their data table
      out += "**" + EscapeMd(ch->number, false) + " " + EscapeMd(ch->caption, false) +
             "**\n\n| 项目 | " + EscapeMd(ch->series_name, true) + " |\n| --- | --- |\n";
      for (size_t i = 0; i < ch->labels.size(); ++i)
        out += "| " + EscapeMd(ch->labels[i], true) + " | " + EscapeMd(ch->value_labels[i], true) +
               " |\n";
      out += "\n";
    } else if (auto* im = std::get_if<doc::Image>(&block); im && !im->png.empty()) {
      out += "![" + EscapeMd(im->number + " " + im->caption, true) + "](" + EscapeUrl(im->source) +
             ")\n\n**" + EscapeMd(im->number, false) + " " + EscapeMd(im->caption, false) +
             "**\n\n";
    } else if (auto* c = std::get_if<doc::Cover>(&block)) {
      out += "# " + EscapeMd(c->kicker, false) + "\n\n";
      for (const auto& [label, value] : c->fields)
        out += "- " + EscapeMd(label, false, true) + "：" + EscapeMd(value, false) + "\n";
      if (!c->date.empty()) out += "\n" + EscapeMd(c->date, false) + "\n";
      out += "\n";
    }
  }
  return out;
}

}  // namespace jixiao::render
