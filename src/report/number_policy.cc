#include "report/number_policy.h"

#include <cctype>
#include <vector>

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

bool EndsSentence(char32_t c) { return c == U'。' || c == U'！' || c == U'？' || c == U'\n'; }

// One pass over the text. `amounts[k]` tells whether sentence k holds a 元 amount that needs
// separators or decimals; with `listed` given, a small integer amount in such a sentence is
// respelled too, so that one list reads alike ("2,610.00元……500.00元").
std::u32string Respell(const std::u32string& s, std::vector<bool>& amounts,
                       const std::vector<bool>* listed) {
  std::u32string out;
  size_t i = 0, sentence = 0;
  int quoted = 0;  // inside “…” or 《…》 the text is quoted as written
  auto in_list = [&]() { return listed && sentence < listed->size() && (*listed)[sentence]; };
  while (i < s.size()) {
    if (EndsSentence(s[i])) {
      ++sentence;
      if (amounts.size() <= sentence) amounts.resize(sentence + 1, false);
    }
    if (s[i] == U'“' || s[i] == U'《') ++quoted;
    if ((s[i] == U'”' || s[i] == U'》') && quoted > 0) --quoted;
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
    if (j < s.size() && s[j] == U'%') {
      bool measured = before == U'为' || before == U'达' || before == U'率' || before == U'至';
      if (decimals.size() == 1 || (decimals.empty() && !had_point && measured))
        replacement = integer + U"." + (decimals.empty() ? U"00" : decimals + U"0");
    } else if (Follows(s, j, U"万元") && !Follows(s, j + 2, U"/") && !Follows(s, j + 2, U" /")) {
      if (decimals.size() < 2 && integer.size() <= 9)
        replacement =
            Grouped(integer) + U"." + decimals + std::u32string(2 - decimals.size(), U'0');
    } else if (Follows(s, j, U"元") && !Follows(s, j + 1, U"/")) {
      bool large = integer.size() >= 4 || had_point || had_separator;
      if (large) {
        if (amounts.size() <= sentence) amounts.resize(sentence + 1, false);
        amounts[sentence] = true;
      }
      // "每餐3元", "每人每年150元": a rate per unit, not an amount of the list.
      bool per_unit = (i >= 1 && s[i - 1] == U'每') || (i >= 2 && s[i - 2] == U'每');
      if ((large || (in_list() && !per_unit)) && decimals.size() <= 2 && integer.size() <= 15)
        replacement =
            Grouped(integer) + U"." + decimals + std::u32string(2 - decimals.size(), U'0');
    }
    out += replacement;
    i = j;
  }
  return out;
}

}  // namespace

std::string NormalizeFigures(const std::string& text) {
  std::u32string s = Decode(text);
  std::vector<bool> amounts(1, false);
  Respell(s, amounts, nullptr);
  std::vector<bool> scratch(1, false);
  return Encode(Respell(s, scratch, &amounts));
}

std::string NormalizeValue(const std::string& value) {
  std::u32string s = Decode(Trim(value));
  if (s.size() < 2 || s.back() != U'%') return value;
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
