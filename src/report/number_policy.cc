#include "report/number_policy.h"

#include <cctype>

#include "core/text.h"
#include "report/utf32.h"

namespace jixiao::report {
namespace {

bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

std::u32string Grouped(const std::u32string& integer) {
  std::u32string out;
  for (size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) out.push_back(U',');
    out.push_back(integer[i]);
  }
  return out;
}

bool Follows(const std::u32string& s, size_t at, const std::u32string& word) {
  return s.compare(at, word.size(), word) == 0;
}

}  // namespace

namespace {

// The amount unit ("元" or "万元") that the number ending at `at` carries: directly, after blanks
// ("2800 元"), or as the first end of a range ("2000-3000元"); empty when it is no amount.
// `unit_at` is where the unit (or the range sign) begins.
std::u32string AmountUnit(const std::u32string& s, size_t at, size_t& unit_at) {
  size_t k = at;
  while (k < s.size() && s[k] == U' ') ++k;
  unit_at = k;
  if (Follows(s, k, U"万元")) return U"万元";
  if (Follows(s, k, U"元")) return U"元";
  static const std::u32string kRange = U"-–—～~至";
  if (at + 1 < s.size() && kRange.find(s[at]) != std::u32string::npos && IsDigit(s[at + 1])) {
    size_t end = at + 1;
    while (end < s.size() && (IsDigit(s[end]) || s[end] == U',' || s[end] == U'.')) ++end;
    size_t ignored;
    unit_at = at;
    return AmountUnit(s, end, ignored);
  }
  return U"";
}

// The first character of a counting unit: 人, 人次, 餐次, 单, 份, 户, 个, 家, 批次… (never 年, 月,
// 日, 号, 元: a year, a date or a 文号 is not a count).
bool IsCountUnit(char32_t c) {
  static const std::u32string kUnits =
      U"人户个家份单餐次批件项名天套台张册盒辆所座处间床吨条株亩只头本场例位";
  return kUnits.find(c) != std::u32string::npos;
}

// A blank beside the “/” of a rate ("13万元 /人", "3元/ 餐"): dropped.
bool BlankInRate(const std::u32string& out, const std::u32string& s, size_t i) {
  if (out.empty()) return false;
  if (out.back() == U'/') return out.size() >= 2 && out[out.size() - 2] == U'元';
  if (out.back() != U'元') return false;
  size_t k = i;
  while (k < s.size() && s[k] == U' ') ++k;
  return k < s.size() && s[k] == U'/';
}

// Whether the amount starting at `start`, whose unit ends at `unit_end`, quotes a standard, limit
// or rate of a policy (issue 22): its clause (back to the last 。，！？ or line start) names one
// (标准, 限额, 每人, 不超过…), or the amount is followed by 以上部分/以下/以内 or by the “/” of a
// rate.
bool QuotesStandard(const std::u32string& s, size_t start, size_t unit_end) {
  size_t k = unit_end;
  while (k < s.size() && s[k] == U' ') ++k;
  for (const char32_t* after : {U"/", U"以上", U"以下", U"以内"})
    if (Follows(s, k, after)) return true;
  static const std::u32string kClauseEnd = U"。，！？\n";
  size_t from = start;
  while (from > 0 && kClauseEnd.find(s[from - 1]) == std::u32string::npos) --from;
  std::u32string clause;  // quoted names (“…农民个人缴费补助资金”, 《…》) name no standard
  int quoted = 0;
  for (size_t k = from; k < start; ++k) {
    if (s[k] == U'“' || s[k] == U'《') ++quoted;
    if (quoted == 0) clause.push_back(s[k]);
    if ((s[k] == U'”' || s[k] == U'》') && quoted > 0) --quoted;
  }
  static const char32_t* kWords[] = {U"标准", U"限额",   U"每人",   U"每户",   U"每餐", U"每单",
                                     U"每次", U"每名",   U"每位",   U"每件",   U"每床", U"每日",
                                     U"每天", U"不超过", U"不低于", U"不高于", U"最高", U"最低",
                                     U"起付", U"封顶",   U"筹资",   U"定额"};
  for (const char32_t* word : kWords)
    if (clause.find(word) != std::u32string::npos) return true;
  // A person's own contribution (个人缴费130元, 个人在参保时缴纳120元) is a standard too; a
  // 缴费 without 个人 (集中缴费期…医保资金32880元) is money paid.
  if (clause.find(U"个人") != std::u32string::npos && clause.find(U"缴") != std::u32string::npos)
    return true;
  return false;
}

// One pass over the text: percentages and amounts respelled, quoted text kept as written.
std::u32string Respell(const std::u32string& s) {
  std::u32string out;
  size_t i = 0;
  int quoted = 0;  // inside “…” or 《…》 the text is quoted as written
  while (i < s.size()) {
    if (s[i] == U'“' || s[i] == U'《') ++quoted;
    if ((s[i] == U'”' || s[i] == U'》') && quoted > 0) --quoted;
    if (s[i] == U' ' && quoted == 0 && BlankInRate(out, s, i)) {
      ++i;
      continue;
    }
    bool starts = quoted == 0 && IsDigit(s[i]) &&
                  (i == 0 || (!IsDigit(s[i - 1]) && s[i - 1] != U'.' && s[i - 1] != U',' &&
                              !(s[i - 1] < 0x80 && std::isalpha(static_cast<int>(s[i - 1])))));
    if (!starts) {
      out.push_back(s[i++]);
      continue;
    }
    size_t j = i;
    std::u32string integer, decimals;
    bool had_separator = false, had_point = false;
    while (j < s.size() && (IsDigit(s[j]) || (s[j] == U',' && j + 3 < s.size() + 1 &&
                                              j + 1 < s.size() && IsDigit(s[j + 1])))) {
      if (s[j] == U',')
        had_separator = true;
      else
        integer.push_back(s[j]);
      ++j;
    }
    if (j + 1 < s.size() && s[j] == U'.' && IsDigit(s[j + 1])) {
      had_point = true;
      ++j;
      while (j < s.size() && IsDigit(s[j])) decimals.push_back(s[j++]);
    }
    std::u32string original = s.substr(i, j - i), replacement = original;
    char32_t before = i > 0 ? s[i - 1] : 0;
    size_t unit_at = j;
    std::u32string unit;
    if (j < s.size() && s[j] == U'%') {
      bool measured = before == U'为' || before == U'达' || before == U'率' || before == U'至';
      if (decimals.size() == 1 || (decimals.empty() && !had_point && measured))
        replacement = integer + U"." + (decimals.empty() ? U"00" : decimals + U"0");
    } else if (!(unit = AmountUnit(s, j, unit_at)).empty()) {
      if (QuotesStandard(s, i, unit_at + unit.size())) {
        // A standard, limit or rate quoted from a policy (限额2800元/人, 每人每年150元, 不超过
        // 30000元) reads as the policy writes it: no separators, no added zero decimals.
        bool zeros = decimals.find_first_not_of(U'0') == std::u32string::npos;
        replacement = integer + (zeros ? U"" : U"." + decimals);
      } else {
        // An amount spent, budgeted or computed: two decimals and separators; more decimals
        // would change the value.
        size_t most_digits = unit == U"元" ? 15 : 11;
        if (decimals.size() <= 2 && integer.size() <= most_digits)
          replacement =
              Grouped(integer) + U"." + decimals + std::u32string(2 - decimals.size(), U'0');
      }
      j = unit_at;  // a blank between the number and its unit is dropped
    } else if (integer.size() >= 4 && !had_separator && j < s.size() && IsCountUnit(s[j]) &&
               before != U'第' && before != U'〔' && before != U'[' && before != U'（' &&
               before != U'(' && before != U'-' && before != U'—') {
      // "219000餐次" -> "219,000餐次", "3126人" -> "3,126人": counts carry separators like amounts.
      replacement = Grouped(integer) + (had_point ? U"." + decimals : U"");
    }
    out += replacement;
    i = j;
  }
  return out;
}

}  // namespace

std::string NormalizeFigures(const std::string& text) { return Encode(Respell(Decode(text))); }

std::string NormalizeValue(const std::string& value) {
  std::u32string s = Decode(Trim(value));
  if (s.size() < 2 || s.back() != U'%') return NormalizeFigures(value);
  size_t digits = 0, points = 0;
  for (size_t k = 0; k + 1 < s.size(); ++k) {
    if (IsDigit(s[k]))
      ++digits;
    else if (s[k] == U'.')
      ++points;
    else
      return value;
  }
  if (digits == 0 || points > 1) return value;
  std::string number = Encode(s.substr(0, s.size() - 1));
  size_t dot = number.find('.');
  size_t places = dot == std::string::npos ? 0 : number.size() - dot - 1;
  if (places >= 2) return value;
  return number + (dot == std::string::npos ? "." : "") + std::string(2 - places, '0') + "%";
}

}  // namespace jixiao::report
