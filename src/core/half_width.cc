#include "core/half_width.h"

#include <vector>

#include "core/text.h"

namespace jixiao {
namespace {

// One character of the typed text: its bytes, and what it reads as in a figure.
struct Glyph {
  std::string typed;
  char ascii = 0;      // the ASCII figure character it stands for, 0 when none
  bool wide = false;   // typed in full width
  bool comma = false;  // "，" (U+FF0C): a separator only between groups of three
};

std::vector<Glyph> Glyphs(std::string_view s) {
  std::vector<Glyph> out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (i + n > s.size()) n = s.size() - i;
    Glyph g{std::string(s.substr(i, n))};
    if (n == 1 && ((b >= '0' && b <= '9') || b == '.' || b == ',' || b == '%' || b == '+' ||
                   b == '-' || b == '=' || b == '<' || b == '>' || b == '/')) {
      g.ascii = static_cast<char>(b);
    } else if (n == 3 && b == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
      // U+FF01..U+FF3F are EF BC 81..BF; of those only figure characters are read.
      const char c = static_cast<char>(0x21 + (static_cast<unsigned char>(s[i + 2]) - 0x81));
      if ((c >= '0' && c <= '9') || c == '.' || c == '%' || c == '+' || c == '-' || c == '=' ||
          c == '<' || c == '>' || c == '/') {
        g.ascii = c;
        g.wide = true;
      } else if (c == ',') {
        g.comma = true;
      }
    }
    out.push_back(std::move(g));
    i += n;
  }
  return out;
}

bool Digit(const Glyph& g) { return g.ascii >= '0' && g.ascii <= '9'; }

}  // namespace

HalfWidthReading ReadHalfWidth(std::string_view typed) {
  const std::vector<Glyph> g = Glyphs(typed);
  HalfWidthReading r;
  for (size_t i = 0; i < g.size(); ++i) {
    if (!g[i].comma || i == 0 || i + 1 >= g.size() || !Digit(g[i - 1]) || !Digit(g[i + 1])) {
      r.text += g[i].ascii ? std::string(1, g[i].ascii) : g[i].typed;
      r.changed = r.changed || g[i].wide;
      continue;
    }
    // A comma between digits: the figure's integer part must be 1–3 digits, then groups of 3.
    size_t start = i;
    while (start > 0 && (Digit(g[start - 1]) || g[start - 1].ascii == ',' || g[start - 1].comma))
      --start;
    const bool after_point = start > 0 && g[start - 1].ascii == '.';
    size_t first = 0;
    while (start + first < g.size() && Digit(g[start + first])) ++first;
    size_t group = 0, k = i + 1;
    while (k < g.size() && Digit(g[k])) ++group, ++k;
    if (after_point || first == 0 || first > 3 || group != 3) {
      r.error = "“" + std::string(typed) +
                "”中的全角逗号“，”无法确定是千位分隔符还是小数点：千位分隔须每三位一组（如 "
                "32,568），小数请写小数点（如 1.5）";
      r.text = std::string(typed);
      return r;
    }
    r.text += ",";
    r.changed = true;
  }
  return r;
}

HalfWidthReading ReadTypedYear(std::string_view typed) {
  HalfWidthReading r = ReadHalfWidth(Trim(typed));
  std::string plain = r.text;
  for (const char* suffix : {"年度", "年"})
    if (EndsWith(plain, suffix)) {
      plain = Trim(plain.substr(0, plain.size() - std::string(suffix).size()));
      break;
    }
  bool digits = plain.size() == 4 && r.error.empty();
  for (char c : plain) digits = digits && c >= '0' && c <= '9';
  if (!digits) return {Trim(typed), false, ""};
  return {plain, plain != Trim(typed), ""};
}

std::string HalfWidthNotice(const std::string& typed, const std::string& read) {
  return "已按半角读取“" + typed + "”，即“" + read + "”（全角数字和符号按半角含义读取）";
}

}  // namespace jixiao
