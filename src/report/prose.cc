#include "report/prose.h"

#include <algorithm>
#include <optional>

#include "core/format.h"
#include "core/text.h"
#include "report/number_policy.h"
#include "report/prose_evidence.h"
#include "report/source_refs.h"
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

// The 评分标准 as 附表1 gives them, every element and the deduction rule; text too long for one
// sentence of the paragraph keeps its first sentence whole (never a list cut short with 等).
std::string BriefCriteria(const std::string& criteria) {
  std::string text = Trim(criteria);
  if (Chars(text).size() <= 240) return text;
  size_t stop = text.find("。");
  return stop == std::string::npos ? text : text.substr(0, stop);
}

}  // namespace

// "问卷调查（2025年5月，有效问卷250份）" -> "问卷调查，2025年5月，有效问卷250份": a typed source
// goes inside "（数据来源：…）", and 公文 nests no （…（…）…）. Brackets inside 《…》 stay.
std::string WithoutInnerBrackets(const std::string& text) {
  std::string out;
  int title = 0;
  for (size_t i = 0; i < text.size();) {
    auto at = [&](const char* w) { return text.compare(i, 3, w) == 0; };
    if (at("《")) ++title;
    if (at("》") && title > 0) --title;
    if (title == 0 && at("（")) {
      out += "，";
      i += 3;
    } else if (title == 0 && at("）")) {
      i += 3;
    } else {
      out += text[i++];
    }
  }
  return out;
}

namespace {

// A source note as a reader finds it: a case file by the report table that prints it (resolved to
// its 表号 and title once the document is numbered), a typed source as the evaluator wrote it.
std::string SourceName(const std::string& source) {
  std::string key = TableKeyOf(source);
  // The 绩效目标表 restates the case's targets and actuals: no source of its own (issue 22), so
  // a target's evidence cites nothing rather than the report's own table.
  if (key == "targets") return "";
  if (!key.empty()) return SourceRef(key);
  return EndsWith(source, ".csv") ? "" : WithoutInnerBrackets(source);
}

std::string StripFinalStop(std::string s) {
  while (EndsWith(s, "。") || EndsWith(s, "；") || EndsWith(s, "，")) s.resize(s.size() - 3);
  return s;
}

}  // namespace

