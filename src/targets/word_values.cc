// How a 指标值 that is not one number is written: only a unit or a comparator (`公里`, `≧ %`: the
// template's figure left unfilled), several figures in one cell (`困难台胞432人、高龄台胞1792人`),
// one figure inside a sentence (`群众满意度达95%以上。`), a hedged direction (`有所提升`), or a
// grading scale (`优良中低差`). Issue 26, round 5. Contract: pure.
#include <cctype>
#include <set>
#include <vector>

#include "core/text.h"
#include "targets/rules.h"
#include "targets/value.h"

namespace jixiao::targets {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The UTF-8 characters of a text.
std::vector<std::string> Chars(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

bool Separator(const std::string& ch) {
  return ch == "、" || ch == "；" || ch == ";" || ch == "，" || ch == "," || ch == "/" ||
         ch == "|" || ch == " " || ch == "-";
}

}  // namespace

std::string BareUnit(const std::string& value) {
  std::string s = NormalizeWidth(Trim(value));
  for (const char* op : {">=", "<=", "≥", "≤", "=", ">", "<"})
    if (StartsWith(s, op)) {
      s = s.substr(std::string(op).size());
      break;
    }
  std::string rest;
  for (const auto& ch : Chars(s))
    if (ch != " " && ch != "*" && ch != "＊" && ch != "X" && ch != "x" && ch != "…") rest += ch;
  static const std::set<std::string> kUnits = {
      "%",      "公里", "千米", "米",     "万亩",   "亩", "万人",  "人",    "人次",
      "万人次", "户",   "个",   "次",     "件",     "台", "套",    "辆",    "座",
      "处",     "所",   "项",   "场",     "期",     "批", "天",    "年",    "万元",
      "元",     "亿元", "吨",   "平方米", "立方米", "km", "元/人", "元/亩", "百分比"};
  return kUnits.count(rest) ? rest : "";
}

int FiguresInCell(const std::string& value) {
  std::string s = NormalizeWidth(value);
  int parts = 0;
  bool digit_in_part = false;
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    std::string ch = s.substr(i, n);
    // A comma between digits groups thousands (1,200人); elsewhere it separates.
    bool thousands =
        ch == "," && i > 0 && IsDigit(s[i - 1]) && i + 1 < s.size() && IsDigit(s[i + 1]);
    if ((ch == "、" || ch == "；" || ch == ";" || ch == "，" || ch == ",") && !thousands) {
      parts += digit_in_part;
      digit_in_part = false;
    } else if (IsDigit(s[i])) {
      digit_in_part = true;
    }
    i += n;
  }
  return parts + digit_in_part;
}

std::string ProseFigure(const std::string& value) {
  std::string s = NormalizeWidth(value);
  size_t first = s.find_first_of("0123456789");
  if (first == std::string::npos || first == 0) return "";  // a leading number is read as one
  size_t end = first;
  while (end < s.size() && (IsDigit(s[end]) || s[end] == '.')) ++end;
  if (s.find_first_of("0123456789", end) != std::string::npos) return "";  // not one figure
  std::string unit;
  if (end < s.size() && s[end] == '%') {
    unit = "%";
  } else {
    auto chars = Chars(s.substr(end));
    for (size_t k = 0; k < chars.size() && k < 2; ++k) {
      if (chars[k].size() != 3 || Separator(chars[k]) || chars[k] == "以" || chars[k] == "。")
        break;
      unit += chars[k];
    }
  }
  if (unit.empty()) return "";
  auto has = [&](std::initializer_list<const char*> words) {
    for (const char* w : words)
      if (s.find(w) != std::string::npos) return true;
    return false;
  };
  std::string op = has({"以下", "以内", "不超过", "不高于", "控制在", "低于"})       ? "≤"
                   : has({"以上", "不低于", "不少于", "达到", "达", "超过", "高于"}) ? "≥"
                                                                                     : "=";
  return op + s.substr(first, end - first) + unit;
}

bool NotAName(const std::string& name) {
  std::string n = Trim(name);
  if (n.empty()) return false;
  for (const auto& ch : Chars(n))
    if (ch.size() >= 3 || std::isalpha(static_cast<unsigned char>(ch[0]))) return false;
  return true;
}

bool HedgedDirection(const std::string& value) {
  std::string v = Trim(value);
  return (StartsWith(v, "有所") || StartsWith(v, "一定程度")) &&
         v.find_first_of("0123456789") == std::string::npos && v.size() <= 18;
}

bool GradingScale(const std::string& value) {
  std::string s;
  for (const auto& ch : Chars(value))
    if (!Separator(ch)) s += ch;
  // Letter grades, and a pair of opposites offered as the choice (好坏, 优/劣, 是否).
  static const std::set<std::string> kScales = {"ABCD", "ABC",  "好坏", "优劣",      "高低",
                                                "强弱", "是否", "有无", "合格不合格"};
  if (kScales.count(s)) return true;
  // Grade words, longest first; a scale offers three or more different grades and nothing else
  // (优良 alone is a chosen target).
  static const char* kGrades[] = {"不合格", "优秀", "良好", "合格", "一般", "较差", "较好",
                                  "较高",   "较低", "优",   "良",   "中",   "低",   "差",
                                  "高",     "好",   "强",   "弱",   "大",   "小"};
  std::set<std::string> seen;
  size_t count = 0;
  for (size_t i = 0; i < s.size();) {
    bool matched = false;
    for (const char* g : kGrades)
      if (s.compare(i, std::string(g).size(), g) == 0) {
        seen.insert(g);
        ++count;
        i += std::string(g).size();
        matched = true;
        break;
      }
    if (!matched) return false;
  }
  return count >= 3 && seen.size() == count;
}

}  // namespace jixiao::targets
