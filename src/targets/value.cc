#include "targets/value.h"

#include <optional>
#include <stdexcept>
#include <vector>

#include "core/half_width.h"
#include "core/text.h"
#include "model/target_value.h"

namespace jixiao::targets {

const char kPendingMarker[] = "（待确认）";

std::string StripPendingMarker(const std::string& cell) {
  std::string t = Trim(cell);
  return EndsWith(t, kPendingMarker) ? Trim(t.substr(0, t.size() - sizeof(kPendingMarker) + 1)) : t;
}

std::string NormalizeWidth(const std::string& text) {
  // The one full-width reading (core/half_width.h); a comma it cannot read ("１，５") is kept
  // full-width and the figures around it read, so the value is refused as unreadable, not guessed.
  HalfWidthReading r = ReadHalfWidth(text);
  if (!r.error.empty()) {
    r.text.clear();
    size_t from = 0;
    for (size_t at; (at = text.find("，", from)) != std::string::npos; from = at + 3)
      r.text += ReadHalfWidth(text.substr(from, at - from)).text + "，";
    r.text += ReadHalfWidth(text.substr(from)).text;
  }
  static const std::pair<const char*, const char*> kGlyphs[] = {
      {"≧", "≥"}, {"≦", "≤"}, {"═", "="}, {"﹦", "="}, {"⩾", "≥"}, {"⩽", "≤"}};
  std::string out = r.text;
  for (const auto& [from, to] : kGlyphs)
    for (size_t at; (at = out.find(from)) != std::string::npos;)
      out.replace(at, std::string(from).size(), to);
  return out;
}

namespace {

bool Contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Whether a digit run is followed (after optional spaces) by one of `words`.
bool NumberFollowedBy(const std::string& s, const std::vector<const char*>& words) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsDigit(s[i])) continue;
    size_t j = i;
    while (j < s.size() && (IsDigit(s[j]) || s[j] == '.' || s[j] == ',')) ++j;
    while (j < s.size() && s[j] == ' ') ++j;
    for (const char* w : words)
      if (s.compare(j, std::string(w).size(), w) == 0) return true;
    i = j;
  }
  return false;
}

bool MentionsDate(const std::string& s) {
  if (NumberFollowedBy(s, {"年", "月", "日", "号", "个工作日", "工作日", "天", "小时", "分钟", "周",
                           "个月", "季度"}))
    return true;
  for (const char* w : {"月底", "年底", "月末", "年末", "季度末", "上半年", "下半年", "当月",
                        "次月", "当日", "当天", "月前"})
    if (Contains(s, w)) return true;
  // 2025-12-31, 2025.12, 2025/12/31
  for (size_t i = 0; i + 6 < s.size(); ++i)
    if (IsDigit(s[i]) && IsDigit(s[i + 1]) && IsDigit(s[i + 2]) && IsDigit(s[i + 3]) &&
        (s[i + 4] == '-' || s[i + 4] == '.' || s[i + 4] == '/') && IsDigit(s[i + 5]))
      return true;
  return false;
}

// A calendar date at the start: a year 1900–2100, then '.', '-' or '/' and a month 1–12, then
// nothing, a day, a range or 前/止 ("2023.07-2024.01", "2025-12-31", "2024/6/30前"). A decimal
// with a unit ("2023.07万元") is not a date.
bool StartsWithCalendarDate(const std::string& s) {
  if (s.size() < 6) return false;
  for (int i = 0; i < 4; ++i)
    if (!IsDigit(s[i])) return false;
  int year = std::stoi(s.substr(0, 4));
  if (year < 1900 || year > 2100 || (s[4] != '.' && s[4] != '-' && s[4] != '/')) return false;
  size_t j = 5;
  int month = 0;
  while (j < s.size() && j < 7 && IsDigit(s[j])) month = month * 10 + (s[j++] - '0');
  if (j == 5 || month < 1 || month > 12) return false;
  std::string rest = s.substr(j);
  if (rest.empty()) return true;
  for (const char* next : {".", "-", "/", "—", "~", "～", "至", "到", "前", "止", "日", "底"})
    if (StartsWith(rest, next)) return true;
  return false;
}

