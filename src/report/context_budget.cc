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

// The basis of "截至评价期末，项目实际支出…" when transfers.csv shows money of the year paid after
// the period's end: "（按年度结算口径，含2025年1月10日拨付的第四季度长者食堂运营补贴29.81万元）".
std::string PaidAfterPeriod(const ReportInput& in) {
  const std::string& period = in.c.project.period;
  size_t to = period.rfind("至");
  if (to == std::string::npos || !in.c.transfers.present) return "";
  auto end = Date::Parse(period.substr(to + 3));
  if (!end) return "";
  std::vector<std::string> later;
  for (const auto& t : in.c.transfers.rows) {
    if (t.actual.DayNumber() <= end->DayNumber()) continue;
    std::string item = t.item;
    for (const std::string verb : {"拨付", "划拨", "支付"})
      if (item.size() > verb.size() &&
          item.compare(item.size() - verb.size(), verb.size(), verb) == 0)
        item.resize(item.size() - verb.size());
    later.push_back(FormatDate(t.actual.year, t.actual.month, t.actual.day) + "拨付的" +
                    EscapeValue(item) + FormatWanYuan(t.amount));
  }
  return later.empty() ? "" : "（按年度结算口径，含" + Join(later, "、") + "）";
}

}  // namespace

kainjow::mustache::data BudgetContext(const ReportInput& in) {
  BudgetSums s = SumBudget(in.c);
  data d;
  d.set("initial", FormatWanYuan(s.initial));
  d.set("adjusted", FormatWanYuan(s.adjusted));
  d.set("actual", FormatWanYuan(s.actual));
  // Money of the year paid after the period's end cannot be "截至12月31日" (reader7 MUST 2): the
  // sentence then names the year, "2024年度项目实际支出…（按年度结算口径，含…）".
  std::string after = PaidAfterPeriod(in);
  const Project& p = in.c.project;
  size_t to = p.period.rfind("至");
  std::string as_of =
      "截至" + EscapeValue(to == std::string::npos ? "评价期末" : p.period.substr(to + 3)) + "，";
  d.set("actual_note", after);
  d.set("actual_lead",
        after.empty() ? as_of : (p.year.empty() ? "本年度" : EscapeValue(p.year) + "年度"));
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
    // "市级财政" and "市级财政资金" are named as written: never "市级财政财政" (browser trial 2).
    bool named = only.size() >= 6 && (only.compare(only.size() - 6, 6, "财政") == 0 ||
                                      only.compare(only.size() - 6, 6, "资金") == 0);
    d.set("initial_sources", "资金全部来源于" + EscapeValue(only) + (named ? "" : "财政"));
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

// Analytic sentences, not the table read back: the 调整后预算 from the first year to the last
// with its trend, and the range of the 执行率 with its direction ("近三年项目调整后预算由2022年的
// 171.36万元增至2024年的208.76万元，逐年增加；预算执行率在96.30%至97.79%之间，总体保持稳定。").
kainjow::mustache::data HistoryContext(const ReportInput& in) {
  data d;
  const auto& rows = in.c.history.rows;
  d.set("count", ChineseNumber(static_cast<int>(rows.size())));
  if (rows.empty()) {
    d.set("analysis", "");
    return d;
  }
  bool rising = rows.size() > 1, falling = rows.size() > 1, rates_known = true;
  bool rate_up = rows.size() > 2, rate_down = rows.size() > 2;
  std::vector<Rational> rates;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i > 0) {
      rising = rising && rows[i].adjusted.fen > rows[i - 1].adjusted.fen;
      falling = falling && rows[i].adjusted.fen < rows[i - 1].adjusted.fen;
    }
    if (rows[i].adjusted.fen == 0) {
      rates_known = false;
      continue;
    }
    rates.push_back(Rational(rows[i].actual.fen * 100, rows[i].adjusted.fen));
    if (rates.size() > 1) {
      rate_up = rate_up && rates.back() > rates[rates.size() - 2];
      rate_down = rate_down && rates.back() < rates[rates.size() - 2];
    }
  }
  const HistoryRow& first = rows.front();
  const HistoryRow& last = rows.back();
  std::string span = "近" + ChineseNumber(static_cast<int>(rows.size())) + "年";
  std::string text = "通过上表可知，";
  if (rows.size() == 1) {
    text += EscapeValue(last.year) + "年项目调整后预算为" + FormatWanYuan(last.adjusted);
  } else {
    std::string from = EscapeValue(first.year) + "年的" + FormatWanYuan(first.adjusted);
    std::string to = EscapeValue(last.year) + "年的" + FormatWanYuan(last.adjusted);
    std::string trend = rising ? "，逐年增加" : falling ? "，逐年减少" : "，其间有所波动";
    if (last.adjusted.fen > first.adjusted.fen)
      text += span + "项目调整后预算由" + from + "增至" + to + trend;
    else if (last.adjusted.fen < first.adjusted.fen)
      text += span + "项目调整后预算由" + from + "减至" + to + trend;
    else
      text += span + "项目调整后预算均为" + FormatWanYuan(last.adjusted);
  }
  if (rates_known && !rates.empty()) {
    Rational low = rates.front(), high = rates.front();
    for (const auto& r : rates) {
      if (r < low) low = r;
      if (r > high) high = r;
    }
    std::string lo = FormatPercent(low), hi = FormatPercent(high);
    if (rates.size() == 1)
      text += "，预算执行率为" + lo;
    else if (lo == hi)
      text += (low == Rational(100) ? "；预算执行率均达" : "；预算执行率均为") + lo;
    else
      text += "；预算执行率在" + lo + "至" + hi + "之间" +
              (rate_up                     ? "，逐年提高"
               : rate_down                 ? "，逐年下降"
               : high - low <= Rational(2) ? "，总体保持稳定"
                                           : "，有所波动");
  }
  text += "。";
  // A second sentence on what the table does not say at a glance (issue 22: the analysis read as
  // cut short): the change from the first year to the last, and how the years were adjusted.
  // The report year's figure from budget.csv in yuan when history.csv rounds it (147.17万元 for
  // 1,471,745.31元: 277.37%, not 277.36%, reader5).
  Money last_adjusted = last.adjusted;
  if (in.c.budget.present && last.year == in.c.project.year) {
    Money exact = SumBudget(in.c).adjusted, off = exact - last.adjusted;
    if (off.fen > -10000 && off.fen < 10000) last_adjusted = exact;  // within 0.01万元
  }
  if (rows.size() > 1 && first.adjusted.fen > 0 && last_adjusted.fen != first.adjusted.fen) {
    bool up = first.adjusted < last_adjusted;
    Money size = up ? last_adjusted - first.adjusted : first.adjusted - last_adjusted;
    text += EscapeValue(last.year) + "年调整后预算较" + EscapeValue(first.year) + "年" +
            (up ? "增长" : "下降") + FormatPercent(Rational(size.fen * 100, first.adjusted.fen));
    auto years = [](int n) { return (n == 2 ? std::string("两") : ChineseNumber(n)) + "年"; };
    int raised = 0, cut = 0;
    bool spent_all = true;
    for (const auto& r : rows) {
      raised += r.initial < r.adjusted;
      cut += r.adjusted < r.initial;
      spent_all = spent_all && r.actual == r.adjusted;
    }
    if (raised + cut > 0)
      text += "；" + span + "中" + (raised > 0 ? years(raised) + "年中调增预算" : std::string()) +
              (raised > 0 && cut > 0 ? "、" : "") +
              (cut > 0 ? years(cut) + "调减预算" : std::string());
    if (spent_all) text += "，各年实际支出均与调整后预算一致";
    text += "。";
  }
  d.set("analysis", text);
  return d;
}

