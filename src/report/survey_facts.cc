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

// What `statement` supplies of `missing` ("抽样方式为…，共发放问卷200份，回收有效问卷196份，
// 有效率98.00%"), without the final stop; the facts it supplies leave `missing`.
std::string StatementClauses(const SurveyStatement& statement, std::vector<std::string>& missing) {
  auto take = [&](const char* fact, bool known) {
    auto it = std::find(missing.begin(), missing.end(), fact);
    if (it == missing.end() || !known) return false;
    missing.erase(it);
    return true;
  };
  std::string method = statement.method;
  while (EndsWith(method, "。")) method.resize(method.size() - std::string("。").size());
  std::vector<std::string> clauses;
  if (take("抽样方式", !method.empty())) clauses.push_back("抽样方式为" + method);
  bool sample = take("样本量", statement.sample.has_value());
  bool valid = take("有效问卷数", statement.valid.has_value());
  if (sample) clauses.push_back("共发放问卷" + FormatQuantity(Rational(*statement.sample), "份"));
  if (valid)
    clauses.push_back((sample ? "回收有效问卷" : "有效问卷") +
                      FormatQuantity(Rational(*statement.valid), "份"));
  if (sample && valid)
    clauses.push_back("有效率" +
                      FormatPercent(Rational(*statement.valid * 100, *statement.sample)));
  std::string out;
  for (const auto& clause : clauses) out += (out.empty() ? "" : "，") + clause;
  return out;
}

bool NamesSurvey(const std::string& source) {
  for (const char* word : {"问卷", "满意度调查", "抽样调查", "满意度测评"})
    if (source.find(word) != std::string::npos) return true;
  return false;
}

