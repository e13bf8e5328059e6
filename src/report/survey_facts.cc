#include "report/survey_facts.h"

#include <algorithm>
#include <optional>

#include "core/format.h"
#include "report/utf32.h"

namespace jixiao::report {
namespace {

bool Has(const std::u32string& t, const std::u32string& word) {
  return t.find(word) != std::u32string::npos;
}

bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// A figure followed by one of `units` within `window` characters after some `word`
// ("发放问卷200份", "有效问卷196份").
bool FigureAfter(const std::u32string& t, const std::u32string& word, size_t window,
                 const std::u32string& units) {
  for (size_t at = t.find(word); at != std::u32string::npos; at = t.find(word, at + 1)) {
    size_t end = std::min(t.size(), at + word.size() + window);
    for (size_t k = at + word.size(); k < end; ++k) {
      if (!IsDigit(t[k])) continue;
      size_t j = k;
      while (j < t.size() && (IsDigit(t[j]) || t[j] == U',')) ++j;
      if (j < t.size() && units.find(t[j]) != std::u32string::npos) return true;
      k = j;
    }
  }
  return false;
}

bool SamplingMethodStated(const std::u32string& t) {
  for (const char32_t* w : {U"抽样", U"随机", U"普查", U"全覆盖", U"分层", U"整群"})
    if (Has(t, w)) return true;
  return false;
}

// The body's paragraphs that describe how the survey was done: lines that name 问卷 and how it
// was handed out (发放, 抽样, 开展问卷调查, 问卷调研), those of 过程 first. Key and line span each.
struct Where {
  std::string key;
  size_t begin = 0, end = 0;
};
std::vector<Where> SurveyParagraphs(const Case& c) {
  std::vector<std::string> keys = {"process"};
  for (const auto& [key, text] : c.narrative)
    if (key != "process") keys.push_back(key);
  std::vector<Where> out;
  for (const auto& key : keys) {
    auto it = c.narrative.find(key);
    if (it == c.narrative.end()) continue;
    const std::string& text = it->second;
    for (size_t begin = 0; begin < text.size();) {
      size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      std::u32string line = Decode(text.substr(begin, end - begin));
      bool describes = Has(line, U"问卷") && (Has(line, U"发放") || Has(line, U"抽样") ||
                                              Has(line, U"开展问卷调查") || Has(line, U"问卷调研"));
      if (describes && line.size() > 20 && line[0] != U'#') out.push_back(Where{key, begin, end});
      begin = end + 1;
    }
  }
  return out;
}

// Where a sentence goes in a paragraph: before a closing “（见附件…）” if it ends with one.
size_t BeforeClosingReference(const std::string& line) {
  for (const char* open : {"（见附件", "（详见附件"}) {
    size_t at = line.rfind(open);
    if (at != std::string::npos && line.find("）", at) == line.size() - std::string("）").size())
      return at;
  }
  return line.size();
}

std::string TodoLine(const std::vector<std::string>& missing) {
  std::string what;
  for (const auto& m : missing) what += (what.empty() ? "" : "、") + m;
  return "【待补充：" + what + "】";
}

}  // namespace

std::vector<std::string> MissingSurveyFacts(const std::string& text, bool annex) {
  std::u32string t = Decode(text);
  std::vector<std::string> out;
  bool sample = false;
  for (const char32_t* w : {U"发放", U"回收", U"样本", U"共", U"抽取", U"调查了"})
    sample = sample || FigureAfter(t, w, 12, U"份人户名");
  if (!sample) out.push_back("样本量");
  if (!FigureAfter(t, U"有效", 8, U"份")) out.push_back("有效问卷数");
  if (!SamplingMethodStated(t)) out.push_back("抽样方式");
  if (annex) {
    bool questions = Has(t, U"题目") || Has(t, U"Q1");
    for (size_t at = t.find(U"第"); !questions && at != std::u32string::npos;
         at = t.find(U"第", at + 1))
      questions = at + 2 < t.size() && IsDigit(t[at + 1]) && t[at + 2] == U'题';
    if (!questions) out.push_back("问卷题目");
    if (!Has(t, U"计算")) out.push_back("计算方法");
  }
  return out;
}

Case WithSurveyFacts(const Case& c, const SurveyStats* stats) {
  Case out = c;
  // What the body leaves unsaid across all its survey paragraphs goes after the first of them.
  auto paragraphs = SurveyParagraphs(c);
  if (!paragraphs.empty()) {
    std::string said;
    for (const auto& p : paragraphs) said += c.narrative.at(p.key).substr(p.begin, p.end - p.begin);
    auto missing = MissingSurveyFacts(said, false);
    bool counts_missing = false;
    for (const auto& m : missing) counts_missing = counts_missing || m != "抽样方式";
    const Where& where = paragraphs.front();
    std::string& text = out.narrative[where.key];
    if (stats && stats->total > 0 && counts_missing) {
      std::string line = text.substr(where.begin, where.end - where.begin);
      std::string sentence = "共回收问卷" + FormatQuantity(Rational(stats->total), "份") +
                             "，其中有效问卷" + FormatQuantity(Rational(stats->valid), "份") +
                             "，有效率" + FormatPercent(stats->valid_percent) + "。";
      line.insert(BeforeClosingReference(line), sentence);
      text.replace(where.begin, where.end - where.begin, line);
    } else if (!stats && !missing.empty()) {
      text.insert(where.end, "\n\n" + TodoLine(missing));
    }
  }
  if (stats) return out;  // the generated annex prints the survey's figures
  for (auto& a : out.attachments) {
    if (a.external || !NamesSurveyReport(a.title)) continue;
    auto missing = MissingSurveyFacts(a.text, true);
    if (missing.empty()) continue;
    // After the 调查概况 (before the annex's second top-level heading), else at its end.
    size_t first = a.text.rfind("# ", 0) == 0 ? 0 : a.text.find("\n# ");
    size_t second = first == std::string::npos ? first : a.text.find("\n# ", first + 1);
    std::string todo = TodoLine(missing) + "\n";
    if (second == std::string::npos)
      a.text += "\n\n" + todo;
    else
      a.text.insert(second + 1, todo + "\n");
  }
  return out;
}

}  // namespace jixiao::report
