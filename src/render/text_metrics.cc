#include "render/text_metrics.h"

#include <algorithm>
#include <climits>
#include <string_view>

namespace jixiao::render {
namespace {

// Times-Roman advance widths of ASCII 32..126 in 1/1000 em (Liberation Serif matches them).
const short kAsciiWidths[95] = {250, 333, 408, 500, 500, 833, 778, 180,
                                333, 333, 500, 564, 250, 333, 250, 278,  //  !"#$%&'()*+,-./
                                500, 500, 500, 500, 500, 500, 500, 500,
                                500, 500, 278, 278, 564, 564, 564, 444,  // 0-9 :;<=>?
                                921, 722, 667, 667, 722, 611, 556, 722,
                                722, 333, 389, 722, 611, 889, 722, 722,  // @A-O
                                556, 722, 667, 556, 611, 722, 722, 944,
                                722, 722, 611, 333, 278, 333, 469, 500,  // P-Z [\]^_
                                333, 444, 500, 444, 500, 444, 333, 500,
                                500, 278, 278, 500, 278, 778, 500, 500,  // `a-o
                                500, 500, 333, 389, 278, 500, 500, 722,
                                500, 500, 444, 480, 200, 480, 541};  // p-z {|}~

enum class Kind { kAscii, kSpace, kOpening, kClosing, kHan };

// Code point at `i` (advancing `i`); invalid bytes count as one character.
char32_t Next(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + len > s.size()) len = 1;
  char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

bool In(char32_t cp, std::u32string_view set) { return set.find(cp) != std::u32string_view::npos; }

Kind KindOf(char32_t cp) {
  if (cp == ' ' || cp == 0x3000) return Kind::kSpace;
  if (cp < 0x80) return Kind::kAscii;
  if (cp >= 0x4E00 && cp <= 0x9FFF) return Kind::kHan;  // no bracket or mark among them
  if (In(cp, U"〔（《“‘【〈「『≥≤＞＜±")) return Kind::kOpening;
  if (In(cp, U"〕）》”’】〉」』，。、；：！？％…·")) return Kind::kClosing;
  return Kind::kHan;
}

// Characters that follow a number as its unit, and the second characters of two-character units.
bool IsUnit(char32_t cp) {
  return In(cp, U"年月日号元万亿人次户个项家天周岁件份台辆所名条册倍期批餐份吨床张");
}
bool IsUnitTail(char32_t cp) { return In(cp, U"元次时"); }

int Em(int half_points) { return half_points * 10; }

int CharWidth(char32_t cp, int half_points) {
  if (cp >= 32 && cp < 127) return (kAsciiWidths[cp - 32] * Em(half_points) * 102 + 99999) / 100000;
  if (cp < 32) return 0;
  return Em(half_points);
}

}  // namespace

std::vector<Segment> Segments(const std::string& text, int half_points) {
  std::vector<Segment> out;
  Kind prev = Kind::kSpace;
  bool has_digit = false, prev_unit = false;
  char32_t prev_cp = 0;
  for (size_t i = 0; i < text.size();) {
    size_t at = i;
    char32_t cp = Next(text, i);
    Kind kind = KindOf(cp);
    if (kind == Kind::kSpace) {
      if (!out.empty()) out.back().space_after = true;
      prev = kind;
      prev_unit = false;
      continue;
    }
    bool join = false, protect = false, unit = false;
    if (!out.empty() && prev != Kind::kSpace) {
      if (prev == Kind::kOpening || kind == Kind::kClosing) {
        join = true;
      } else if (kind == Kind::kAscii && prev == Kind::kAscii) {
        join = true;
      } else if (kind == Kind::kAscii && (prev_cp == U'”' || prev_cp == U'’')) {
        join = true;  // “随申办市民云”APP: no renderer breaks between a quote and a Latin word
      } else if (kind == Kind::kAscii && (prev_cp == U'〕' || prev_cp == U'）')) {
        join = protect = true;
      } else if (kind == Kind::kHan && has_digit &&
                 ((prev == Kind::kAscii && IsUnit(cp)) || (prev_unit && IsUnitTail(cp)))) {
        join = protect = unit = true;
      }
    }
    bool ascii = kind == Kind::kAscii;
    if (!join) {
      out.push_back(Segment{at, 0, 0, false, false, ascii, ascii});
      has_digit = false;
    } else if (out.back().ascii_last != ascii) {
      out.back().width += Em(half_points) / 4;  // the space set between Han and Latin text
    }
    Segment& s = out.back();
    s.ascii_last = ascii;
    s.length = i - s.offset;
    s.width += CharWidth(cp, half_points);
    s.protect = s.protect || protect;
    has_digit = has_digit || (cp >= '0' && cp <= '9');
    prev = kind;
    prev_cp = cp;
    prev_unit = unit;
  }
  return out;
}

int TextWidth(const std::string& text, int half_points) {
  int width = 0;
  for (size_t i = 0; i < text.size();) width += CharWidth(Next(text, i), half_points);
  return width;
}

namespace {

// The room between two segments on one line: a space, or the gap between Han and Latin text.
int Gap(bool space, bool ascii_before, const Segment& s) {
  return space ? CharWidth(' ', 18) : s.ascii_first != ascii_before ? 45 : 0;
}

// Calls f(segment, gap) for each segment in order, `gap` the room set before it when it shares a
// line with the one before: the walk every line filling below makes.
template <class F>
void WithGaps(const std::vector<Segment>& segments, F f) {
  bool space = false, ascii_before = false;
  for (const Segment& s : segments) {
    f(s, Gap(space, ascii_before, s));
    ascii_before = s.ascii_last;
    space = s.space_after;
  }
}

}  // namespace

int LinesAt(const std::vector<Segment>& segments, int width, std::vector<size_t>* breaks) {
  if (width <= 0) width = 1;
  int lines = 1, used = 0;
  WithGaps(segments, [&](const Segment& s, int gap) {
    if (used > 0 && used + gap + s.width <= width) {
      used += gap + s.width;
      return;
    }
    if (used > 0) {
      ++lines;
      if (s.protect && breaks) breaks->push_back(s.offset);
    }
    lines += (s.width - 1) / width;  // a segment wider than the room breaks inside
    used = s.width - (s.width - 1) / width * width;
  });
  return lines;
}

int LinesSpan(const std::vector<Segment>& segments, int width, int* lo, int* hi) {
  int lines = 1, used = 0, fullest = 1, least_more = INT_MAX;
  WithGaps(segments, [&](const Segment& s, int gap) {
    if (used > 0 && used + gap + s.width <= width) {
      used += gap + s.width;
    } else {
      if (used > 0) {
        ++lines;
        least_more = std::min(least_more, used + gap + s.width);
      }
      used = s.width;  // the room is at least the widest segment: none breaks inside
    }
    fullest = std::max(fullest, used);
  });
  *lo = fullest;
  *hi = least_more;
  return lines;
}

int LargestSlack(const std::vector<Segment>& segments, int first_width, int width) {
  int room = std::max(1, first_width), used = 0, largest = 0;
  WithGaps(segments, [&](const Segment& s, int gap) {
    if (used > 0 && used + gap + s.width <= room) {
      used += gap + s.width;
      return;
    }
    if (used > 0) largest = std::max(largest, room - used), room = std::max(1, width);
    used = s.width > room ? s.width % room : s.width;  // a segment wider than the room breaks
  });
  return largest;
}

// LinesAt's filling with unbounded room: no segment ever starts a new line.
int OneLineWidth(const std::vector<Segment>& segments) {
  int used = 0;
  WithGaps(segments,
           [&](const Segment& s, int gap) { used = used > 0 ? used + gap + s.width : s.width; });
  return std::max(1, used);
}

}  // namespace jixiao::render
