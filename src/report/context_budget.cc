#include "report/context_budget.h"

#include <map>

#include "core/format.h"
#include "document/markup.h"
#include "scoring/metrics.h"

namespace jixiao::report {
namespace {

using doc::EscapeValue;
using kainjow::mustache::data;

std::string Join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::string Signed(Money m) {
  return (m.fen < 0 ? "调减" : "调增") + FormatWanYuan(Money{m.fen < 0 ? -m.fen : m.fen});
}

std::string Source(const BudgetLine& line) {
  return line.details.empty() ? "" : line.details.front().source;
}

std::string SourceLabel(const std::string& source) {
  return source.find("资金") != std::string::npos ? source : source + "资金";
}

}  // namespace

kainjow::mustache::data BudgetContext(const ReportInput& in) {
  BudgetSums s = SumBudget(in.c);
  data d;
  d.set("initial", FormatWanYuan(s.initial));
  d.set("adjusted", FormatWanYuan(s.adjusted));
  d.set("actual", FormatWanYuan(s.actual));
  d.set("initial_yuan", FormatYuan(s.initial));
  d.set("adjusted_yuan", FormatYuan(s.adjusted));
  d.set("actual_yuan", FormatYuan(s.actual));
  d.set("adjustment",
        FormatWanYuan(Money{s.adjustment.fen < 0 ? -s.adjustment.fen : s.adjustment.fen}));
  d.set("adjustment_yuan",
        FormatYuan(Money{s.adjustment.fen < 0 ? -s.adjustment.fen : s.adjustment.fen}));
  d.set("adjustment_direction", s.adjustment.fen < 0 ? "调减" : "调增");
  d.set("adjusted_changed", data(s.adjustment.fen != 0));
  auto metric = [&](const char* name) {
    auto it = in.card.metrics.find(name);
    return it == in.card.metrics.end() ? std::string("—") : FormatPercent(it->second.value);
  };
  d.set("execution_rate", metric("预算执行率"));
  d.set("adjustment_rate", metric("预算调整率"));
  // By funding source, in the order the budget first names them.
  std::vector<std::string> order;
  std::map<std::string, Money> initial, adjusted;
  for (const auto& line : in.c.budget.rows) {
    std::string source = Source(line);
    if (source.empty()) continue;
    if (!initial.count(source)) order.push_back(source);
    for (const auto& detail : line.details)
      initial[detail.source.empty() ? source : detail.source] += detail.initial;
    adjusted[source] += line.adjusted;
  }
  std::vector<std::string> initial_parts, adjustment_parts;
  for (const auto& source : order) {
    if (initial[source].fen != 0)
      initial_parts.push_back(EscapeValue(SourceLabel(source)) + FormatWanYuan(initial[source]));
    Money change = adjusted[source] - initial[source];
    if (change.fen != 0)
      adjustment_parts.push_back(EscapeValue(SourceLabel(source)) + Signed(change));
  }
  d.set("has_sources", data(!order.empty()));
  d.set("has_initial_sources", data(!initial_parts.empty()));
  if (initial_parts.size() == 1) {
    std::string only;
    for (const auto& source : order)
      if (initial[source].fen != 0) only = source;
    d.set("initial_sources", "资金全部来源于" + EscapeValue(only) + "财政");
  } else {
    d.set("initial_sources", "其中，" + Join(initial_parts, "，"));
  }
  d.set("has_adjustment_parts", data(!adjustment_parts.empty() && s.adjustment.fen != 0));
  d.set("adjustment_parts", Join(adjustment_parts, "，"));
  if (in.c.funding.present) {
    std::vector<std::string> parts;
    for (const auto& f : in.c.funding.rows)
      parts.push_back(EscapeValue(SourceLabel(f.source)) + FormatWanYuan(f.budget));
    d.set("funding_parts", Join(parts, "，"));
    d.set("funding_rate", metric("资金到位率"));
  }
  return d;
}

kainjow::mustache::data HistoryContext(const ReportInput& in) {
  data d;
  const auto& rows = in.c.history.rows;
  d.set("count", ChineseNumber(static_cast<int>(rows.size())));
  bool all_full = !rows.empty(), rising = rows.size() > 1, falling = rows.size() > 1;
  std::vector<std::string> years;
  for (const auto& h : rows)
    if (h.adjusted.fen == 0 || h.actual.fen != h.adjusted.fen) all_full = false;
  for (size_t i = 0; i < rows.size(); ++i) {
    const HistoryRow& h = rows[i];
    if (i > 0) {
      rising = rising && rows[i].adjusted.fen > rows[i - 1].adjusted.fen;
      falling = falling && rows[i].adjusted.fen < rows[i - 1].adjusted.fen;
    }
    std::string rate =
        h.adjusted.fen == 0 ? "—" : FormatPercent(Rational(h.actual.fen * 100, h.adjusted.fen));
    years.push_back(EscapeValue(h.year) + "年项目年初安排资金" + FormatWanYuan(h.initial) +
                    "，调整后预算为" + FormatWanYuan(h.adjusted) + "，实际支出" +
                    FormatWanYuan(h.actual) + (all_full ? "" : "，预算执行率为" + rate));
  }
  std::string trend = rising ? "项目调整后预算逐年增加" : falling ? "项目调整后预算逐年减少" : "";
  std::string text = "通过上表可知，" + (trend.empty() ? "" : trend + "，") + "近" +
                     ChineseNumber(static_cast<int>(rows.size())) + "年预算执行率" +
                     (all_full ? "均达100.00%" : "如上表所示") + "。其中：" + Join(years, "；") +
                     "。";
  d.set("analysis", text);
  return d;
}

}  // namespace jixiao::report
