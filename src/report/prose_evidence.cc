#include "report/prose_evidence.h"

#include "core/format.h"
#include "core/text.h"
#include "model/attachment.h"
#include "report/attachments.h"

namespace jixiao::report {

bool FromSurvey(const ReportInput& in, const Rule& rule) {
  if (rule.metric.empty()) return false;
  auto it = in.card.metrics.find(rule.metric);
  if (it == in.card.metrics.end()) return false;
  const std::string& source = it->second.source;
  if (in.c.survey.present && source == in.c.survey.responses_file) return true;
  for (const char* word : {"问卷", "满意度调查", "抽样调查", "满意度测评"})
    if (source.find(word) != std::string::npos) return true;
  return false;
}

std::string SurveySource(const ReportInput& in, const std::string& fallback) {
  for (const auto& a : in.c.attachments)
    if (NamesSurveyReport(a.title)) return "附件" + a.number + " " + a.title;
  for (const auto& g : GeneratedAttachments(in.c))
    if (g.key == "survey" && !g.number.empty()) return "附件" + g.number + " " + g.title;
  return fallback;
}

std::optional<std::string> FullBandStandard(const ReportInput& in, const Rule& rule) {
  auto it = in.card.metrics.find(rule.metric);
  if (rule.type != RuleType::kBands || it == in.card.metrics.end()) return std::nullopt;
  Rational value = it->second.value;
  if (rule.absolute.value_or(false)) value = value.Abs();
  for (const Band& band : rule.bands) {
    if (!Compare(value, band.op, band.value)) continue;
    if (!(band.fraction == Rational(1)) || band.op == CompareOp::kDefault) return std::nullopt;
    return std::string("达到“") + CompareOpSymbol(band.op) + TrimmedDecimal(band.value) +
           it->second.unit + "”的满分标准";
  }
  return std::nullopt;
}

namespace {

// The count word of "每发现一笔资金…", "每一项…逾期": 笔 when the criteria use none.
std::string CountWord(const std::string& criteria) {
  for (const char* lead : {"一", "1"})
    for (const char* word : {"笔", "项", "次", "批", "单", "件"})
      if (criteria.find(std::string(lead) + word) != std::string::npos) return word;
  return "笔";
}

// What the transfers are called: the clause of the criteria that ends in 划拨 when it is a name
// ("区镇资金结算划拨及救助资金发放均在…"), else 资金划拨.
std::string TransferName(const std::string& criteria) {
  size_t end = criteria.find("划拨");
  if (end == std::string::npos) return "资金划拨";
  size_t start = 0;
  for (const char* stop : {"；", "，", "。", "：", "、"}) {
    size_t at = criteria.rfind(stop, end);
    if (at != std::string::npos) start = std::max(start, at + std::string(stop).size());
  }
  std::string name = criteria.substr(start, end + 6 - start);
  for (const char* verb : {"每", "发现", "晚于", "逾期", "未", "按期", "及时", "规定"})
    if (name.find(verb) != std::string::npos) return "资金划拨";
  return name.find("资金") != std::string::npos && name.size() <= 13 * 3 ? name : "资金划拨";
}

std::string Days(const std::vector<int64_t>& late) {
  std::string out;
  for (int64_t d : late) out += (out.empty() ? "" : "、") + std::to_string(d) + "天";
  return out;
}

}  // namespace

std::string TransferFacts(const ReportInput& in, const std::string& criteria) {
  const auto& rows = in.c.transfers.rows;
  if (!in.c.transfers.present || rows.empty()) return "";
  std::string unit = CountWord(criteria);
  std::vector<int64_t> late;
  for (const auto& t : rows)
    if (t.DaysLate() > 0) late.push_back(t.DaysLate());
  std::string text = "共" + std::to_string(rows.size()) + unit + TransferName(criteria) + "，";
  if (late.empty()) return text + "均按期完成";
  std::string days = late.size() == 1 ? "逾期" + Days(late) : "（分别逾期" + Days(late) + "）";
  if (late.size() == rows.size()) return text + (late.size() == 1 ? days : "均逾期" + days);
  return text + "其中" + std::to_string(late.size()) + unit + (late.size() == 1 ? "" : "逾期") +
         days + "，" + std::to_string(rows.size() - late.size()) + unit + "按期完成";
}

}  // namespace jixiao::report