namespace {

// A finding split so that neighbours with the same predicate can share it: "财务管理制度" +
// "健全", "资金到位率" + "为100.00%"; a phrase that cannot be split has no subject.
struct Phrase {
  std::string subject, predicate;
  std::string Text() const { return subject + predicate; }
};

Phrase SplitFinding(const std::string& name, const std::string& value_as_typed) {
  if (value_as_typed.empty()) return {"", name};
  std::string value = value_as_typed;
  const auto n = Chars(name), typed = Chars(value);
  // A value that opens by restating the name's last words (满意度95% after 服务对象满意度): the
  // words dropped, else the sentence says them twice (服务对象满意度为满意度95%).
  for (size_t k = std::min(n.size(), typed.size()) - (n.size() >= typed.size() ? 1 : 0); k >= 2;
       --k)
    if (std::equal(n.end() - static_cast<long>(k), n.end(), typed.begin())) {
      value.clear();
      for (size_t i = k; i < typed.size(); ++i) value += typed[i];
      break;
    }
  // A value that is a sentence of its own about the subject (立项依据为车购税补助政策文件 for
  // 立项依据充分性): said alone, not glued after the name.
  if (typed.size() > 2 && n.size() >= 2 && typed[0] == n[0] && typed[1] == n[1] &&
      value == value_as_typed)
    return {"", value};
  for (const char* direction : {"调增", "调减"})  // a signed 业绩值 ("调增2.38%")
    if (StartsWith(value, direction) && LooksNumeric(value.substr(6)))
      return {name, "为" + NormalizeValue(value.substr(6))};
  if (LooksNumeric(value)) return {name, "为" + NormalizeValue(value)};
  std::string stem = name;
  for (const char* tail : {"性", "情况"})
    if (EndsWith(stem, tail) && stem.size() > std::string(tail).size())
      stem.resize(stem.size() - std::string(tail).size());
  auto s = Chars(stem), v = Chars(value);
  size_t common = 0;
  while (common < s.size() && common < v.size() &&
         s[s.size() - 1 - common] == v[v.size() - 1 - common])
    ++common;
  // Words that lead into a figure (执行4,000.00万元): not a predicate to glue to the name.
  if (common == 0 && value.find_first_of("0123456789") != std::string::npos)
    return {"", name + "：" + value};
  if (common == 0) return {"", name + value};
  // The value's words before the shared tail may restate the subject's last words
  // ("长效管理机制健全及" + "健全且执行有效"): the subject ends before them.
  size_t subject_end = s.size() - common, head = v.size() - common;
  for (size_t len = head; len > 0; --len) {
    bool found = false;
    for (size_t p = subject_end >= head + 1 ? subject_end - head - 1 : 0;
         p + len <= subject_end && !found; ++p) {
      found = p > 0 && std::equal(v.begin(), v.begin() + static_cast<long>(len),
                                  s.begin() + static_cast<long>(p));
      if (found) subject_end = p;
    }
    if (found) break;
  }
  std::string subject;
  for (size_t i = 0; i < subject_end; ++i) subject += s[i];
  return {subject, value};
}

// One deduction reason cut to what a summary can carry: its heading before "：", without
// parenthetical examples, at most about forty characters of whole clauses.
std::string ReasonPhrase(const std::string& reason) {
  std::string text = StripFinalStop(Trim(reason));
  if (StartsWith(text, "因")) text = text.substr(3);
  if (size_t colon = text.find("："); colon != std::string::npos) text = text.substr(0, colon);
  std::string plain;
  int depth = 0;
  for (const auto& c : Chars(text)) {
    if (c == "（" || c == "(") ++depth;
    if (depth == 0) plain += c;
    if ((c == "）" || c == ")") && depth > 0) --depth;
  }
  std::string out;
  size_t start = 0;
  while (start < plain.size()) {
    size_t comma = plain.find("，", start);
    std::string clause =
        plain.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!out.empty() && Chars(out).size() + Chars(clause).size() > 40) break;
    out += (out.empty() ? "" : "，") + clause;
    if (comma == std::string::npos) break;
    start = comma + 3;
  }
  return StripFinalStop(out);
}

// 成本节约率 as published reports word it: a saving or a cost within the budget, never "为0.00%".
std::optional<std::string> CostPhrase(const ReportInput& in, const Indicator* node) {
  if (!node || !node->rule || node->rule->metric != "成本节约率") return std::nullopt;
  auto it = in.card.metrics.find("成本节约率");
  if (it == in.card.metrics.end()) return std::nullopt;
  const Rational& rate = it->second.value;
  // Without a typed 计划成本 the rate compares spending with the budget: a balance left by fewer
  // meals served is no saving (预算执行率 judges it), so no "节约率为2.23%" is printed.
  bool typed_plan = in.c.metrics.count("计划成本") > 0;
  if (rate.IsNegative())
    return (typed_plan ? "实际成本超出计划成本" : "成本超出预算") +
           FormatQuantity(rate.Abs(), it->second.unit);
  if (!typed_plan) return "成本未超过预算限额";
  if (rate.IsZero()) return "实际成本与按标准核算的计划成本一致";
  return "成本节约率为" + FormatQuantity(rate, it->second.unit) + "，实际成本未超过计划成本";
}

// What a measured 业绩值 is of: the rule's metric ("资金分配合理性" is scored by 预算调整率).
std::string Subject(const ReportInput& in, const IndicatorResult& leaf) {
  const Indicator* node = in.framework.Find(leaf.code);
  bool measured = LooksNumeric(leaf.value) || StartsWith(leaf.value, "调");
  if (measured && node && node->rule && !node->rule->metric.empty() &&
      leaf.name.find(node->rule->metric) == std::string::npos)
    return node->rule->metric;
  return leaf.name;
}

