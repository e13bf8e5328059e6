#include "report/text_lint.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "core/text.h"
#include "model/attachment.h"
#include "report/number_policy.h"
#include "report/text_chars.h"
#include "report/utf32.h"

namespace jixiao::report {
namespace {

// A line of block markup that is not running text: a heading, list item, directive or image.
bool IsMarkupLine(const std::string& line) {
  return StartsWith(line, "#") || StartsWith(line, "- ") || StartsWith(line, "[[") ||
         StartsWith(line, "![") || StartsWith(line, "|");
}

// Starts with an enumeration: （1） 1. ① A. a.
bool StartsEnumerated(const std::u32string& s) {
  if (s.empty()) return false;
  if (IsCircled(s[0]) || s[0] == U'（' || s[0] == U'(' || s[0] == U'第') return true;
  size_t i = 0;
  while (i < s.size() &&
         (IsDigit(s[i]) || (s[i] >= U'A' && s[i] <= U'Z') || (s[i] >= U'a' && s[i] <= U'z') ||
          s[i] == U'一' || s[i] == U'二' || s[i] == U'三' || s[i] == U'四' || s[i] == U'五' ||
          s[i] == U'六' || s[i] == U'七' || s[i] == U'八' || s[i] == U'九' || s[i] == U'十'))
    ++i;
  return i > 0 && i < s.size() && (s[i] == U'.' || s[i] == U'、' || s[i] == U'．');
}

// The marker style of an enumerated paragraph ("（" for （1）, "." for 1., "①"), empty for none.
std::string ListMarker(const std::string& text) {
  std::u32string s = Decode(text);
  if (s.size() > 2 && s[0] == U'（' && IsDigit(s[1])) return "（";
  if (!s.empty() && IsCircled(s[0])) return "①";
  size_t i = 0;
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i > 0 && i < s.size() && (s[i] == U'.' || s[i] == U'．') ? "." : "";
}

// The marker kind of a list item for RepeatScopes ("A." "1." "（1）" "①" "一、" "（一）"), "" for
// none.
std::string MarkerKind(const std::string& text) {
  std::u32string s = Decode(text);
  auto chinese_numeral = [](char32_t c) {
    return std::u32string(U"一二三四五六七八九十").find(c) != std::u32string::npos;
  };
  if (s.size() > 2 && (s[0] == U'（' || s[0] == U'(')) {
    if (IsDigit(s[1])) return "（1）";
    if (chinese_numeral(s[1])) return "（一）";
    return "";
  }
  if (!s.empty() && IsCircled(s[0])) return "①";
  size_t i = 0;
  std::string kind;
  if (!s.empty() && ((s[0] >= U'A' && s[0] <= U'Z') || (s[0] >= U'a' && s[0] <= U'z'))) {
    i = 1, kind = "A.";
  } else if (!s.empty() && chinese_numeral(s[0])) {
    while (i < s.size() && chinese_numeral(s[i])) ++i;
    return i < s.size() && s[i] == U'、' ? "一、" : "";
  } else {
    while (i < s.size() && IsDigit(s[i])) ++i;
    kind = "1.";
  }
  return i > 0 && i < s.size() && (s[i] == U'.' || s[i] == U'．' || s[i] == U'、') ? kind : "";
}

// A list item that ends with "：" although the next paragraph is its sibling, not its sub-list:
// "（1）《社会救助暂行办法》：" before "（2）…；" (a colon the PDF copy left where "；" is due).
bool ColonBeforeSibling(const std::string& item, const std::string& next) {
  std::string marker = ListMarker(item);
  return !marker.empty() && EndsWith(item, "：") && ListMarker(next) == marker;
}

struct Para {
  int line = 0;
  std::string text;
  bool markup = false;
};

std::vector<Para> SplitParagraphs(const std::string& text) {
  std::vector<Para> out;
  std::istringstream in(text);
  std::string raw;
  int n = 0;
  Para current;
  auto flush = [&] {
    if (!current.text.empty()) out.push_back(current);
    current = Para{};
  };
  while (std::getline(in, raw)) {
    ++n;
    std::string line = Trim(raw);
    if (line.empty()) {
      flush();
      continue;
    }
    if (IsMarkupLine(line)) {
      flush();
      out.push_back({n, line, true});
      continue;
    }
    if (current.text.empty()) current.line = n;
    current.text += line;
  }
  flush();
  return out;
}

std::string Normalize(const std::string& s) {
  std::u32string out;
  for (char32_t c : Decode(s))
    if (!IsSpace(c)) out.push_back(c);
  return Encode(out);
}

bool IsTemplateHeading(const std::string& paragraph, const std::vector<std::string>& headings) {
  std::string bare = Normalize(StripHeadingNumber(paragraph));
  if (bare.empty() || bare.size() > 60) return false;
  for (const auto& h : headings)
    if (Normalize(h) == bare) return true;
  return false;
}

// Paragraph i ends mid-sentence and paragraph i+1 continues it.
bool BrokenBetween(const Para& a, const Para& b) {
  if (a.markup || b.markup) return false;
  std::u32string x = Decode(a.text), y = Decode(b.text);
  if (x.size() < 20 || y.empty()) return false;
  if (EndsSentence(x.back()) || !IsHan(x.back())) return false;
  // An enumerated line without sentence punctuation is a sub-heading: （2）侧重对…进行评价
  if (StartsEnumerated(x) && x.find_first_of(U"。，；：") == std::u32string::npos) return false;
  return IsHan(y[0]) && !StartsEnumerated(y);
}

}  // namespace

std::string StripHeadingNumber(const std::string& text) {
  std::u32string s = Decode(Trim(text));
  size_t i = 0;
  if (!s.empty() && (s[0] == U'（' || s[0] == U'(')) {
    size_t close = s.find_first_of(U"）)");
    if (close != std::u32string::npos && close <= 4) i = close + 1;
  } else if (StartsEnumerated(s)) {
    while (i < s.size() && s[i] != U'.' && s[i] != U'、' && s[i] != U'．') ++i;
    ++i;
  }
  while (i < s.size() && IsSpace(s[i])) ++i;
  return Encode(s.substr(std::min(i, s.size())));
}

std::vector<std::string> TemplateHeadings(const std::string& dir) {
  std::vector<std::string> out;
  auto list = ReadFileInside(dir, "sections.txt");
  if (!list) return out;
  std::istringstream names(*list);
  std::string name;
  while (std::getline(names, name)) {
    name = Trim(name);
    if (name.empty() || name[0] == '#') continue;
    auto text = ReadFileInside(dir, name);
    if (!text) continue;
    std::istringstream lines(*text);
    std::string line;
    while (std::getline(lines, line)) {
      if (!StartsWith(line, "#")) continue;
      std::string h = Trim(line.substr(line.find_first_not_of('#')));
      if (EndsWith(h, "{-}")) h = Trim(h.substr(0, h.size() - 3));
      if (!h.empty() && h.find("{{") == std::string::npos) out.push_back(h);
    }
  }
  return out;
}

std::vector<TextIssue> LintParagraph(const std::string& paragraph) {
  std::vector<TextIssue> out;
  std::u32string s = Decode(paragraph);
  if (!HasHan(s)) return out;
  auto add = [&](const char* code, const std::string& message, bool fixable) {
    for (const auto& i : out)
      if (i.code == code) return;
    out.push_back({0, code, message, fixable});
  };
  auto at = [&](size_t i) {
    size_t b = i < 6 ? 0 : i - 6;
    return "“…" + Encode(s.substr(b, 12)) + "…”";
  };
  int title_depth = 0;  // inside 《…》
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i], next = i + 1 < s.size() ? s[i + 1] : 0;
    title_depth += c == U'《' ? 1 : (c == U'》' && title_depth > 0) ? -1 : 0;
    if (title_depth > 0 && (c == U'<' || c == U'>' || c == U'‹' || c == U'›'))
      add("title.inner", "书名号内的书名应使用单书名号〈〉：" + at(i), true);
    if ((c == U'。' || c == U'；' || c == U'，') && next == U'-' &&
        (i + 2 >= s.size() || IsSpace(s[i + 2]) || IsChinese(s[i + 2])))
      add("punct.stray", "多余的“-”紧跟在标点后：" + at(i) + "，请删除", true);
    if (IsMidPunct(c) && IsMidPunct(next))
      add("punct.double", "标点重复：" + at(i) + "，请保留一个", true);
    if (c == U'"') add("quote.ascii", "中文文本中使用了英文引号：" + at(i) + "，应为“”", true);
    if ((c == U'(' || c == U')') && ((i > 0 && IsChinese(s[i - 1])) || (next && IsChinese(next))))
      add("bracket.ascii", "中文文本中使用了英文括号：" + at(i) + "，应为（）", true);
    if (IsSpace(c) && StrayBlank(s.substr(0, i), next))
      add("space.cjk", "中文字符之间有多余空格：" + at(i) + "，请删除", true);
    if (RangeDash(s, i))
      add("range.dash", "数值范围应以“～”连接（GB/T 15834）：" + at(i) + "，如“80%（含）～90%”",
          true);
    if (IsCircled(c) && i > 0 && !EndsSentence(s[i - 1]) && !IsSpace(s[i - 1]) && s[i - 1] != U'\n')
      add("paragraph.merged", "段中出现小标题编号：" + at(i) + "，请在编号前分段", false);
    if (IsCircled(c) && i > 0 && IsSpace(s[i - 1]))
      add("paragraph.merged", "段中出现小标题编号：" + at(i) + "，请在编号前分段", true);
  }
  // Run-in labels “：a. …；b.…” in a sentence: the line breaker may leave “b.” at a line end
  // (reader7, p.13); Chinese text enumerates in a sentence with 一是、二是.
  for (size_t i = 0; i + 2 < s.size(); ++i)
    if ((s[i] == U'；' || s[i] == U'：') && s[i + 1] >= U'a' && s[i + 1] <= U'z' &&
        (s[i + 2] == U'.' || s[i + 2] == U'．'))
      add("list.latin_inline",
          "句中以拉丁字母编号列举：" + at(i + 1) +
              "，这种编号可能单独留在行末，请改为“一是……；二是……”",
          false);
  // A quarter is a 季度: “第三、第四季参加” (reader7), “第三、四季”, not “四季如春”.
  for (size_t i = 2; i < s.size(); ++i)
    if (s[i] == U'季' && (i + 1 >= s.size() || s[i + 1] != U'度') &&
        std::u32string_view(U"一二三四").find(s[i - 1]) != std::u32string_view::npos &&
        (s[i - 2] == U'第' || s[i - 2] == U'、'))
      add("quarter.word", "季度应写全：" + at(i) + "，如“第三、第四季度”", false);
  // 文号 written with （） instead of 〔〕: 沪医保发（2021）2号
  for (size_t i = 0; i + 6 < s.size(); ++i) {
    if ((s[i] == U'（' || s[i] == U'(') && i > 0 && IsHan(s[i - 1]) && IsDigit(s[i + 1]) &&
        IsDigit(s[i + 2]) && IsDigit(s[i + 3]) && IsDigit(s[i + 4]) &&
        (s[i + 5] == U'）' || s[i + 5] == U')') && IsDigit(s[i + 6]))
      add("docno.bracket", "文号年份应使用六角括号〔〕：" + at(i), true);
  }
  for (const auto& ref : FindAttachmentReferences(paragraph))
    if (CanonicalAttachmentReferences(ref.written) != ref.written)
      add("attachment.form",
          "“" + ref.written + "”应写成“附件" + ref.number + "”（半角数字，不留空格）", true);
  return out;
}

