// The 绩效分析 summary sentences: what each leaf contributes, checked against the published
// 2024马桥镇医疗救助 report (C31 lost its points on 区镇资金结算划拨, not on 社会化发放).
#include "report/prose.h"

#include <catch2/catch.hpp>

#include "report/source_refs.h"

namespace jixiao::report {
namespace {

Indicator Leaf(const std::string& code, const std::string& name, int64_t weight,
               std::optional<Rule> rule = std::nullopt) {
  Indicator i;
  i.code = code;
  i.name = name;
  i.weight = Score{weight};
  i.level = 3;
  i.rule = rule;
  return i;
}

Rule MetricRule(RuleType type, const std::string& metric) {
  Rule r;
  r.type = type;
  r.metric = metric;
  return r;
}

IndicatorResult Result(const Indicator& node, int64_t score, const std::string& value, int parent) {
  IndicatorResult r;
  r.code = node.code;
  r.name = node.name;
  r.level = node.level;
  r.parent = parent;
  r.leaf = node.IsLeaf();
  r.weight = node.weight;
  r.score = Score{score};
  r.value = value;
  r.rule_type = node.rule ? RuleTypeName(node.rule->type) : "";
  return r;
}

// 项目产出 of maqiao: four rates at 100%, C31 lost 2 points on two late transfers, C41 at 0%.
struct Output {
  Framework fw;
  Case c;
  Scorecard card;
  Output() {
    Rule timely;
    timely.type = RuleType::kTimeliness;
    Indicator cat{"C", "产出", Score{3000}, 1};
    cat.children = {Leaf("C12", "救助对象覆盖率", 500), Leaf("C21", "救助资金发放准确率", 500),
                    Leaf("C22", "救助资金发放足额率", 400),
                    Leaf("C31", "救助资金发放及时性", 500, timely),
                    Leaf("C41", "成本节约率", 200, MetricRule(RuleType::kBands, "成本节约率"))};
    fw.indicators = {cat};
    card.indicators.push_back(Result(cat, 2800, "", -1));
    card.indicators.back().leaf = false;
    const char* values[] = {"100%", "100%", "100%", "不够及时", "0%"};
    for (size_t i = 0; i < cat.children.size(); ++i) {
      const Indicator& leaf = cat.children[i];
      card.indicators.push_back(
          Result(leaf, leaf.code == "C31" ? 300 : leaf.weight.hundredths, values[i], 0));
    }
    IndicatorResult& c31 = card.indicators[4];
    c31.deductions = {
        {Rational(1), std::nullopt, "承担……资金（32,880.00元）应于2024年6月20日前划拨"},
        {Rational(1), std::nullopt, "承担……资金（4,281.25元）应于2024年11月14日前划拨"}};
    card.metrics["成本节约率"] = {Rational(0), "%", "budget.csv"};
  }
  std::string Prose() const { return CategoryProse({fw, c, card}, card.indicators[0]); }
};

}  // namespace

TEST_CASE("summary: the evaluator's phrase replaces the leaf name + 业绩值") {
  Output o;
  o.c.findings["C31"].summary = "区镇资金结算划拨不够及时";
  std::string text = o.Prose();
  CHECK(text.find("但区镇资金结算划拨不够及时（扣2分）") != std::string::npos);
  CHECK(text.find("救助资金发放不够及时") == std::string::npos);
  o.c.findings["C11"].summary = "共发放救助资金639318.31元";  // typed without separators
  o.c.findings["C31"].summary = "";
  CHECK(o.Prose().find("共发放救助资金639,318.31元") == std::string::npos);  // no C11 leaf here
  o.c.findings["C12"].summary = "共发放救助资金639318.31元";
  CHECK(o.Prose().find("共发放救助资金639,318.31元") != std::string::npos);
}

TEST_CASE("summary: without a phrase a timeliness shortfall is said from the late transfers") {
  Output o;
  std::string text = o.Prose();
  CHECK(text.find("但2笔资金晚于规定时限划拨（扣2分）") != std::string::npos);
  CHECK(text.find("救助资金发放不够及时") == std::string::npos);
}

TEST_CASE("summary: without a phrase the evaluator's deduction reasons say what fell short") {
  Output o;
  o.c.findings["C31"].deductions.push_back(
      {Amount{},
       "资金社会化发放未明确时间节点（如每月15日前、后各发放1次），不利于时效性考核和监管",
       {}});
  o.c.findings["C31"].deductions.push_back(
      {Amount{}, "个别指标值不够清晰：产出质量指标的指标值为“完成率100%”", {}});
  std::string text = o.Prose();
  CHECK(
      text.find(
          "但资金社会化发放未明确时间节点，不利于时效性考核和监管，个别指标值不够清晰（扣2分）") !=
      std::string::npos);
}

TEST_CASE("summary: shared values are said once; a cost within budget reads as in the report") {
  Output o;
  std::string text = o.Prose();
  CHECK(
      text.rfind(
          "从项目产出方面来看：救助对象覆盖率、救助资金发放准确率和救助资金发放足额率均为100.00%，"
          "成本未超过预算限额；",
          0) == 0);
  CHECK(text.find("成本节约率为0.00%") == std::string::npos);
  CHECK(text.find("该类指标满分30分，得28分，得分率为93.33%。") != std::string::npos);
  // From the budget alone a positive rate is an underspend (fewer meals), not a saving to boast.
  o.card.metrics["成本节约率"].value = Rational(223, 100);
  CHECK(o.Prose().find("成本节约率为2.23%") == std::string::npos);
  CHECK(o.Prose().find("成本未超过预算限额") != std::string::npos);
  // With a 计划成本 typed (standard unit cost × actual output) the rate is a real comparison.
  o.c.metrics["计划成本"].value = Rational(2041075);
  CHECK(o.Prose().find("成本节约率为2.23%，实际成本未超过计划成本") != std::string::npos);
  o.card.metrics["成本节约率"].value = Rational(0);
  CHECK(o.Prose().find("实际成本与按标准核算的计划成本一致") != std::string::npos);
}

TEST_CASE("summary: a mostly met level (较规范) reads with the positives") {
  Output o;
  o.card.indicators[4].value = "较及时";
  o.card.indicators[4].deductions.clear();
  o.card.indicators[4].rule_type = "levels";
  std::string text = o.Prose();
  CHECK(text.find("救助资金发放较及时（扣2分），成本未超过预算限额。") != std::string::npos);
  CHECK(text.find("但") == std::string::npos);
}

TEST_CASE("FindingPhrase: the value completes the name") {
  CHECK(FindingPhrase("立项依据充分性", "充分") == "立项依据充分");
  CHECK(FindingPhrase("资金到位率", "100%") == "资金到位率为100.00%");
  CHECK(FindingPhrase("社会效益", "显著") == "社会效益显著");
  // The value restates the name's last words: said once.
  CHECK(FindingPhrase("长效管理机制健全及执行有效性", "健全且执行有效") ==
        "长效管理机制健全且执行有效");
  CHECK(FindingPhrase("财务管理制度健全性", "健全") == "财务管理制度健全");
}

}  // namespace jixiao::report