// "A、B和C均为100.00%": neighbours sharing a predicate are said once.
std::vector<std::string> Merged(const std::vector<Phrase>& phrases) {
  std::vector<std::string> out;
  for (size_t i = 0; i < phrases.size();) {
    size_t j = i + 1;
    while (!phrases[i].subject.empty() && j < phrases.size() && !phrases[j].subject.empty() &&
           phrases[j].predicate == phrases[i].predicate)
      ++j;
    if (j == i + 1) {
      out.push_back(phrases[i].Text());
    } else {
      std::string subjects;
      for (size_t k = i; k < j; ++k)
        subjects += (k == i ? "" : k + 1 == j ? "和" : "、") + phrases[k].subject;
      out.push_back(subjects + "均" + phrases[i].predicate);
    }
    i = j;
  }
  return out;
}

// Whether the analysis already says a reason, in its own words: most of the reason's clauses share
// a run of six characters with it ("部门内部协作效能有待提升" in "…协作效能有待进一步提升…").
bool SaidIn(const std::string& reason, const std::string& analysis) {
  if (analysis.empty()) return false;
  if (analysis.find(reason) != std::string::npos) return true;
  int clauses = 0, said = 0;
  std::vector<std::string> clause;
  auto close = [&]() {
    if (clause.size() >= 4) {
      ++clauses;
      size_t run = std::min<size_t>(6, clause.size());
      for (size_t i = 0; i + run <= clause.size(); ++i) {
        std::string window;
        for (size_t k = i; k < i + run; ++k) window += clause[k];
        if (analysis.find(window) != std::string::npos) {
          ++said;
          break;
        }
      }
    }
    clause.clear();
  };
  for (const auto& c : Chars(reason)) {
    if (c == "，" || c == "；" || c == "：" || c == "。")
      close();
    else
      clause.push_back(c);
  }
  close();
  return clauses > 0 && 2 * said >= clauses;
}

}  // namespace

std::string FindingPhrase(const std::string& name, const std::string& value) {
  return SplitFinding(name, value).Text();
}

// A level short of the top one says why it lost points: "重大疾病医疗负担有所减轻" ->
// "重大疾病医疗负担仅有所减轻，未达明显减轻" (a partial result is no shortcoming by its words).
std::string PartialLevel(const ReportInput& in, const IndicatorResult& leaf, std::string phrase) {
  const Indicator* node = in.framework.Find(leaf.code);
  if (!node || !node->rule || node->rule->type != RuleType::kLevels ||
      leaf.Lost().hundredths <= 0 || node->rule->levels.empty() || !EndsWith(phrase, leaf.value) ||
      leaf.value.empty())
    return phrase;
  const LevelOption* top = &node->rule->levels.front();
  for (const auto& level : node->rule->levels)
    if (top->fraction < level.fraction) top = &level;
  if (top->label == leaf.value || top->fraction == Rational(0)) return phrase;
  bool awarded = false;  // the level earned part of the weight: a partial result, not a failure
  for (const auto& level : node->rule->levels)
    awarded = awarded || (level.label == leaf.value && Rational(0) < level.fraction);
  if (!awarded) return phrase;
  return phrase.substr(0, phrase.size() - leaf.value.size()) + "仅" + leaf.value + "，未达" +
         top->label;
}

std::string SummaryPhrase(const ReportInput& in, const IndicatorResult& leaf) {
  auto it = in.c.findings.find(leaf.code);
  const Finding* finding = it != in.c.findings.end() ? &it->second : nullptr;
  if (finding && !finding->summary.empty()) return StripFinalStop(finding->summary);
  if (auto cost = CostPhrase(in, in.framework.Find(leaf.code))) return *cost;
  if (leaf.Lost().hundredths > 0 && !LooksNumeric(leaf.value)) {
    // The 业绩值 words the whole indicator ("不够及时"); the reasons say what fell short.
    std::vector<std::string> reasons;
    if (finding)
      for (const auto& d : finding->deductions)
        if (std::string r = ReasonPhrase(d.reason); !r.empty()) reasons.push_back(r);
    if (!reasons.empty()) return Join(reasons, "，");
    if (leaf.rule_type == "timeliness" && !leaf.deductions.empty())
      return std::to_string(leaf.deductions.size()) + "笔资金晚于规定时限划拨";
  }
  return PartialLevel(in, leaf, FindingPhrase(Subject(in, leaf), leaf.value));
}