namespace {
// A figure, then a dash, then a digit: "5%-10%", "0–5%（含）", "80%（含）—90%".
const std::regex& DashRange() {
  static const std::regex kRange("([0-9]%?(?:（含）|\\(含\\))?) *(?:-|–|—|~) *(?=[0-9])");
  return kRange;
}
}  // namespace

bool HasDashRange(const std::string& text) { return std::regex_search(text, DashRange()); }

std::string NormalizeQuoted(const std::string& text) {
  std::string out = std::regex_replace(text, DashRange(), "$1～");
  std::u32string s = Decode(out);
  for (size_t i = 0; i < s.size(); ++i) {
    bool han_before = i > 0 && IsChinese(s[i - 1]);
    if (s[i] == U';') s[i] = U'；';
    if (s[i] == U':' && han_before) s[i] = U'：';
    if (s[i] == U',' && (han_before || (i + 1 < s.size() && IsChinese(s[i + 1])))) s[i] = U'，';
  }
  return TidyParagraph(Encode(s));
}

std::string TidyParagraph(const std::string& paragraph) {
  std::u32string s = Decode(paragraph);
  if (!HasHan(s)) return paragraph;
  std::u32string out;
  // Quotes: pair ASCII double quotes only when they pair up.
  size_t quotes = 0;
  for (char32_t c : s) quotes += c == U'"';
  bool open = true;
  int title_depth = 0;  // inside 《…》: a title within a title takes 〈〉
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i], next = i + 1 < s.size() ? s[i + 1] : 0;
    char32_t prev = out.empty() ? 0 : out.back();
    title_depth += c == U'《' ? 1 : (c == U'》' && title_depth > 0) ? -1 : 0;
    if (RangeDash(s, i)) c = U'～';
    if (title_depth > 0 && (c == U'<' || c == U'‹')) c = U'〈';
    if (title_depth > 0 && (c == U'>' || c == U'›')) c = U'〉';
    if (c == U'-' && (prev == U'。' || prev == U'；' || prev == U'，') &&
        (!next || IsSpace(next) || IsChinese(next)))
      continue;
    if (IsMidPunct(c) && IsMidPunct(prev)) {
      if (c == U'。') out.back() = U'。';
      continue;
    }
    if (c == U'"' && quotes % 2 == 0) {
      out.push_back(open ? U'“' : U'”');
      open = !open;
      continue;
    }
    if (c == U'(' && ((prev && IsChinese(prev)) || (next && IsChinese(next)))) c = U'（';
    if (c == U')' && ((prev && IsChinese(prev)) || (next && IsChinese(next)))) c = U'）';
    if (IsSpace(c) && prev && StrayBlank(out, next)) continue;
    out.push_back(c);
  }
  // 文号: （2021） → 〔2021〕 after a Chinese character and before the number; "〔2021〕42号〕" →
  // ）.
  for (size_t i = 1; i + 6 < out.size(); ++i) {
    if (out[i] == U'（' && IsHan(out[i - 1]) && IsDigit(out[i + 1]) && IsDigit(out[i + 2]) &&
        IsDigit(out[i + 3]) && IsDigit(out[i + 4]) && out[i + 5] == U'）' && IsDigit(out[i + 6])) {
      out[i] = U'〔';
      out[i + 5] = U'〕';
    }
  }
  // "（国办发〔2021〕42号〕": the 文号 opened with （ closes with ）.
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] != U'号' || out[i + 1] != U'〕') continue;
    size_t j = i;
    while (j > 0 && IsDigit(out[j - 1])) --j;
    if (j == i || j < 7 || out[j - 1] != U'〕' || out[j - 6] != U'〔') continue;
    size_t paren = out.rfind(U'（', j - 6);
    if (paren == std::u32string::npos || j - 6 - paren > 12) continue;
    if (out.find(U'）', paren) < i) continue;
    out[i + 1] = U'）';
  }
  return CanonicalAttachmentReferences(Encode(out));
}