namespace jixiao::report {

TEST_CASE("deduction sentence: a reason the analysis already tells is not told again") {
  IndicatorResult leaf;
  leaf.sentence = "根据评分标准，扣权重的40%，扣1.6分。";
  leaf.deductions = {
      {Rational(8, 5), Rational(2, 5),
       "部门内部协作效能有待提升，审批流程需三级签字，发生过区镇资金结算不够及时情况"}};
  // D31 of maqiao: the analysis says it in its own words.
  CHECK(DeductionSentence(leaf,
                          "但部门内部协作效能有待进一步提升，发生过区镇资金结算不够及时情况，"
                          "主要原因在于审批流程不够精简。") == leaf.sentence);
  // An analysis that does not tell the shortfall: the reason is given.
  CHECK(DeductionSentence(leaf, "镇受理中心加强了与区民政、区社保等相关部门的沟通。") ==
        "因部门内部协作效能有待提升，审批流程需三级签字，发生过区镇资金结算不够及时情况，"
        "根据评分标准，扣权重的40%，扣1.6分。");
}

}  // namespace jixiao::report

namespace jixiao::report {

// D11 of maqiao: 政策知晓率≥90%得满分, measured by a questionnaire; the analysis already gives
// 98.90%. Survey evidence is not "经核查": "问卷调查显示，…为…，达到“≥90%”的满分标准", value and
// band said once, the source the survey report when the case appends it.
struct SurveyLeaf {
  Framework fw;
  Case c;
  Scorecard card;
  SurveyLeaf() {
    Rule r = MetricRule(RuleType::kBands, "政策知晓率");
    r.bands = {{CompareOp::kGe, Rational(90), Rational(1)},
               {CompareOp::kGe, Rational(80), Rational(4, 5)},
               {CompareOp::kDefault, Rational(0), Rational(0)}};
    Indicator leaf = Leaf("D11", "医疗救助政策知晓率", 400, r);
    leaf.criteria = "政策知晓率≥90%得满分；80%（含）–90%得分值的80%；80%以下不得分。";
    fw.indicators = {leaf};
    card.indicators.push_back(Result(leaf, 400, "98.90%", -1));
    card.indicators[0].evidence = "政策知晓率为98.90%，不低于90.00%，得满分";
    card.metrics["政策知晓率"] = {Rational(989, 10), "%", "2025年7月中旬随机抽样问卷调查"};
  }
  std::string Facts(const std::string& analysis) const {
    return IndicatorFacts({fw, c, card}, card.indicators[0], analysis);
  }
};

// Quoted from the framework, its range reads with ～ (issue 22; the framework above types –).
const char* kD11Criteria =
    "评分标准为：政策知晓率≥90%得满分；80%（含）～90%得分值的80%；80%以下不得分。";

TEST_CASE("facts: survey evidence states value and band once, without 经核查") {
  SurveyLeaf s;
  CHECK(s.Facts("马桥镇群众对医疗救助政策的知晓率为98.90%。") ==
        std::string(kD11Criteria) +
            "政策知晓率达到“≥90%”的满分标准（数据来源：2025年7月中旬随机抽样问卷调查）。");
  // No analysis: the paragraph opens with what was found, then the standard.
  CHECK(s.Facts("") ==
        "问卷调查显示，政策知晓率为98.90%，达到“≥90%”的满分标准（数据来源：2025年7月中旬随机抽样"
        "问卷调查）。" +
            std::string(kD11Criteria));
  // The case appends the survey report: it is the source.
  s.c.attachments.push_back({"2-2", "问卷调查汇总分析报告", "", ".md", false, "", ""});
  CHECK(s.Facts("") ==
        "问卷调查显示，政策知晓率为98.90%，达到“≥90%”的满分标准（数据来源：附件2-2 "
        "问卷调查汇总分析报告）。" +
            std::string(kD11Criteria));
}

TEST_CASE("facts: a survey value in a lower band is placed in it") {
  SurveyLeaf s;
  s.card.indicators[0].score = Score{320};
  s.card.indicators[0].evidence = "政策知晓率为85.00%，在80.00%（含）～90.00%之间，得分值的80%";
  s.card.metrics["政策知晓率"].value = Rational(85);
  CHECK(s.Facts("") ==
        "问卷调查显示，政策知晓率为85.00%，在80.00%（含）～90.00%之间（数据来源：2025年7月中旬"
        "随机抽样问卷调查）。" +
            std::string(kD11Criteria));
}

TEST_CASE("facts: a metric not from a survey keeps 经核查") {
  SurveyLeaf s;
  s.card.metrics["政策知晓率"].source = "受理中心台账";
  CHECK(s.Facts("").rfind("经核查，政策知晓率为98.90%，不低于90.00%（数据来源：受理中心台账）。",
                          0) == 0);
  // A field check is checked, not a questionnaire.
  s.card.metrics["政策知晓率"].source = "现场调查核实";
  CHECK(s.Facts("").rfind("经核查，政策知晓率为98.90%", 0) == 0);
}

// C31 of maqiao: two 区镇资金结算划拨, 12 and 1 days late; the criteria count them in 笔.
struct TransferLeaf {
  Framework fw;
  Case c;
  Scorecard card;
  TransferLeaf() {
    Rule r;
    r.type = RuleType::kTimeliness;
    r.per_item = Amount{};
    Indicator leaf = Leaf("C31", "救助资金发放及时性", 500, r);
    leaf.criteria =
        "区镇资金结算划拨及救助资金发放均在通知或文件规定的时限内完成得满分；每发现一笔资金晚于"
        "规定时限划拨，扣1分，扣完为止。";
    fw.indicators = {leaf};
    card.indicators.push_back(Result(leaf, 300, "逾期2项", -1));
    card.indicators[0].evidence = "共2项资金划拨，逾期2项、合计13天";
    c.transfers.present = true;
    c.transfers.rows = {{"承担……医保资金", Money{}, {2024, 6, 20}, {2024, 7, 2}, 2},
                        {"承担……2024年医保资金", Money{}, {2024, 11, 14}, {2024, 11, 15}, 3}};
  }
  std::string Facts() const {
    return IndicatorFacts({fw, c, card}, card.indicators[0], "区镇资金结算划拨不够及时。");
  }
};

TEST_CASE("facts: late transfers counted in the criteria's unit, with each one's days") {
  TransferLeaf t;
  std::string checked = "（数据来源：" + SourceRef("transfers") + "）。";
  CHECK(t.Facts().find("经核查，共2笔区镇资金结算划拨，均逾期（分别逾期12天、1天）" + checked) !=
        std::string::npos);
  t.c.transfers.rows[1].actual = {2024, 11, 14};
  CHECK(t.Facts().find("经核查，共2笔区镇资金结算划拨，其中1笔逾期12天，1笔按期完成" + checked) !=
        std::string::npos);
  t.c.transfers.rows[0].actual = {2024, 6, 1};
  CHECK(t.Facts().find("经核查，共2笔区镇资金结算划拨，均按期完成" + checked) != std::string::npos);
  // Criteria that name neither the transfers nor their unit (national-2020: 每逾期1天扣0.5分).
  t.fw.indicators[0].criteria = "每逾期1天扣0.5分，扣完为止。";
  t.c.transfers.rows[0].actual = {2024, 6, 24};
  t.c.transfers.rows.push_back({"第三笔", Money{}, {2024, 3, 1}, {2024, 3, 3}, 4});
  CHECK(t.Facts().find("经核查，共3笔资金划拨，其中2笔逾期（分别逾期4天、2天），1笔按期完成" +
                       checked) != std::string::npos);
}

}  // namespace jixiao::report

