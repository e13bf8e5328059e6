// Markdown writer: headings, paragraphs (bold as **…**), lists, pipe tables with merged cells
// repeated in every cell they cover, captions as bold lines above tables.
#include <cstdio>

#include "render/render.h"

namespace jixiao::render {
namespace {

// Markdown lets raw HTML through, so < and > are backslash-escaped: text from input never becomes
// a tag (CommonMark shows \< as <).
std::string EscapeMd(const std::string& raw, bool in_table) {
  std::string text = XmlSafe(raw), out;
  for (char c : text) {
    if (c == '|' && in_table)
      out += "\\|";
    else if (c == '*' || c == '_' || c == '`' || c == '\\' || c == '<' || c == '>')
      out += std::string("\\") + c;
    else if (c == '\n')
      out += in_table ? "<br>" : "\n";
    else
      out += c;
  }
  return out;
}

std::string Runs(const doc::Runs& runs) {
  std::string out;
  for (const auto& r : runs)
    out += r.bold ? "**" + EscapeMd(r.text, false) + "**" : EscapeMd(r.text, false);
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
      out += "![" + EscapeMd(im->number + " " + im->caption, true) + "](" + im->source + ")\n\n**" +
             EscapeMd(im->number, false) + " " + EscapeMd(im->caption, false) + "**\n\n";
    } else if (auto* c = std::get_if<doc::Cover>(&block)) {
      out += "# " + EscapeMd(c->kicker, false) + "\n\n";
      for (const auto& [label, value] : c->fields)
        out += "- " + EscapeMd(label, false) + "：" + EscapeMd(value, false) + "\n";
      if (!c->date.empty()) out += "\n" + EscapeMd(c->date, false) + "\n";
      out += "\n";
    }
  }
  return out;
}

}  // namespace jixiao::render
