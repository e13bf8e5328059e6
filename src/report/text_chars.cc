// The context rules of text_chars.h: where a blank between Chinese characters is kept (joint
// issuers) and where a dash is a numeric range's (then written ～).
#include "report/text_chars.h"

namespace jixiao::report {
namespace {

bool EndsWith32(const std::u32string& s, const std::u32string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

bool JointIssuerBlank(const std::u32string& before) {
  if (EndsWith32(before, U"中共中央")) return true;
  size_t open = before.rfind(U'《');
  if (open == std::u32string::npos) return false;
  size_t close = before.rfind(U'》');
  if (close != std::u32string::npos && close > open) return false;
  static const std::u32string kIssuers[] = {U"中央",   U"国务院", U"办公厅", U"部",
                                            U"委员会", U"委",     U"局",     U"署",
                                            U"政府",   U"银行",   U"法院",   U"检察院"};
  for (const auto& tail : kIssuers)
    if (EndsWith32(before, tail)) return true;
  return false;
}

bool StrayBlank(const std::u32string& before, char32_t next) {
  if (before.empty() || !next || JointIssuerBlank(before)) return false;
  char32_t prev = before.back();
  if (IsDigit(prev) && IsHan(next)) {
    size_t j = before.size();
    while (j > 0 && (IsDigit(before[j - 1]) || IsLatin(before[j - 1]))) --j;
    for (size_t k = j; k < before.size(); ++k)
      if (IsLatin(before[k])) return false;  // an indicator code: A11, C41
    return true;
  }
  return (IsHan(prev) && IsHan(next)) || IsWidePunct(prev) || IsWidePunct(next) ||
         (prev == U'%' && IsHan(next));
}

bool RangeDash(const std::u32string& s, size_t i) {
  static const std::u32string kDashes = U"-–—~－";
  if (kDashes.find(s[i]) == std::u32string::npos || i + 1 >= s.size() || !IsDigit(s[i + 1]))
    return false;
  size_t j = i;
  if (j >= 3 && s.compare(j - 3, 3, U"（含）") == 0) j -= 3;
  if (j >= 1 && (s[j - 1] == U'%' || s[j - 1] == U'分' || s[j - 1] == U'元')) --j;
  size_t end = j;
  while (j > 0 && (IsDigit(s[j - 1]) || s[j - 1] == U'.')) --j;
  if (j == end) return false;
  while (j > 0 && IsSpace(s[j - 1])) --j;  // 附件 6-2
  if (j > 0 && std::u32string(U"件表图-–—～〔.").find(s[j - 1]) != std::u32string::npos)
    return false;
  size_t k = i + 1;
  while (k < s.size() && (IsDigit(s[k]) || s[k] == U'.')) ++k;
  return k >= s.size() || kDashes.find(s[k]) == std::u32string::npos;
}

}  // namespace jixiao::report
