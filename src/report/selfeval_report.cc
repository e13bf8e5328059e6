#include "report/selfeval_report.h"

#include "core/format.h"
#include "core/text.h"
#include "report/running_text.h"

namespace jixiao::report {
namespace {

doc::Paragraph Para(const std::string& text) {
  doc::Paragraph p;
  p.runs.push_back({text, false});
  return p;
}

std::string Points(const std::optional<Rational>& r) {
  return r ? FormatScore(Score::Round(*r)) : "未填";
}

std::string Amount(const PrintedMoney& m, const std::string& unit) {
  if (!m.value) return m.text.empty() ? "未填" : m.text;
  return unit == "元" ? FormatYuan(*m.value) : FormatWanYuan(*m.value);
}

// A sentence ends with its full stop once: 收入 → 收入。, 收入。 stays.
std::string Sentence(const std::string& text) {
  for (const char* end : {"。", "！", "？", ".", "；"})
    if (EndsWith(text, end)) return text;
  return text + "。";
}

std::string Or(const PrintedText& t, const std::string& otherwise) {
  return t.blank() ? otherwise : t.text;
}

}  // namespace

std::string FundingSourcesText(const SelfEvalBudget& budget, const std::string& unit) {
  std::string out;
  for (const auto& s : budget.sources) {
    std::string name = s.name.text;
    for (const char* prefix : {"其中：", "其中:", "其中"})
      if (StartsWith(name, prefix)) name = name.substr(std::string(prefix).size());
    std::string figures;
    bool nonzero = false;
    for (const auto& [label, m] :
         {std::pair<const char*, const PrintedMoney*>{"年初预算数", &s.year_start},
          {"全年预算数", &s.full_year},
          {"全年执行数", &s.executed}}) {
      if (!m->value) continue;
      nonzero |= m->value->fen != 0;
      figures += (figures.empty() ? "" : "、") + std::string(label) + Amount(*m, unit);
    }
    if (name.empty() || !nonzero) continue;  // a source printed blank or all 0 is left out
    out += (out.empty() ? "其中：" : "；") + name + "（" + figures + "）";
  }
  return out;
}

doc::Document BuildSelfEvalReport(const SelfEvaluation& form, const SelfEvalResult& result,
                                  const SelfEvalRules& rules,
                                  const SelfEvalReportOptions& options) {
  doc::Document d;
  const std::string name = Or(form.header.project, Trim(options.project));
  const std::string project = name.empty()             ? "项目支出"
                              : EndsWith(name, "项目") ? name
                                                       : name + "项目";
  d.title = project + "绩效自评报告";
  d.blocks.push_back(doc::Heading{1, d.title, false});
  d.blocks.push_back(doc::Heading{1, "一、基本情况"});
  std::string basic;
  if (!form.header.unit.blank()) basic += "实施单位：" + form.header.unit.text + "。";
  if (!form.header.department.blank()) basic += "主管部门：" + form.header.department.text + "。";
  if (!form.header.year.blank()) basic += "评价年度：" + form.header.year.text + "年。";
  basic += "本报告依据该项目的项目支出绩效自评表起草，按" + SelfEvalRulesName(rules) +
           (options.review ? "复核计分。" : "计分。");
  d.blocks.push_back(Para(basic));
  const auto& b = form.budget;
  if (b.present) {
    std::string money = "全年预算数" + Amount(b.full_year, b.money_unit) + "，全年执行数" +
                        Amount(b.executed, b.money_unit);
    if (b.year_start.value)
      money = "年初预算数" + Amount(b.year_start, b.money_unit) + "，" + money;
    if (result.budget.rate) money += "，预算执行率" + FormatPercent(*result.budget.rate);
    const std::string split = FundingSourcesText(b, b.money_unit);
    if (!split.empty()) money += "。按资金来源分列，" + split;
    d.blocks.push_back(Para(money + "。"));
  }
  if (!form.goal.blank()) d.blocks.push_back(Para("年度总体目标：" + Sentence(form.goal.text)));
  // Not the template's instruction (“对照年度目标，说明…（100字以内）”) as if it were the answer.
  if (!form.goal_actual.blank() && !IsInstructionText(form.goal_actual.text))
    d.blocks.push_back(Para("实际完成情况：" + Sentence(form.goal_actual.text)));

  d.blocks.push_back(doc::Heading{1, "二、绩效目标完成情况分析"});
  // The unit reports its own 自评 score; a reviewer reports the recomputed one beside the unit's.
  const bool differs = result.claimed_total && result.computed_total &&
                       Score::Round(*result.claimed_total).hundredths !=
                           Score::Round(*result.computed_total).hundredths;
  // The domain's words (issue 21): 自评分 is the unit's own total printed on the form (表上总分),
  // 复核分 the one recomputed by the rule set; the one is never called the other.
  const std::string grade =
      result.computed_grade.empty() ? "" : "，等级为“" + result.computed_grade + "”";
  std::string total;
  if (options.review)
    total = "经复核，复核分" + Points(result.computed_total) + grade +
            (differs ? "（单位自评分" + Points(result.claimed_total) + "）" : "");
  else if (!result.claimed_total)
    total = "表上未填总分；按评分规则重算的复核分" + Points(result.computed_total) + grade;
  else if (differs)
    total = "自评分（表上总分）" + Points(result.claimed_total) + "；按评分规则重算的复核分" +
            Points(result.computed_total) + grade + "，两者不一致，请核对";
  else
    total = "自评分（表上总分）" + Points(result.claimed_total) + "，与按评分规则重算的复核分一致" +
            grade;
  d.blocks.push_back(Para(total + "。"));
  if (result.budget.present)
    d.blocks.push_back(Para("预算执行情况：分值" + Points(result.budget.weight) + "，得分" +
                            Points(result.budget.computed) + "。"));
  size_t met = 0, missed = 0, scored = 0;
  std::vector<const SelfEvalRowResult*> misses;
  for (const auto& rr : result.rows) {
    if (rr.not_applicable || !rr.weight || !rr.computed) continue;
    ++scored;
    if (*rr.computed < *rr.weight)
      ++missed, misses.push_back(&rr);
    else
      ++met;
  }
  d.blocks.push_back(Para("共有绩效指标" + std::to_string(scored) + "项，得满分" +
                          std::to_string(met) + "项，未得满分" + std::to_string(missed) +
                          "项。各指标完成情况如下："));
  doc::Table t;
  t.number = "表1";
  t.caption = project + "绩效指标完成情况表";
  t.widths = {3, 3, 2, 2, 1, 1};
  t.rows.push_back({{"三级指标", true},
                    {"年度指标值", true},
                    {"实际完成值", true},
                    {"偏差原因", true},
                    {"分值", true},
                    {"得分", true}});
  for (const auto& rr : result.rows) {
    const SelfEvalRow& row = form.rows[rr.index];
    t.rows.push_back({{row.level3.text, false, doc::Align::kLeft},
                      {row.target.text},
                      {row.actual.text.empty() ? "未填" : row.actual.text},
                      {row.reason.text, false, doc::Align::kLeft},
                      {rr.weight ? FormatScoreNumber(Score::Round(*rr.weight)) : "—"},
                      {rr.not_applicable ? "不适用"
                       : rr.computed     ? FormatScoreNumber(Score::Round(*rr.computed))
                                         : "—"}});
  }
  d.blocks.push_back(t);

  d.blocks.push_back(doc::Heading{1, "三、偏离绩效目标的原因和改进措施"});
  if (misses.empty() && !(result.budget.rate && *result.budget.rate < rules.budget.reason_below)) {
    d.blocks.push_back(Para("各项绩效指标均已完成，未发生偏离。"));
  }
  if (result.budget.rate && *result.budget.rate < rules.budget.reason_below)
    d.blocks.push_back(Para(
        "预算执行率" + FormatPercent(*result.budget.rate) + "，低于" +
        TrimmedDecimal(rules.budget.reason_below) + "%。" +
        (b.reason.blank() ? "自评表未说明原因，需补充。" : "原因：" + Sentence(b.reason.text))));
  int n = 0;
  for (const auto* rr : misses) {
    const SelfEvalRow& row = form.rows[rr->index];
    std::string text = std::to_string(++n) + ".“" + row.level3.text + "”：年度指标值" +
                       row.target.text + "，实际完成" +
                       (row.actual.blank() ? std::string("未填") : row.actual.text) + "，得分" +
                       Points(rr->computed) + "（分值" + Points(rr->weight) + "）。";
    text += row.reason.blank() ? "自评表未填写偏差原因，需补充原因和改进措施。"
                               : "偏差原因及改进措施：" + Sentence(row.reason.text);
    d.blocks.push_back(Para(text));
  }

  d.blocks.push_back(doc::Heading{1, "四、自评结果应用和公开情况"});
  d.blocks.push_back(
      Para("自评结果（总分" + Points(result.computed_total) +
           (result.computed_grade.empty() ? "" : "，等级“" + result.computed_grade + "”") +
           "）将作为以后年度预算安排和项目调整的参考；自评表和本报告随部门决算按规定公开。" +
           (misses.empty() ? ""
                           : "对未完成的" + std::to_string(misses.size()) +
                                 "项指标，将按上文措施整改，并在下一年度绩效目标中体现。")));
  TidyRunningText(d);  // quotes inside quotes as ‘…’ (browser trial 2 saw “1.““两强一增”…”)
  return d;
}

}  // namespace jixiao::report