namespace jixiao::report {

// A11 of maqiao: 附表1 gives ①–⑤ and the deduction rule; the body quotes them all, never cut to
// ①–③ plus 等.
TEST_CASE("facts: the 评分标准 are quoted with every element and the deduction rule") {
  Rule r;
  r.type = RuleType::kDeduction;
  Indicator leaf = Leaf("A11", "立项依据充分性", 300, r);
  leaf.criteria =
      "①项目立项符合国家法律法规、国民经济发展规划和相关政策；②符合行业发展规划和政策要求；"
      "③与部门职责范围相符，属于部门履职所需；④属于公共财政支持范围，符合中央、地方事权支出"
      "责任划分原则；⑤与相关部门同类项目或部门内部相关项目不重复。每发现一项不符合，扣权重的"
      "20%，扣完为止。";
  Framework fw;
  fw.indicators = {leaf};
  Case c;
  Scorecard card;
  card.indicators.push_back(Result(leaf, 300, "充分", -1));
  CHECK(IndicatorFacts({fw, c, card}, card.indicators[0], "依据充分。") ==
        "评分标准为：" + leaf.criteria);
  // Criteria too long for a sentence keep their first sentence whole.
  std::string items;
  for (int i = 0; i < 20; ++i)
    items += "第" + std::to_string(i + 1) + "项要求项目资料齐全并按时归档；";
  fw.indicators[0].criteria = items + "全部满足。每发现一项不符合，扣权重的10%，扣完为止。";
  CHECK(IndicatorFacts({fw, c, card}, card.indicators[0], "依据充分。") ==
        "评分标准为：" + items + "全部满足。");
}

TEST_CASE("a typed source inside （数据来源：…） nests no brackets; 《…》 keeps its own") {
  CHECK(WithoutInnerBrackets("问卷调查（2025年5月，有效问卷250份，满意和比较满意234份）") ==
        "问卷调查，2025年5月，有效问卷250份，满意和比较满意234份");
  CHECK(WithoutInnerBrackets("《上海市财政项目支出预算绩效管理办法（试行）》") ==
        "《上海市财政项目支出预算绩效管理办法（试行）》");
  CHECK(WithoutInnerBrackets("第三方食品安全抽检报告") == "第三方食品安全抽检报告");
}

}  // namespace jixiao::report