std::string CategoryProse(const ReportInput& in, const IndicatorResult& category) {
  std::vector<Phrase> full;
  std::vector<std::string> short_of;
  bool clauses = false;  // a phrase with its own commas: the shortfalls are set off by "；"
  for (const auto& r : in.card.indicators) {
    if (!r.leaf || r.code.rfind(category.code, 0) != 0) continue;
    auto it = in.c.findings.find(r.code);
    bool own = it != in.c.findings.end() && !it->second.summary.empty();
    bool reasons = it != in.c.findings.end() && !it->second.deductions.empty();
    // "较规范", "基本有效": a finding mostly met reads with the positives, its deduction noted.
    bool mostly = !own && !reasons && (StartsWith(r.value, "较") || StartsWith(r.value, "基本"));
    if (r.Lost().hundredths == 0 || mostly) {
      Phrase p = own || CostPhrase(in, in.framework.Find(r.code))
                     ? Phrase{"", SummaryPhrase(in, r)}
                     : SplitFinding(Subject(in, r), r.value);
      if (r.Lost().hundredths > 0) p = {"", p.Text() + "（扣" + FormatScore(r.Lost()) + "）"};
      full.push_back(p);
    } else {
      std::string phrase = SummaryPhrase(in, r);
      clauses = clauses || phrase.find("，") != std::string::npos;
      short_of.push_back(phrase + "（扣" + FormatScore(r.Lost()) + "）");
    }
  }
  std::string text = "从" + CategoryLabel(category.name) + "方面来看：";
  if (!full.empty()) text += Join(Merged(full), "，");
  if (!short_of.empty())
    text += std::string(full.empty() ? "" : "；但") + Join(short_of, clauses ? "；" : "，");
  std::string rate = category.RatePercent() ? FormatPercent(*category.RatePercent()) : "—";
  text = NormalizeFigures(text);  // the evaluator's phrases and reasons follow the number policy
  return text + "。该类指标满分" + FormatScore(category.weight) + "，得" +
         FormatScore(category.score) + "，得分率为" + rate + "。";
}

namespace {

// What was checked, without what the paragraph says anyway: a band's result (the deduction
// sentence states it) and the value when the analysis already gives it ("知晓率为98.90%" in the
// analysis: "政策知晓率不低于90.00%"). 成本节约率 within budget reads "实际成本未超过计划成本".
std::string Checked(const ReportInput& in, const Rule& rule, const IndicatorResult& leaf,
                    const std::string& analysis, bool criteria_said) {
  std::string text = StripFinalStop(NormalizeFigures(leaf.evidence));
  // "…低2.23个百分点，每低1个百分点扣0.5分": the 评分标准 sentence states the rate already.
  if (leaf.rule_type == "linear" && criteria_said)
    for (const char* rate : {"，每低", "，每高"})
      if (size_t at = text.rfind(rate); at != std::string::npos) {
        text.resize(at);
        break;
      }
  if (leaf.rule_type == "bands")
    for (const char* result : {"，得满分", "，不得分", "，得分值的"})
      if (size_t at = text.rfind(result); at != std::string::npos) {
        text.resize(at);
        break;
      }
  if (rule.metric.empty() || !StartsWith(text, rule.metric + "为")) return text;
  size_t value_at = rule.metric.size() + 3;
  // The value ends at the first comma outside brackets: "6.50%（调减，按绝对值评分），在…".
  size_t comma = std::string::npos;
  for (size_t at = value_at, depth = 0; at < text.size() && comma == std::string::npos;) {
    if (text.compare(at, 3, "（") == 0) ++depth;
    if (text.compare(at, 3, "）") == 0 && depth > 0) --depth;
    if (depth == 0 && text.compare(at, 3, "，") == 0) comma = at;
    at += static_cast<unsigned char>(text[at]) >= 0xE0 ? 3 : 1;
  }
  std::string value =
      text.substr(value_at, comma == std::string::npos ? std::string::npos : comma - value_at);
  std::string number = value.substr(0, value.find("（"));
  bool said = !number.empty() && analysis.find(number) != std::string::npos;
  auto it = in.card.metrics.find(rule.metric);
  if (rule.metric == "成本节约率" && it != in.card.metrics.end() &&
      !it->second.value.IsNegative() && leaf.Lost().hundredths == 0) {
    // From the budget alone the "saving" is an underspend: say what was checked, not a 节约率.
    if (in.c.metrics.count("计划成本") == 0 && !it->second.value.IsZero())
      return "实际支出未超过调整后预算，成本未超支";
    return (said ? "" : text.substr(0, comma) + "，") + "实际成本未超过计划成本";
  }
  if (comma == std::string::npos || !said) return text;
  return rule.metric + text.substr(comma + 3);
}

}  // namespace