std::string SpendingAccount(const ReportInput& in) {
  Money disbursed{0};
  int64_t persons = 0;
  for (const auto& d : in.c.disbursements.rows) disbursed += d.amount, persons += d.persons;
  std::string paid = "社会化发放全年共" + std::to_string(in.c.disbursements.rows.size()) +
                     "批次，合计" + GroupThousands(std::to_string(persons)) + "人次、" +
                     FormatYuan(disbursed);
  if (!in.c.budget.present) return paid + "，明细如下。";
  Money total = SumBudget(in.c).actual, rest = total - disbursed;
  std::vector<std::string> parts = {paid};
  if (in.c.transfers.present && !in.c.transfers.rows.empty()) {
    Money moved{0};
    std::vector<std::string> each;
    for (const auto& t : in.c.transfers.rows)
      moved += t.amount, each.push_back(FormatYuan(t.amount));
    rest = rest - moved;
    size_t n = each.size();
    parts.push_back("资金结算划拨" + std::to_string(n) + "笔" +
                    (n == 1 ? FormatYuan(moved)
                            : "，合计" + FormatYuan(moved) +
                                  (n <= 4 ? "（" + Join(each, "、") + "）" : std::string())));
  }
  if (rest.fen < 0) return paid + "，明细如下。";
  if (rest.fen > 0) {
    const BudgetLine* only = nullptr;
    int matches = 0;
    for (const auto& line : in.c.budget.rows)
      if (line.actual == rest) only = &line, ++matches;
    std::string name;
    if (matches == 1)
      name = only->details.size() == 1 && !only->details.front().detail.empty()
                 ? only->details.front().detail
                 : only->composition;
    parts.push_back(!name.empty() ? EscapeValue(name) + FormatYuan(rest)
                                  : "其余" + FormatYuan(rest) + "未在发放明细和划拨记录中逐笔列示");
  }
  return "项目全年实际支出" + FormatYuan(total) + "，其中：" + Join(parts, "；") +
         "。社会化发放明细如下。";
}

}  // namespace jixiao::report