std::string RepeatScoper::Next(const std::string& text) {
  std::string kind = MarkerKind(text), scope;
  if (!kind.empty()) {
    if (index_ == 0 || kind != previous_kind_) boundary_ = index_ == 0 ? SIZE_MAX : index_ - 1;
    scope = kind + "@" + std::to_string(boundary_);
  }
  previous_kind_ = kind;
  ++index_;
  return scope;
}

std::vector<std::string> RepeatScopes(const std::vector<std::string>& texts) {
  RepeatScoper scoper;
  std::vector<std::string> out;
  for (const auto& text : texts) out.push_back(scoper.Next(text));
  return out;
}

bool SameParagraph(const std::string& a, const std::string& b) {
  std::u32string x = Decode(Normalize(a)), y = Decode(Normalize(b));
  if (x == y) return true;
  if (x.size() < 40 || y.size() < 40) return false;
  // The pairs shared are at most the shorter text's: when even all of them would not reach the
  // 0.7 below, the texts are not alike, and their pairs need not be sorted.
  const double nx = static_cast<double>(x.size() - 1), ny = static_cast<double>(y.size() - 1);
  if (2.0 * std::min(nx, ny) / (nx + ny) < 0.7) return false;
  // The character pairs of each, as sorted numbers; the pairs they share, counted with repeats.
  auto pairs = [](const std::u32string& t) {
    std::vector<uint64_t> out;
    for (size_t i = 0; i + 1 < t.size(); ++i)
      out.push_back(static_cast<uint64_t>(t[i]) << 32 | static_cast<uint64_t>(t[i + 1]));
    std::sort(out.begin(), out.end());
    return out;
  };
  std::vector<uint64_t> bx = pairs(x), by = pairs(y);
  size_t common = 0;
  for (size_t i = 0, j = 0; i < bx.size() && j < by.size();) {
    if (bx[i] < by[j]) {
      ++i;
    } else if (by[j] < bx[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(bx.size() + by.size()) >= 0.7;
}

std::vector<TextIssue> LintNarrative(const std::string& text,
                                     const std::vector<std::string>& template_headings) {
  std::vector<TextIssue> out;
  auto paras = SplitParagraphs(text);
  std::vector<std::string> texts;
  for (const auto& p : paras) texts.push_back(p.markup ? std::string() : p.text);
  const std::vector<std::string> scopes = RepeatScopes(texts);
  int circled_from = 0;  // the line of the ① that opened this heading's circled series
  bool circled_more = false;
  for (size_t i = 0; i < paras.size(); ++i) {
    const Para& p = paras[i];
    // ①–④ restarting under one heading (reader5: ①线上申请 ②线下申请, then a figure, then
    // ①受理…④): a heading — markdown or a short numbered run-in other than ① and A. — ends a
    // series.
    std::string kind = p.markup ? "" : MarkerKind(p.text);
    bool run_in = !kind.empty() && kind != "①" && kind != "A." && Decode(p.text).size() <= 40 &&
                  !EndsWith(p.text, "。") && !EndsWith(p.text, "；");
    if ((p.markup && StartsWith(p.text, "#")) || run_in) circled_from = 0, circled_more = false;
    if (kind == "①") {
      char32_t first = Decode(p.text)[0];
      if (first == U'①' && circled_more)
        out.push_back({p.line, "list.restart",
                       "①在同一标题下再次从头编号（第" + std::to_string(circled_from) +
                           "行起已有一组①②…）：两组编号易混，请在两组之间加小标题，或接续编号",
                       false, true});
      if (first == U'①') circled_from = p.line, circled_more = false;
      if (first != U'①' && circled_from > 0) circled_more = true;
    }
    if (p.markup) continue;
    for (auto issue : LintParagraph(p.text)) {
      issue.line = p.line;
      out.push_back(issue);
    }
    if (IsTemplateHeading(p.text, template_headings))
      out.push_back({p.line, "heading.template",
                     "“" + p.text + "”是模板自己写出的标题，叙述文件中不应重复，请删除", true});
    for (size_t j = 0; j < i; ++j) {
      // Exact repeats within one list only: parallel passages (线上/线下申请) are alike on purpose.
      if (!paras[j].markup && Decode(p.text).size() >= 8 && scopes[j] == scopes[i] &&
          Normalize(paras[j].text) == Normalize(p.text)) {
        out.push_back({p.line, "paragraph.duplicate",
                       "本段与第" + std::to_string(paras[j].line) + "行的段落相同，请删除其一",
                       true});
        break;
      }
    }
    if (i + 1 < paras.size() && !paras[i + 1].markup &&
        ColonBeforeSibling(p.text, paras[i + 1].text))
      out.push_back({p.line, "list.colon",
                     "列表项以“：”结尾，但下一段是同级列表项（第" +
                         std::to_string(paras[i + 1].line) + "行），应以“；”结尾",
                     true});
    if (i + 1 < paras.size() && BrokenBetween(p, paras[i + 1]))
      out.push_back(
          {p.line, "paragraph.broken",
           "段落在句子中间断开（第" + std::to_string(paras[i + 1].line) + "行接续），请合并为一段",
           true});
    if (p.text.find("下图") != std::string::npos) {
      bool image = false;
      for (size_t k = i + 1; k < paras.size() && k <= i + 2; ++k)
        image = image || StartsWith(paras[k].text, "![");
      if (!image)
        out.push_back({p.line, "figure.missing",
                       "文中写“见下图”，但其后没有插图（用 ![图题](images/文件名.png) 插入）",
                       false});
    }
  }
  return out;
}

std::string TidyNarrative(const std::string& text,
                          const std::vector<std::string>& template_headings) {
  auto paras = SplitParagraphs(text);
  std::vector<std::string> kept, scopes;  // scopes: RepeatScopes of kept
  RepeatScoper scoper;
  std::vector<bool> markup;
  std::vector<bool> joins_previous;  // a list item on the line right after the previous item
  for (size_t i = 0; i < paras.size(); ++i) {
    Para p = paras[i];
    if (p.markup) {
      joins_previous.resize(kept.size(), false);
      joins_previous.push_back(i > 0 && paras[i - 1].markup && paras[i - 1].line + 1 == p.line &&
                               StartsWith(p.text, "- ") && StartsWith(paras[i - 1].text, "- "));
      kept.push_back(p.text);
      scopes.push_back(scoper.Next(""));
      markup.push_back(true);
      continue;
    }
    while (i + 1 < paras.size() && BrokenBetween(p, paras[i + 1])) p.text += paras[++i].text;
    p.text = NormalizeFigures(TidyParagraph(p.text));
    if (i + 1 < paras.size() && !paras[i + 1].markup &&
        ColonBeforeSibling(p.text, paras[i + 1].text))
      p.text = p.text.substr(0, p.text.size() - std::string("：").size()) + "；";
    if (IsTemplateHeading(p.text, template_headings)) continue;
    RepeatScoper trial = scoper;  // the scope p takes if kept
    const std::string scope = trial.Next(p.text);
    bool duplicate = false;
    for (size_t j = 0; j < kept.size(); ++j)
      duplicate = duplicate ||
                  (!markup[j] && scopes[j] == scope && Normalize(kept[j]) == Normalize(p.text));
    if (duplicate) continue;
    // "标题 ①小标题" merged by a PDF copy: split at the space before the circled number.
    std::u32string s = Decode(p.text);
    size_t split = std::u32string::npos;
    for (size_t k = 1; k < s.size(); ++k)
      if (IsCircled(s[k]) && s[k - 1] == U' ') split = k;
    if (split != std::u32string::npos) {
      kept.push_back(Trim(Encode(s.substr(0, split))));
      scopes.push_back(scoper.Next(kept.back()));
      markup.push_back(false);
      p.text = Encode(s.substr(split));
    }
    kept.push_back(p.text);
    scopes.push_back(scoper.Next(p.text));
    markup.push_back(false);
  }
  joins_previous.resize(kept.size(), false);
  std::string out;
  for (size_t k = 0; k < kept.size(); ++k)
    out += (out.empty() ? "" : joins_previous[k] ? "\n" : "\n\n") + kept[k];
  return out + "\n";
}

}  // namespace jixiao::report
