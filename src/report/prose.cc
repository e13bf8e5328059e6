#include "report/prose.h"

#include "core/format.h"
#include "core/text.h"
#include "report/number_policy.h"
#include "report/text_lint.h"

namespace jixiao::report {
namespace {

// Splits UTF-8 into code points as strings, so suffixes compare by character.
std::vector<std::string> Chars(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

bool LooksNumeric(const std::string& value) {
  return !value.empty() && ((value[0] >= '0' && value[0] <= '9') || EndsWith(value, "%"));
}

std::string Quoted(const ReportInput& in, const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes)
    if (const IndicatorResult* r = in.card.Find(code)) out += "“" + r->name + "”";
  return out;
}

// The first clause of the 评分标准, short enough to read in a sentence.
std::string BriefCriteria(const std::string& criteria) {
  std::string text = Trim(criteria);
  size_t stop = text.find("。");
  if (stop != std::string::npos) text = text.substr(0, stop);
  auto chars = Chars(text);
  if (chars.size() > 90) {
    std::string cut;
    for (size_t i = 0; i < 90; ++i) cut += chars[i];
    size_t semicolon = cut.rfind("；");
    text = semicolon != std::string::npos ? cut.substr(0, semicolon) + "等" : cut + "……";
  }
  return text;
}

// A source note as a reader names it: case files by the table they hold.
std::string SourceName(const std::string& source) {
  static const std::pair<const char*, const char*> kFiles[] = {
      {"budget.csv", "项目预算安排及支出情况表"}, {"funding.csv", "资金来源及到位情况"},
      {"transfers.csv", "资金划拨记录"},          {"disbursements.csv", "社会化发放明细"},
      {"targets.csv", "项目绩效目标表"},          {"plan.csv", "项目计划实施内容"},
      {"history.csv", "近年预算执行情况"},        {"responses.csv", "问卷调查作答"}};
  for (const auto& [file, name] : kFiles)
    if (EndsWith(source, file)) return name;
  return source;
}

std::string StripFinalStop(std::string s) {
  while (EndsWith(s, "。") || EndsWith(s, "；") || EndsWith(s, "，")) s.resize(s.size() - 3);
  return s;
}

}  // namespace

std::string FindingPhrase(const std::string& name, const std::string& value) {
  if (value.empty()) return name;
  if (LooksNumeric(value)) return name + "为" + NormalizeValue(value);
  std::string stem = name;
  for (const char* tail : {"性", "情况"})
    if (EndsWith(stem, tail) && stem.size() > std::string(tail).size())
      stem.resize(stem.size() - std::string(tail).size());
  auto s = Chars(stem), v = Chars(value);
  size_t common = 0;
  while (common < s.size() && common < v.size() &&
         s[s.size() - 1 - common] == v[v.size() - 1 - common])
    ++common;
  if (common == 0) return name + "“" + value + "”";
  std::string subject;
  for (size_t i = 0; i + common < s.size(); ++i) subject += s[i];
  return subject + value;
}

std::string CategoryProse(const ReportInput& in, const IndicatorResult& category) {
  std::vector<std::string> full, short_of;
  Score lost;
  for (const auto& r : in.card.indicators) {
    if (!r.leaf || r.code.rfind(category.code, 0) != 0) continue;
    std::string phrase = FindingPhrase(r.name, r.value);
    if (r.Lost().hundredths == 0) {
      full.push_back(phrase);
    } else {
      short_of.push_back(phrase + "（扣" + FormatScore(r.Lost()) + "）");
      lost = lost + r.Lost();
    }
  }
  std::string text = "从" + CategoryLabel(category.name) + "方面来看：";
  if (!full.empty()) text += Join(full, "，");
  if (!short_of.empty()) text += std::string(full.empty() ? "" : "；但") + Join(short_of, "，");
  std::string rate = category.RatePercent() ? FormatPercent(*category.RatePercent()) : "—";
  return text + "。本类满分" + FormatScore(category.weight) + "，得" + FormatScore(category.score) +
         "，得分率" + rate + "。";
}

std::string IndicatorFacts(const ReportInput& in, const IndicatorResult& leaf) {
  const Indicator* node = in.framework.Find(leaf.code);
  std::string out;
  if (node && !Trim(node->criteria).empty())
    out += "评分标准为：" + StripFinalStop(NormalizeFigures(BriefCriteria(node->criteria))) + "。";
  if (!node || !node->rule) return out;
  const Rule& rule = *node->rule;
  std::string source;
  if (!rule.metric.empty()) {
    auto it = in.card.metrics.find(rule.metric);
    if (it != in.card.metrics.end()) source = SourceName(it->second.source);
  } else if (rule.type == RuleType::kTarget) {
    source = "项目绩效目标表";
  } else if (rule.type == RuleType::kTimeliness) {
    source = "资金划拨记录";
  }
  bool has_evidence = !leaf.evidence.empty() && leaf.rule_type != "deduction" &&
                      leaf.rule_type != "levels" && leaf.rule_type != "elements";
  if (has_evidence)
    out += "经核查，" + StripFinalStop(NormalizeFigures(leaf.evidence)) +
           (source.empty() ? "" : "（数据来源：" + StripFinalStop(source) + "）") + "。";
  return out;
}

std::string DeductionSentence(const IndicatorResult& leaf, const std::string& analysis) {
  std::vector<std::string> reasons;
  for (const auto& d : leaf.deductions) {
    std::string reason = StripFinalStop(Trim(d.reason));
    if (reason.empty() || reason == leaf.evidence) continue;
    if (analysis.find(reason) != std::string::npos) continue;  // already said in the analysis
    reasons.push_back(reason);
  }
  if (reasons.empty() || leaf.sentence.empty()) return leaf.sentence;
  return "因" + Join(reasons, "；") + "，" + leaf.sentence;
}

std::string ProblemEvidence(const ReportInput& in, const std::vector<std::string>& codes) {
  std::string names = Quoted(in, codes);
  if (names.empty()) return "";
  Score lost;
  int deducted = 0;
  for (const auto& code : codes)
    if (const IndicatorResult* r = in.card.Find(code); r && r->Lost().hundredths > 0) {
      lost = lost + r->Lost();
      ++deducted;
    }
  std::string out = "如" + names + "指标所示，";
  if (deducted == 0) return out + "相关指标虽未扣分，但存在上述不足。";
  if (codes.size() == 1) return out + "该指标扣" + FormatScore(lost) + "。";
  return out + (deducted == 2 ? std::string("两") : ChineseNumber(deducted)) + "项指标共扣" +
         FormatScore(lost) + "。";
}

std::string SuggestionLead(const ReportInput& in, const std::vector<std::string>& codes) {
  std::string names = Quoted(in, codes);
  return names.empty() ? "" : "针对" + names + "指标反映的问题，";
}

}  // namespace jixiao::report