namespace jixiao::report {

// Issue 22, "sentences that cannot break": an analysis that already states a 调减 rate left
// "经核查，预算调整率按绝对值评分），在…" — the value was cut at the comma inside its own bracket.
TEST_CASE("facts: a value stated by the analysis is dropped whole, with its bracket") {
  Rule r = MetricRule(RuleType::kBands, "预算调整率");
  Indicator leaf = Leaf("A32", "资金分配合理性", 300, r);
  Framework fw;
  fw.indicators = {leaf};
  Case c;
  Scorecard card;
  card.indicators.push_back(Result(leaf, 150, "调减6.50%", -1));
  card.indicators[0].evidence =
      "预算调整率为6.50%（调减，按绝对值评分），在5.00%–10.00%（含）之间，得分值的50%";
  card.metrics["预算调整率"] = {Rational(-65, 10), "%", "budget.csv"};
  std::string facts =
      IndicatorFacts({fw, c, card}, card.indicators[0], "经核查，预算调整率为6.50%。");
  CHECK(facts.rfind("经核查，预算调整率在5.00%–10.00%（含）之间", 0) == 0);
  size_t open = 0, close = 0;
  for (size_t at = 0; (at = facts.find("（", at)) != std::string::npos; at += 3) ++open;
  for (size_t at = 0; (at = facts.find("）", at)) != std::string::npos; at += 3) ++close;
  CHECK(open == close);
}

}  // namespace jixiao::report