// The survey's results the case holds, "政策知晓率为98.90%", in the order the written survey
// annex names them (then by name).
std::vector<std::string> SurveyRates(const Case& c) {
  std::string annex;
  for (const auto& a : c.attachments)
    if (!a.external && NamesSurveyReport(a.title)) annex += a.text;
  std::vector<std::pair<size_t, std::string>> rates;
  for (const auto& [name, m] : c.metrics) {
    if (!NamesSurvey(m.source)) continue;
    std::string value = m.unit == "%" ? FormatPercent(m.value) : FormatQuantity(m.value, m.unit);
    rates.emplace_back(annex.find(name), name + "为" + value);
  }
  std::stable_sort(rates.begin(), rates.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (auto& r : rates) out.push_back(std::move(r.second));
  return out;
}

// `text` without the parenthesised references to attachment `number`/`title`
// (“（见附件2：问卷调查汇总分析报告）”, “（详见附件2 …）”).
std::string WithoutReferences(std::string text, const std::string& number,
                              const std::string& title) {
  for (const char* open : {"（见附件", "（详见附件"}) {
    for (size_t at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
      size_t k = at + std::string(open).size();
      bool match = text.compare(k, number.size(), number) == 0;
      k += number.size();
      for (const char* sep : {"：", " ", ":"})
        if (match && text.compare(k, std::string(sep).size(), sep) == 0) {
          k += std::string(sep).size();
          break;
        }
      size_t close = text.find("）", k);
      match = match && close != std::string::npos &&
              text.substr(k, close - k).find(title) != std::string::npos &&
              text.substr(k, close - k).find("（") == std::string::npos;
      if (match)
        text.erase(at, close + std::string("）").size() - at);
      else
        at += 1;
    }
  }
  return text;
}

// Drops the written survey annexes and every parenthesised reference to them.
void DropSurveyAnnexes(Case& c) {
  std::vector<Attachment> kept;
  std::vector<std::pair<std::string, std::string>> dropped;
  for (auto& a : c.attachments) {
    if (!a.external && NamesSurveyReport(a.title))
      dropped.emplace_back(a.number, a.title);
    else
      kept.push_back(std::move(a));
  }
  c.attachments = std::move(kept);
  for (const auto& annex : dropped) {
    const std::string& number = annex.first;  // named, not bound: a lambda may capture it
    const std::string& title = annex.second;
    auto strip = [&](std::string& text) { text = WithoutReferences(text, number, title); };
    for (auto& [key, text] : c.narrative) strip(text);
    for (auto& [code, f] : c.findings) strip(f.analysis);
    for (auto* list : {&c.experiences, &c.problems, &c.suggestions})
      for (auto& o : *list) strip(o.text);
    for (auto& a : c.attachments) strip(a.text);
  }
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

bool KnowsSurveyCounts(const Case& c) {
  if (c.survey.present || c.survey_statement.Knows()) return true;
  auto counted = [](const std::string& text) {
    auto missing = MissingSurveyFacts(text, false);
    return std::count(missing.begin(), missing.end(), "样本量") == 0 ||
           std::count(missing.begin(), missing.end(), "有效问卷数") == 0;
  };
  for (const auto& p : SurveyParagraphs(c))
    if (counted(c.narrative.at(p.key).substr(p.begin, p.end - p.begin))) return true;
  for (const auto& a : c.attachments)
    if (!a.external && NamesSurveyReport(a.title) && counted(a.text)) return true;
  return false;
}

bool CitesSurveyWithoutCounts(const Case& c) {
  if (KnowsSurveyCounts(c)) return false;
  if (!SurveyParagraphs(c).empty() || !SurveyRates(c).empty()) return true;
  for (const auto& a : c.attachments)
    if (!a.external && NamesSurveyReport(a.title)) return true;
  return false;
}

Case WithSurveyFacts(const Case& c, const SurveyStats* stats) {
  Case out = c;
  const bool knows = (stats && stats->total > 0) || KnowsSurveyCounts(c);
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
    std::string line = text.substr(where.begin, where.end - where.begin);
    if (stats && stats->total > 0 && counts_missing) {
      std::string sentence = "共回收问卷" + FormatQuantity(Rational(stats->total), "份") +
                             "，其中有效问卷" + FormatQuantity(Rational(stats->valid), "份") +
                             "，有效率" + FormatPercent(stats->valid_percent) + "。";
      line.insert(BeforeClosingReference(line), sentence);
      text.replace(where.begin, where.end - where.begin, line);
    } else if (!stats && knows && !missing.empty()) {
      std::string clauses = StatementClauses(c.survey_statement, missing);
      if (!clauses.empty()) line.insert(BeforeClosingReference(line), "本次调查" + clauses + "。");
      if (!missing.empty()) line += "\n\n" + TodoLine(missing);
      text.replace(where.begin, where.end - where.begin, line);
    } else if (!stats && !knows) {
      // Nothing known of the sample: the body cites the survey and its results; the annex goes.
      for (const auto& a : c.attachments)
        if (!a.external && NamesSurveyReport(a.title))
          line = WithoutReferences(line, a.number, a.title);
      std::string rates;
      for (const auto& r : SurveyRates(c)) rates += (rates.empty() ? "" : "，") + r;
      if (!rates.empty() && line.find(SurveyRates(c).front()) == std::string::npos)
        line.insert(BeforeClosingReference(line), "调查显示，" + rates + "。");
      text.replace(where.begin, where.end - where.begin, line);
    }
  }
  if (stats) return out;  // the generated annex prints the survey's figures
  if (!knows) {
    DropSurveyAnnexes(out);
    return out;
  }
  for (auto& a : out.attachments) {
    if (a.external || !NamesSurveyReport(a.title)) continue;
    auto missing = MissingSurveyFacts(a.text, false);
    if (missing.empty()) continue;
    std::string clauses = StatementClauses(c.survey_statement, missing);
    std::string add = clauses.empty() ? "" : "本次调查" + clauses + "。\n";
    if (!missing.empty()) add += (add.empty() ? "" : "\n") + TodoLine(missing) + "\n";
    // After the 调查概况 (before the annex's second top-level heading), else at its end.
    size_t first = a.text.rfind("# ", 0) == 0 ? 0 : a.text.find("\n# ");
    size_t second = first == std::string::npos ? first : a.text.find("\n# ", first + 1);
    if (second == std::string::npos)
      a.text += "\n\n" + add;
    else
      a.text.insert(second + 1, add + "\n");
  }
  return out;
}

}  // namespace jixiao::report