// Whether, with digits, separators and date words removed, nothing is left.
bool OnlyDateWords(const std::string& s) {
  static const char* kWords[] = {"每年",   "年度",   "年底", "年末",   "月底", "月末", "季度",
                                 "上半年", "下半年", "全年", "工作日", "年",   "月",   "日",
                                 "号",     "底",     "前",   "末",     "至",   "到",   "起",
                                 "止",     "—",      "～",   "~",      "-",    ".",    "/",
                                 " ",      "、",     "(",    ")",      "（",   "）"};
  for (size_t i = 0; i < s.size();) {
    if (IsDigit(s[i])) {
      ++i;
      continue;
    }
    bool word = false;
    for (const char* w : kWords) {
      if (s.compare(i, std::string(w).size(), w) == 0) {
        i += std::string(w).size();
        word = true;
        break;
      }
    }
    if (!word) return false;
  }
  return true;
}

// Chinese characters (U+4E00–U+9FFF) in a text: a unit has a few, prose more.
size_t CjkCount(const std::string& s) {
  size_t n = 0;
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c >> 4) != 14) continue;
    unsigned cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                  (static_cast<unsigned char>(s[i + 2]) & 0x3F);
    n += cp >= 0x4E00 && cp <= 0x9FFF;
    i += 2;
  }
  return n;
}

}  // namespace