namespace jixiao::report {

// Issue 22: "但重大疾病医疗负担有所减轻（扣1.8分）" read as a shortcoming without saying why.
TEST_CASE("summary: a partial level says it fell short of the top one") {
  Rule r;
  r.type = RuleType::kLevels;
  r.levels = {{"明显减轻", Rational(1)}, {"有所减轻", Rational(1, 2)}, {"未减轻", Rational(0)}};
  Indicator leaf = Leaf("D12", "重大疾病医疗负担减轻情况", 360, r);
  Framework fw;
  fw.indicators = {leaf};
  Case c;
  Scorecard card;
  card.indicators.push_back(Result(leaf, 180, "有所减轻", -1));
  CHECK(SummaryPhrase({fw, c, card}, card.indicators[0]) ==
        "重大疾病医疗负担仅有所减轻，未达明显减轻");
  card.indicators[0] = Result(leaf, 360, "明显减轻", -1);  // the top level: nothing to say
  CHECK(SummaryPhrase({fw, c, card}, card.indicators[0]).find("未达") == std::string::npos);
  card.indicators[0] = Result(leaf, 0, "未减轻", -1);  // nothing earned: no "仅"
  CHECK(SummaryPhrase({fw, c, card}, card.indicators[0]).find("仅") == std::string::npos);
}

TEST_CASE("full marks: no evidence to state asks for it; an analysis or the rule's data does not") {
  Output o;
  Rule levels;
  levels.type = RuleType::kLevels;
  Indicator a11 = Leaf("A11", "立项依据充分性", 300, levels);
  o.fw.indicators.push_back(a11);
  IndicatorResult r = Result(a11, 300, "充分", -1);
  ReportInput in{o.fw, o.c, o.card};
  CHECK(EvidenceTodo(in, r, "") ==
        "【待补充：A11 立项依据充分性的核查情况（查阅的文件、资料及逐项核查结论）】");
  CHECK(EvidenceTodo(in, r, "经查阅立项文件，项目立项依据充分。").empty());
  IndicatorResult lost = Result(a11, 200, "较充分", -1);  // a deduction states its reason
  CHECK(EvidenceTodo(in, lost, "").empty());
  r.override_reason = "经复核调整";
  CHECK(EvidenceTodo(in, r, "").empty());
  IndicatorResult c41 = o.card.indicators[5];  // 成本节约率: the rule's data is the evidence
  c41.evidence = "成本节约率为0.00%";
  CHECK(c41.code == "C41");
  CHECK(EvidenceTodo(in, c41, "").empty());
}

}  // namespace jixiao::report