std::string IndicatorFacts(const ReportInput& in, const IndicatorResult& leaf,
                           const std::string& analysis) {
  const Indicator* node = in.framework.Find(leaf.code);
  std::string criteria;
  if (node && !Trim(node->criteria).empty())
    criteria = "评分标准为：" +
               StripFinalStop(NormalizeQuoted(NormalizeFigures(BriefCriteria(node->criteria)))) +
               "。";
  if (!node || !node->rule) return criteria;
  const Rule& rule = *node->rule;
  std::string source;
  if (!rule.metric.empty()) {
    auto it = in.card.metrics.find(rule.metric);
    if (it != in.card.metrics.end()) source = SourceName(it->second.source);
  } else if (rule.type == RuleType::kTimeliness) {
    source = SourceRef("transfers");
  }
  if (!FactsCarryEvidence(in, leaf)) return criteria;
  std::string finding = Checked(in, rule, leaf, analysis, !criteria.empty()), lead = "经核查，";
  if (rule.type == RuleType::kTimeliness) {
    if (std::string transfers = TransferFacts(in, node->criteria); !transfers.empty())
      finding = transfers;
  } else if (FromSurvey(in, rule)) {
    // A questionnaire is not checked, it shows: the value (unless the analysis gives it) and
    // the band, once.
    bool value_given = StartsWith(finding, rule.metric + "为");
    if (auto full = FullBandStandard(in, rule))
      finding =
          value_given ? finding.substr(0, finding.find("，")) + "，" + *full : rule.metric + *full;
    lead = value_given ? "问卷调查显示，" : "";
    source = SurveySource(in, source);
  }
  std::string checked = lead + finding +
                        (source.empty() ? "" : "（数据来源：" + StripFinalStop(source) + "）") +
                        "。";
  // Without the evaluator's words the paragraph opens with what was found, then the standard.
  return analysis.empty() ? checked + criteria : criteria + checked;
}

bool FactsCarryEvidence(const ReportInput& in, const IndicatorResult& leaf) {
  const Indicator* node = in.framework.Find(leaf.code);
  return node && node->rule && !leaf.evidence.empty() && leaf.rule_type != "deduction" &&
         leaf.rule_type != "levels" && leaf.rule_type != "elements";
}

std::string EvidenceTodo(const ReportInput& in, const IndicatorResult& leaf,
                         const std::string& analysis) {
  if (!Trim(analysis).empty() || leaf.Lost().hundredths != 0 || leaf.override_reason ||
      leaf.not_applicable_weight || FactsCarryEvidence(in, leaf))
    return "";
  return "【待补充：" + leaf.code + " " + leaf.name +
         "的核查情况（查阅的文件、资料及逐项核查结论）】";
}

std::string DeductionSentence(const IndicatorResult& leaf, const std::string& analysis) {
  // The late transfers are counted in the facts; an analysis that tells them needs no list.
  if (leaf.rule_type == "timeliness" && !analysis.empty()) return leaf.sentence;
  std::vector<std::string> reasons;
  for (const auto& d : leaf.deductions) {
    std::string reason = StripFinalStop(Trim(d.reason));
    if (reason.empty() || reason == leaf.evidence) continue;
    // "……未开展事前绩效评估和专家论证，要素③未完全满足": the analysis tells the shortfall, the
    // element it costs is still said.
    size_t element = reason.rfind("，要素");
    if (element != std::string::npos && SaidIn(reason.substr(0, element), analysis)) {
      reasons.push_back(reason.substr(element + 3));
      continue;
    }
    if (SaidIn(reason, analysis)) continue;
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