Value Value::Parse(const std::string& raw) {
  Value v;
  v.typed = StripPendingMarker(raw);
  // Full-width figures are read half-width (core/half_width.h): every message and suggestion shows
  // the reading, and T31 tells the unit at the cell.
  const HalfWidthReading wide = ReadHalfWidth(v.typed);
  v.text = wide.error.empty() ? wide.text : v.typed;
  v.full_width = wide.changed && wide.error.empty();
  if (v.text.empty() || v.text == "-" || v.text == "—" || v.text == "/") return v;
  v.blank = false;
  if (!wide.error.empty()) {
    v.unreadable = true;  // "１，５": a thousands separator or a decimal point, not guessed
    return v;
  }
  // The case reader's reading of sentences and comparator words first ("辖区企业满意率达95%以上。"
  // is "≥95%", "15万元。" is "15万元"): one reader, one meaning (issue 23).
  std::string s = NormalizeWidth(NormalizeComparatorWords(v.text));
  v.has_date = MentionsDate(s);
  bool calendar = StartsWithCalendarDate(s);
  v.has_date = v.has_date || calendar;
  // Set on the returns below where the value is not read as a number ("5年" is a duration).
  const bool pure_date = v.has_date && OnlyDateWords(s);
  v.has_amount = NumberFollowedBy(s, {"元", "万元", "亿元"});
  // "±3%以内" is a tolerance: ≤3%.
  bool tolerance = StartsWith(s, "±") || StartsWith(s, "+-");
  if (tolerance) s = s.substr(StartsWith(s, "±") ? std::string("±").size() : 2);
  std::optional<CompareOp> suffix_op;
  for (const auto& [word, op] :
       {std::pair{"以上", CompareOp::kGe}, std::pair{"及以上", CompareOp::kGe},
        std::pair{"以下", CompareOp::kLe}, std::pair{"以内", CompareOp::kLe},
        std::pair{"之内", CompareOp::kLe}}) {
    if (EndsWith(s, word)) {
      s = Trim(s.substr(0, s.size() - std::string(word).size()));
      suffix_op = op;
      break;
    }
  }
  if (calendar) {
    v.date_only = pure_date;
    return v;  // a date, not a decimal
  }
  // Comparator, then a leading number, then the unit (glued, bracketed or absent).
  static const std::pair<const char*, CompareOp> kOps[] = {
      {"≥", CompareOp::kGe},      {">=", CompareOp::kGe},       {"≤", CompareOp::kLe},
      {"<=", CompareOp::kLe},     {">", CompareOp::kGt},        {"<", CompareOp::kLt},
      {"==", CompareOp::kEq},     {"=", CompareOp::kEq},        {"不低于", CompareOp::kGe},
      {"不少于", CompareOp::kGe}, {"大于等于", CompareOp::kGe}, {"达到", CompareOp::kGe},
      {"至少", CompareOp::kGe},   {"不超过", CompareOp::kLe},   {"不高于", CompareOp::kLe},
      {"不多于", CompareOp::kLe}, {"不大于", CompareOp::kLe},   {"小于等于", CompareOp::kLe},
      {"控制在", CompareOp::kLe}, {"低于", CompareOp::kLt},     {"少于", CompareOp::kLt},
      {"高于", CompareOp::kGt},   {"超过", CompareOp::kGt},     {"大于", CompareOp::kGt},
      {"小于", CompareOp::kLt},   {"等于", CompareOp::kEq}};
  CompareOp op = CompareOp::kEq;
  bool op_written = false;
  for (const auto& [symbol, o] : kOps) {
    if (StartsWith(s, symbol)) {
      op = o;
      op_written = true;
      s = Trim(s.substr(std::string(symbol).size()));
      break;
    }
  }
  // "各1次" (年度、半年 各1次): the count for each.
  if (StartsWith(s, "各") && s.size() > 3 && IsDigit(Trim(s.substr(3))[0])) s = Trim(s.substr(3));
  size_t end = 0;
  std::string digits;
  while (end < s.size() &&
         (IsDigit(s[end]) || s[end] == '.' || s[end] == ',' || (end == 0 && s[end] == '-'))) {
    if (s[end] != ',') digits += s[end];
    ++end;
  }
  std::optional<Rational> number;
  try {
    if (!digits.empty() && digits != "-") number = Rational::Parse(digits);
  } catch (const std::exception&) {
    number.reset();
  }
  if (!number) {
    v.unreadable = !digits.empty() && digits != "-";
    v.date_only = pure_date;
    return v;  // qualitative, or a number that cannot be read
  }
  std::string unit = Trim(s.substr(end));
  for (auto [open, close] : {std::pair{"(", ")"}, std::pair{"（", "）"}}) {
    if (StartsWith(unit, open) && EndsWith(unit, close)) {
      unit = Trim(unit.substr(std::string(open).size(),
                              unit.size() - std::string(open).size() - std::string(close).size()));
      break;
    }
  }
  // "2021年全年", "12月底到位", "2021年1月-12月" are dates, not quantities; "≥20年" is a duration.
  bool year = *number >= Rational(1900) && *number <= Rational(2100) && number->den() == 1 &&
              StartsWith(unit, "年");
  bool month_day = (StartsWith(unit, "月") && unit != "月") ||
                   (StartsWith(unit, "日") && unit != "日" && !StartsWith(unit, "日内"));
  if (year || month_day) {
    v.date_only = pure_date;
    return v;
  }
  // A range (18—54周岁, 5-10个工作日) is not one number, and prose after a number
  // (1-6期培训结束后及时考核) is no unit: both are read as text.
  bool range = false;
  for (const char* dash : {"-", "—", "–", "~", "～", "至", "到"})
    if (StartsWith(unit, dash) && unit.size() > std::string(dash).size() &&
        IsDigit(unit[std::string(dash).size()]))
      range = true;
  if (range || CjkCount(unit) > 6) {
    v.date_only = pure_date;
    return v;
  }
  v.numeric = true;
  v.number = *number;
  v.op = op;
  v.op_written = op_written;
  if (!v.op_written && (suffix_op || tolerance)) {
    v.op = tolerance ? CompareOp::kLe : *suffix_op;
    v.op_written = true;
  }
  v.unit = unit;
  if (v.unit == "％" || v.unit == "百分比" || v.unit == "百分点" || StartsWith(v.unit, "%"))
    v.unit = "%";  // "100%合格" is a rate
  return v;
}

std::string Value::WithComparator(const std::string& op_symbol) const { return op_symbol + text; }

}  // namespace jixiao::targets
