#include "targets/terms.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace jixiao::targets {
namespace {

// UTF-8 characters of the CJK ideograph block; everything else separates words.
std::vector<std::vector<std::string>> CjkRuns(const std::string& s) {
  std::vector<std::vector<std::string>> runs(1);
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    bool cjk = false;
    if (len == 3 && i + 2 < s.size()) {
      unsigned cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                    (static_cast<unsigned char>(s[i + 2]) & 0x3F);
      cjk = cp >= 0x4E00 && cp <= 0x9FFF;
    }
    if (cjk) {
      runs.back().push_back(s.substr(i, len));
    } else if (!runs.back().empty()) {
      runs.emplace_back();
    }
    i += len;
  }
  return runs;
}

}  // namespace

std::set<std::string> KeyTerms(const std::string& name) {
  static const std::set<std::string> kGeneric = {"人数", "人次", "数量", "次数", "户数", "个数",
                                                 "指标", "项目", "完成", "其中", "情况", "工作"};
  std::set<std::string> terms;
  // Latin words name things too (WIFI, LED, APP): one term each, in capitals.
  std::string word;
  for (size_t i = 0; i <= name.size(); ++i) {
    char ch = i < name.size() ? name[i] : ' ';
    if (std::isalpha(static_cast<unsigned char>(ch))) {
      word += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    } else {
      if (word.size() >= 2) terms.insert(word);
      word.clear();
    }
  }
  for (const auto& run : CjkRuns(name))
    for (size_t i = 0; i + 1 < run.size(); ++i) {
      std::string bigram = run[i] + run[i + 1];
      if (!kGeneric.count(bigram)) terms.insert(bigram);
    }
  return terms;
}

namespace {
std::set<std::string> TermsBut(const std::string& name, const std::set<std::string>& ignore) {
  auto terms = KeyTerms(name);
  for (const auto& t : ignore) terms.erase(t);
  return terms;
}
}  // namespace

double Similarity(const std::string& a, const std::string& b, const std::set<std::string>& ignore) {
  auto ta = TermsBut(a, ignore), tb = TermsBut(b, ignore);
  if (ta.empty() || tb.empty()) return 0;
  size_t shared = 0;
  for (const auto& t : ta) shared += tb.count(t);
  if (shared < 2) return 0;
  return static_cast<double>(shared) / static_cast<double>(std::min(ta.size(), tb.size()));
}

bool SameThing(const std::string& a, const std::string& b, const std::set<std::string>& ignore) {
  auto ta = TermsBut(a, ignore), tb = TermsBut(b, ignore);
  size_t shared = 0;
  for (const auto& t : ta) shared += tb.count(t);
  double ratio = Similarity(a, b, ignore);
  return (shared >= 3 && ratio >= 0.34) || (shared >= 2 && ratio >= 0.6);
}

namespace {
// A name as its characters (UTF-8 sequences), CJK ones marked.
struct Chars {
  std::vector<std::string> text;
  std::vector<bool> cjk;
};
Chars Split(const std::string& s) {
  Chars out;
  for (const auto& run : CjkRuns(s)) {
    for (const auto& ch : run) {
      out.text.push_back(ch);
      out.cjk.push_back(true);
    }
    out.text.push_back("|");  // a break between runs
    out.cjk.push_back(false);
  }
  return out;
}
// Whether `c` keeps two CJK characters in a row that are not `used`, in a run of the name that
// shares words with the other (a clause after a comma, 节能环保 in LED屏全覆盖,节能环保, adds a
// claim; it does not make the shared words another thing).
bool KeepsWord(const Chars& c, const std::vector<bool>& used) {
  size_t left = 0;
  bool word = false, shares = false;
  for (size_t i = 0; i < c.text.size(); ++i) {
    if (!c.cjk[i]) {  // the end of a run
      if (word && shares) return true;
      left = 0, word = shares = false;
      continue;
    }
    shares = shares || used[i];
    left = used[i] ? 0 : left + 1;
    word = word || left >= 2;
  }
  return word && shares;
}
}  // namespace

bool DifferentWords(const std::string& a, const std::string& b) {
  Chars ca = Split(a), cb = Split(b);
  std::vector<bool> ua(ca.text.size()), ub(cb.text.size());
  // Take out the longest shared run (two characters or more) again and again.
  for (;;) {
    size_t best = 0, at_a = 0, at_b = 0;
    for (size_t i = 0; i < ca.text.size(); ++i)
      for (size_t j = 0; j < cb.text.size(); ++j) {
        size_t n = 0;
        while (i + n < ca.text.size() && j + n < cb.text.size() && ca.cjk[i + n] && !ua[i + n] &&
               !ub[j + n] && ca.text[i + n] == cb.text[j + n])
          ++n;
        if (n > best) best = n, at_a = i, at_b = j;
      }
    if (best < 2) break;
    for (size_t n = 0; n < best; ++n) ua[at_a + n] = ub[at_b + n] = true;
  }
  return KeepsWord(ca, ua) && KeepsWord(cb, ub);
}

}  // namespace jixiao::targets
