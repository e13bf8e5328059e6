#include "document/markup.h"

#include <cctype>

namespace jixiao::doc {
namespace {

// Private-use code points stand in for markup characters inside substituted values.
const char* const kEscapes[][2] = {{"*", "\xEE\x80\x81"}, {"[", "\xEE\x80\x82"},
                                   {"#", "\xEE\x80\x83"}, {"-", "\xEE\x80\x84"},
                                   {">", "\xEE\x80\x85"}, {"\n", "\xEE\x80\x86"}};

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
}

std::string Unescape(std::string s) {
  for (const auto& e : kEscapes) ReplaceAll(s, e[1], e[0][0] == '\n' ? " " : e[0]);
  return s;
}

std::string TrimLine(const std::string& line) {
  size_t b = line.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = line.find_last_not_of(" \t\r");
  return line.substr(b, e - b + 1);
}

}  // namespace

std::string EscapeValue(const std::string& text) {
  std::string s = text;
  for (const auto& e : kEscapes) ReplaceAll(s, e[0], e[1]);
  return s;
}

Runs ParseRuns(const std::string& text) {
  Runs runs;
  bool bold = false;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t mark = text.find("**", pos);
    std::string part = text.substr(pos, mark == std::string::npos ? std::string::npos : mark - pos);
    if (!part.empty()) runs.push_back({Unescape(part), bold});
    if (mark == std::string::npos) break;
    bold = !bold;
    pos = mark + 2;
  }
  return runs;
}

void ParseMarkup(const std::string& text, const DirectiveHandler& handler, Document& out) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    lines.push_back(
        TrimLine(text.substr(start, end == std::string::npos ? std::string::npos : end - start)));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  std::string paragraph;
  bool no_indent = false;
  List list;
  auto flush = [&] {
    if (!paragraph.empty()) {
      Paragraph p;
      p.runs = ParseRuns(paragraph);
      p.indent_first_line = !no_indent;
      // A numbered run-in heading typed plain (1.总目标) reads like the bold ones beside it.
      if (NumberedRunIn(p))
        for (auto& run : p.runs) run.bold = true;
      out.blocks.push_back(p);
      paragraph.clear();
    }
    no_indent = false;
    if (!list.items.empty()) {
      out.blocks.push_back(list);
      list = List{};
    }
  };
  for (const auto& line : lines) {
    if (line.empty()) {
      flush();
      continue;
    }
    if (line.rfind("[[", 0) == 0 && line.size() > 4 &&
        line.compare(line.size() - 2, 2, "]]") == 0) {
      flush();
      std::string inner = line.substr(2, line.size() - 4);
      size_t colon = inner.find(':');
      std::string kind = inner.substr(0, colon);
      std::string rest = colon == std::string::npos ? "" : inner.substr(colon + 1);
      size_t space = rest.find(' ');
      std::string name = rest.substr(0, space);
      std::string argument = space == std::string::npos ? "" : Unescape(rest.substr(space + 1));
      if (kind == "pagebreak")
        out.blocks.push_back(PageBreak{});
      else if (kind == "toc")
        out.blocks.push_back(TocMarker{});
      else
        handler(
            kind == "table" || name.empty() ? (kind == "table" ? name : kind) : kind + ":" + name,
            argument, out);
      continue;
    }
    // ![图题](path): a picture; its number is assigned with the charts, so a typed one is dropped.
    if (line.rfind("![", 0) == 0 && line.back() == ')' && line.find("](") != std::string::npos) {
      flush();
      size_t mid = line.find("](");
      Image image;
      image.caption = Unescape(TrimLine(line.substr(2, mid - 2)));
      image.source = line.substr(mid + 2, line.size() - mid - 3);
      size_t n = 0;
      if (image.caption.rfind("图", 0) == 0) {
        n = 3;
        while (
            n < image.caption.size() &&
            (std::isdigit(static_cast<unsigned char>(image.caption[n])) || image.caption[n] == '-'))
          ++n;
        if (n == 3) n = 0;
      }
      image.caption = TrimLine(image.caption.substr(n));
      out.blocks.push_back(image);
      continue;
    }
    size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 4 && hashes < line.size() && line[hashes] == ' ') {
      flush();
      out.blocks.push_back(
          Heading{static_cast<int>(hashes), Unescape(TrimLine(line.substr(hashes + 1)))});
      continue;
    }
    if (line.rfind("- ", 0) == 0) {
      if (!paragraph.empty()) flush();
      list.items.push_back(ParseRuns(line.substr(2)));
      continue;
    }
    if (!list.items.empty()) flush();
    if (paragraph.empty() && line.rfind("> ", 0) == 0) {
      no_indent = true;
      paragraph = line.substr(2);
      continue;
    }
    paragraph += line;  // Chinese text joins without spaces
  }
  flush();
}

}  // namespace jixiao::doc
