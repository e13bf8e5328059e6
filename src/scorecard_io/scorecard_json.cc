#include "scorecard_io/scorecard_json.h"

#include <cstdio>

#include "core/format.h"
#include "core/text.h"

namespace jixiao {

namespace {

// JSON number with at most 2 decimals, trailing zeros trimmed ("89.65", "19", "28.4").
std::string Num(const Rational& value) { return TrimmedDecimal(value); }
std::string Num(Score s) { return FormatScoreNumber(s); }

std::string RateOrNull(const std::optional<Rational>& rate) { return rate ? Num(*rate) : "null"; }

}  // namespace

std::string ScorecardJson(const Scorecard& card, const std::vector<Diagnostic>* warnings) {
  std::string out = "{\n";
  out += "  \"case\": " + JsonQuoted(card.case_id) + ",\n";
  out += "  \"framework\": " + JsonQuoted(card.framework_id) + ",\n";
  out += "  \"total\": " + Num(card.total) + ",\n";
  out += "  \"grade\": " + JsonQuoted(card.grade) + ",\n";
  out += "  \"categories\": [";
  bool first = true;
  for (const IndicatorResult* c : card.Categories()) {
    out += first ? "\n" : ",\n";
    first = false;
    out += "    {\"code\": " + JsonQuoted(c->code) + ", \"name\": " + JsonQuoted(c->name) +
           ", \"weight\": " + Num(c->weight) + ", \"score\": " + Num(c->score) +
           ", \"rate\": " + RateOrNull(c->RatePercent()) + "}";
  }
  out += "\n  ],\n  \"indicators\": [";
  first = true;
  for (const auto& r : card.indicators) {
    out += first ? "\n" : ",\n";
    first = false;
    out += "    {\"code\": " + JsonQuoted(r.code) + ", \"name\": " + JsonQuoted(r.name) +
           ", \"level\": " + std::to_string(r.level) + ", \"weight\": " + Num(r.weight) +
           ", \"score\": " + Num(r.score) +
           ", \"value\": " + (r.leaf ? JsonQuoted(r.value) : "null") + ", \"deductions\": [";
    for (size_t i = 0; i < r.deductions.size(); ++i) {
      out += (i ? ", " : "") + std::string("{\"points\": ") + Num(r.deductions[i].points) +
             ", \"reason\": " + JsonQuoted(r.deductions[i].reason) + "}";
    }
    out += "]}";
  }
  out += "\n  ],\n  \"metrics\": {";
  first = true;
  for (const auto& [name, m] : card.metrics) {
    out += first ? "\n" : ",\n";
    first = false;
    out += "    " + JsonQuoted(name) + ": " + Num(m.value);
  }
  out += "\n  },\n  \"checks\": [";
  first = true;
  for (const auto& d : card.checks) {
    out += first ? "\n" : ",\n";
    first = false;
    out += "    {\"severity\": " + JsonQuoted(SeverityName(d.severity)) +
           ", \"code\": " + JsonQuoted(d.code) + ", \"where\": " + JsonQuoted(d.where.ToString()) +
           ", \"message\": " + JsonQuoted(d.message) + "}";
  }
  out += card.checks.empty() ? "]" : "\n  ]";
  if (warnings) {
    out += ",\n  \"warnings\": [";
    first = true;
    for (const auto& d : *warnings) {
      out += first ? "\n" : ",\n";
      first = false;
      out += "    {\"code\": " + JsonQuoted(d.code) +
             ", \"where\": " + JsonQuoted(d.where.ToString()) +
             ", \"message\": " + JsonQuoted(d.message) + "}";
    }
    out += warnings->empty() ? "]" : "\n  ]";
  }
  return out + "\n}\n";
}

std::string ScorecardText(const Scorecard& card) {
  std::string out = card.case_id + "（" + card.framework_title + "）\n";
  out += "总分 " + FormatScore(card.total) + "，等级 " + card.grade + "\n";
  for (const auto& r : card.indicators) {
    out += std::string(static_cast<size_t>(r.level - 1) * 2, ' ') + r.code + " " + r.name + "  " +
           FormatScoreNumber(r.score) + "/" + FormatScoreNumber(r.weight);
    if (r.leaf && !r.value.empty()) out += "  业绩值：" + r.value;
    if (r.leaf && r.Lost().hundredths > 0) out += "  " + r.sentence;
    out += "\n";
  }
  for (const auto& d : card.checks)  // warnings go to stderr (cmd_score)
    if (d.severity != Severity::kWarning) out += d.ToString() + "\n";
  return out;
}

}  // namespace jixiao
