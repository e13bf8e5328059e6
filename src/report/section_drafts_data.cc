// The drafts `jixiao draft` (生成初稿) writes for sections the report otherwise leaves to the
// evaluator: every figure from the data through core/format, a 【待补充：…】 where only the
// evaluator can say (a reason, a judgement).
#include <map>
#include <vector>

#include "core/format.h"
#include "core/half_width.h"
#include "core/text.h"
#include "document/markup.h"
#include "model/target_value.h"
#include "report/context_budget.h"
#include "report/section_drafts.h"
#include "scoring/metrics.h"

namespace jixiao::report {
namespace {

using doc::EscapeValue;

std::string Join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::string Listed(const std::vector<std::string>& items) {
  if (items.size() <= 5) return Join(items, "、");
  return Join({items.begin(), items.begin() + 5}, "、") + "等" + std::to_string(items.size()) +
         "项";
}

// 受…委托，…依据…，对…开展绩效评价。
std::string Intro(const ReportInput& in) {
  const Project& p = in.c.project;
  if (p.name.empty()) return "";
  std::string who = p.evaluator.empty() ? "评价机构" : EscapeValue(p.evaluator);
  std::string by = p.commissioner.empty() ? "" : "受" + EscapeValue(p.commissioner) + "委托，";
  std::string basis = "《项目支出绩效评价管理办法》（财预〔2020〕10号）";
  for (const auto& b : in.framework.basis)
    if (b.find("财预〔2020〕10号") == std::string::npos) {
      basis += "等文件";
      break;
    }
  return by + who + "依据" + basis + "，对" + EscapeValue(p.unit) + "“" + EscapeValue(p.name) +
         "”开展绩效评价。";
}

// 项目年初预算为…，资金来源…。年初预算具体构成如下：(the table follows in the report)
std::string BudgetBasis(const ReportInput& in) {
  if (!in.c.budget.present || in.c.budget.rows.empty()) return "";
  BudgetSums sums = SumBudget(in.c);
  std::vector<std::string> names;  // by 项目构成 in the budget's order, each once
  std::map<std::string, Money> amounts;
  for (const auto& line : in.c.budget.rows) {
    std::string name = line.composition.empty() && !line.details.empty()
                           ? line.details.front().detail
                           : line.composition;
    if (!amounts.count(name)) names.push_back(name);
    amounts[name] += line.Initial();
  }
  std::vector<std::string> parts;  // a line added only by the adjustment has no initial budget
  for (const auto& name : names)
    if (amounts[name].fen != 0) parts.push_back(EscapeValue(name) + FormatWanYuan(amounts[name]));
  if (parts.empty()) return "";
  auto budget = BudgetContext(in);
  std::string sources =
      budget.get("has_initial_sources") && budget.get("has_initial_sources")->is_true()
          ? "，" + budget.get("initial_sources")->string_value()
          : "";
  return "项目年初预算为" + FormatWanYuan(sums.initial) + sources + "，按用途分为" + Listed(parts) +
         "。年初预算具体构成如下：";
}

// 项目共设置绩效目标N项，已达成M项…；未达成的…（目标…，实际…）。
std::string Goals(const ReportInput& in) {
  if (!in.c.targets.present || in.c.targets.rows.empty()) return "";
  int met = 0, unknown = 0;
  std::vector<std::string> short_of;
  for (const auto& t : in.c.targets.rows) {
    auto reading = ReadActual(TargetAsScored(t.value), t.actual);
    if (!reading.attainment || Trim(t.actual).empty()) {
      ++unknown;
    } else if (*reading.attainment == Attainment::kMet) {
      ++met;
    } else {
      short_of.push_back("“" + EscapeValue(t.level3) + "”（目标" +
                         EscapeValue(NarrowFullWidth(Trim(t.value))) + "，实际" +
                         EscapeValue(NarrowFullWidth(Trim(t.actual))) + "）");
    }
  }
  std::string text = "项目共设置绩效目标" + std::to_string(in.c.targets.rows.size()) +
                     "项，经核查，已达成" + std::to_string(met) + "项";
  if (!short_of.empty())
    text += "，未完全达成" + std::to_string(short_of.size()) + "项：" + Listed(short_of);
  if (unknown > 0) text += "，另有" + std::to_string(unknown) + "项实际值待核实";
  text += "。";
  if (!short_of.empty()) text += "未达成的原因为【待补充：未达成的原因】。";
  return text + "各项目标的完成情况见下表。";
}

// 计划实施的N项内容中，M项按计划完成；…计划a、实际b。
std::string PlanCompletion(const ReportInput& in) {
  if (!in.c.plan.present || in.c.plan.rows.empty()) return "";
  int done = 0;
  std::vector<std::string> short_of, unknown;
  for (const auto& row : in.c.plan.rows) {
    std::string name = EscapeValue(row.content.empty() ? row.policy : row.content);
    if (!row.actual) {
      unknown.push_back(name);
    } else if (*row.actual >= row.planned) {
      ++done;
    } else {
      short_of.push_back(name + "计划" + FormatQuantity(row.planned, row.unit) + "、实际" +
                         FormatQuantity(*row.actual, row.unit));
    }
  }
  if (unknown.size() == in.c.plan.rows.size())
    return "计划实施的" + std::to_string(unknown.size()) +
           "项内容见上表，各项的完成情况为【待补充：各项内容的实际完成数量】。";
  std::string text = "计划实施的" + std::to_string(in.c.plan.rows.size()) + "项内容中，" +
                     std::to_string(done) + "项达到计划数量";
  if (!short_of.empty()) text += "；未达到计划的有" + Listed(short_of);
  if (!unknown.empty()) text += "；" + Listed(unknown) + "的实际数量待补充";
  text += "。";
  if (!short_of.empty()) text += "【待补充：未达到计划的原因】";
  return text;
}

// 本项目计划实施…等N项内容 (from the budget's 项目构成 when there is no plan.csv).
std::string PlanContent(const ReportInput& in) {
  if (in.c.plan.present || !in.c.budget.present) return "";
  std::vector<std::string> parts;
  for (const auto& line : in.c.budget.rows) {
    std::string name = line.details.empty() || line.details.size() > 1
                           ? line.composition
                           : line.details.front().detail;
    if (!name.empty()) parts.push_back(EscapeValue(name));
  }
  if (parts.empty()) return "";
  return "按项目预算，本项目计划实施" + Listed(parts) + "共" + std::to_string(parts.size()) +
         "项内容，具体为【待补充：各项内容的计划数量与实施方式】。";
}

}  // namespace

// A value as typed ("≥２０个") as the report prints it ("≥20个"): the one full-width reading
// (core/half_width.h); a value it cannot read is printed as typed.
std::string NarrowFullWidth(const std::string& text) {
  const HalfWidthReading r = ReadHalfWidth(text);
  return r.error.empty() ? r.text : text;
}

std::string EditorDraft(const ReportInput& in, const std::string& key) {
  if (key == "intro") return Intro(in);
  if (key == "budget_basis") return BudgetBasis(in);
  if (key == "goals") return Goals(in);
  if (key == "plan_completion") return PlanCompletion(in);
  if (key == "plan_content") return PlanContent(in);
  return "";
}

}  // namespace jixiao::report
