#include "core/quantity.h"

#include <cstdint>
#include <vector>

namespace jixiao {
namespace {

std::string TrimAscii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The scalable unit families: name → factor to the family's base unit.
struct UnitScale {
  const char* name;
  int64_t factor;
  int family;
};
const UnitScale kScales[] = {
    {"元", 1, 0},       {"万元", 10000, 0}, {"亿元", 100000000, 0}, {"人", 1, 1},
    {"万人", 10000, 1}, {"人次", 1, 2},     {"万人次", 10000, 2},
};

const UnitScale* FindScale(const std::string& unit) {
  for (const auto& s : kScales)
    if (unit == s.name) return &s;
  return nullptr;
}

std::optional<Rational> SimpleFactor(const std::string& from, const std::string& to) {
  if (from == to) return Rational(1);
  const UnitScale* a = FindScale(from);
  const UnitScale* b = FindScale(to);
  if (!a || !b || a->family != b->family) return std::nullopt;
  return Rational(a->factor, b->factor);
}

std::vector<std::string> SplitSlash(const std::string& unit) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t slash = unit.find('/', start);
    parts.push_back(TrimAscii(std::string_view(unit).substr(start, slash - start)));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return parts;
}

}  // namespace

std::string NormalizeWidth(std::string_view text) {
  // Works on UTF-8 bytes: U+FF01..U+FF5E are EF BC 81..EF BC BF and EF BD 80..EF BD 9E.
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
    if (i + 2 < text.size() && b(0) == 0xEF && b(1) == 0xBC && b(2) >= 0x81 && b(2) <= 0xBF) {
      out += static_cast<char>(0x21 + (b(2) - 0x81));
      i += 2;
    } else if (i + 2 < text.size() && b(0) == 0xEF && b(1) == 0xBD && b(2) >= 0x80 &&
               b(2) <= 0x9E) {
      out += static_cast<char>(0x60 + (b(2) - 0x80));
      i += 2;
    } else if (i + 2 < text.size() && b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) {
      out += ' ';  // U+3000 ideographic space
      i += 2;
    } else if (i + 2 < text.size() && b(0) == 0xE2 && b(1) == 0x88 && b(2) == 0x92) {
      out += '-';  // U+2212 minus sign
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

QuantityParse ParseQuantity(std::string_view raw) {
  std::string text = TrimAscii(NormalizeWidth(raw));
  QuantityParse result;
  if (text.empty()) {
    result.error = "值为空";
    return result;
  }
  size_t i = 0;
  bool negative = false;
  if (text[i] == '-' || text[i] == '+') {
    negative = text[i] == '-';
    ++i;
  }
  std::string digits;  // integer digits without separators
  size_t group_len = 0;
  bool grouped = false;
  size_t first_group = 0;
  while (i < text.size() && (IsDigit(text[i]) || text[i] == ',')) {
    if (text[i] == ',') {
      if (digits.empty()) break;
      if (!grouped) {
        first_group = group_len;
        grouped = true;
      } else if (group_len != 3) {
        result.error = "千分位逗号须每三位数字一组（如 1,568.99），“" + text + "”无法确定数值";
        return result;
      }
      group_len = 0;
      ++i;
      continue;
    }
    digits += text[i];
    ++group_len;
    ++i;
  }
  bool bad_groups = group_len != 3 || first_group < 1 || first_group > 3 || digits[0] == '0';
  if (grouped && bad_groups) {
    result.error = "千分位逗号须每三位数字一组（如 1,568.99），“" + text + "”无法确定数值";
    return result;
  }
  std::string fraction;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && IsDigit(text[i])) fraction += text[i++];
    if (fraction.empty()) {
      result.error = "小数点后缺少数字：“" + text + "”";
      return result;
    }
  }
  if (digits.empty() && fraction.empty()) {
    result.error = "“" + text + "”不是数值（应以数字开头，如 99.2%、1,568.99万元）";
    return result;
  }
  if (i < text.size() && (text[i] == ',' || text[i] == '.' || text[i] == '/')) {
    result.error = "“" + text + "”不是一个确定的数值（多余的“" + std::string(1, text[i]) +
                   "”；分数、多个小数点都不接受）";
    return result;
  }
  auto number = Rational::Parse((negative ? "-" : "") + (digits.empty() ? "0" : digits) +
                                (fraction.empty() ? "" : "." + fraction));
  if (!number) {
    result.error = "“" + text + "”超出可精确表示的数值范围";
    return result;
  }
  std::string unit = TrimAscii(std::string_view(text).substr(i));
  if (unit.size() >= 2 && unit.front() == '(' && unit.back() == ')')
    unit = TrimAscii(std::string_view(unit).substr(1, unit.size() - 2));
  for (char c : unit) {
    if (IsDigit(c)) {
      result.error = "“" + text + "”在单位“" + unit + "”中还含有数字，无法确定数值";
      return result;
    }
  }
  result.quantity = Quantity{*number, unit};
  return result;
}

std::optional<Rational> UnitFactor(const std::string& from, const std::string& to) {
  if (from == to) return Rational(1);
  std::vector<std::string> a = SplitSlash(from), b = SplitSlash(to);
  if (a.size() != b.size() || a.size() > 2) return std::nullopt;
  auto top = SimpleFactor(a[0], b[0]);
  if (!top) return std::nullopt;
  if (a.size() == 1) return top;
  auto bottom = SimpleFactor(a[1], b[1]);
  if (!bottom) return std::nullopt;
  return *top / *bottom;
}

std::optional<Rational> ToUnit(const Quantity& q, const std::string& unit, std::string* error) {
  if (q.unit.empty() || q.unit == unit) return q.value;
  auto factor = UnitFactor(q.unit, unit);
  if (!factor) {
    if (error)
      *error = "单位“" + q.unit + "”与应有的单位“" + (unit.empty() ? "无单位" : unit) +
               "”不一致，且两者之间没有确定的换算（只换算 元/万元/亿元、人/万人、人次/万人次）";
    return std::nullopt;
  }
  return q.value * *factor;
}

std::optional<CalendarDay> ParseCalendarDay(std::string_view raw) {
  std::string text = TrimAscii(NormalizeWidth(raw));
  auto read = [&](size_t& i, size_t min, size_t max, int& out) {
    size_t start = i;
    out = 0;
    while (i < text.size() && IsDigit(text[i]) && i - start < max)
      out = out * 10 + (text[i++] - '0');
    return i - start >= min && (i >= text.size() || !IsDigit(text[i]));
  };
  CalendarDay d;
  size_t i = 0;
  if (!read(i, 4, 4, d.year)) return std::nullopt;
  auto eat = [&](std::string_view s) {
    if (text.compare(i, s.size(), s) != 0) return false;
    i += s.size();
    return true;
  };
  bool ok = false;
  for (std::string_view sep : {"-", "/", "."}) {
    if (eat(sep)) {
      ok = read(i, 1, 2, d.month) && eat(sep) && read(i, 1, 2, d.day) && i == text.size();
      break;
    }
  }
  if (!ok && eat("年")) {
    ok = read(i, 1, 2, d.month) && eat("月") && read(i, 1, 2, d.day) && eat("日") &&
         i == text.size();
  }
  if (!ok || d.month < 1 || d.month > 12 || d.day < 1 || d.year < 1900 || d.year > 2200)
    return std::nullopt;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.day > kDays[d.month - 1] || (d.month == 2 && d.day == 29 && !leap)) return std::nullopt;
  return d;
}

}  // namespace jixiao
