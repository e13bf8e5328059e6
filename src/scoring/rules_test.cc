// Edge cases of every rule type, on hand-built one-leaf frameworks (no files involved).
#include <catch2/catch.hpp>
#include <tuple>

#include "scoring/score.h"

namespace jixiao {
namespace {

Framework OneLeaf(Rule rule, int64_t weight_hundredths = 300) {
  Framework fw;
  fw.id = "t";
  fw.total = Score{weight_hundredths};
  fw.grades = {
      {"优", Score{9000}}, {"良", Score{8000}}, {"合格", Score{6000}}, {"不合格", Score{0}}};
  fw.metrics = {{"满意度", "%", "", {}}, {"数量", "个", "", {}}};
  Indicator top;
  top.code = "A";
  top.name = "一级";
  top.weight = Score{weight_hundredths};
  Indicator leaf;
  leaf.code = "A1";
  leaf.name = "末级";
  leaf.level = 2;
  leaf.weight = Score{weight_hundredths};
  leaf.rule = rule;
  top.children.push_back(leaf);
  fw.indicators.push_back(top);
  return fw;
}

struct Scored {
  Scorecard card;
  Diagnostics diags;
  const IndicatorResult& leaf() const { return *card.Find("A1"); }
};

Scored Run(const Framework& fw, const Case& c) {
  Scored s;
  s.card = ScoreCase(fw, c, s.diags);
  return s;
}

Case WithMetric(const std::string& name, Rational value, const std::string& unit = "%") {
  Case c;
  c.metrics[name] = {value, unit, "测试", {}};
  return c;
}

Rule MetricRule(RuleType type, const std::string& metric) {
  Rule r;
  r.type = type;
  r.metric = metric;
  return r;
}

}  // namespace

TEST_CASE("deduction: a share of 2/3 of 3 points is exactly 2") {
  Rule r;
  Case c;
  c.findings["A1"].deductions.push_back({Amount::Share(Rational(2, 3)), "指标值不清晰", {}});
  auto s = Run(OneLeaf(r), c);
  REQUIRE_FALSE(s.diags.HasErrors());
  CHECK(s.leaf().score == Score{100});
  CHECK(s.leaf().sentence == "根据评分标准，扣权重的2/3，扣2分。");
  CHECK(s.leaf().summary == "该指标满分3分，根据评分标准得1分。");
}

TEST_CASE("deduction: three shares of 1/3 add up exactly, not to 0.99") {
  Rule r;
  Case c;
  for (int i = 0; i < 3; ++i)
    c.findings["A1"].deductions.push_back({Amount::Share(Rational(1, 3)), "问题", {}});
  auto s = Run(OneLeaf(r, 100), c);
  CHECK(s.leaf().score == Score{0});
}

TEST_CASE("deduction: deductions beyond the weight floor at 0") {
  Rule r;
  Case c;
  c.findings["A1"].deductions.push_back({Amount::Points(Rational(2)), "一", {}});
  c.findings["A1"].deductions.push_back({Amount::Points(Rational(3, 2)), "二", {}});
  auto s = Run(OneLeaf(r), c);
  CHECK(s.leaf().score == Score{0});
  CHECK(s.leaf().sentence == "根据评分标准，扣权重的100%，扣3分。");
}

TEST_CASE("deduction: none gives full marks and says so") {
  auto s = Run(OneLeaf(Rule{}), Case{});
  CHECK(s.leaf().score == Score{300});
  CHECK(s.leaf().sentence == "根据评分标准，不扣分。");
}

TEST_CASE("levels: picks the fraction of the chosen label; unknown label is an error") {
  Rule r;
  r.type = RuleType::kLevels;
  r.levels = {{"充分", Rational(1)}, {"一般", Rational(1, 2)}, {"没有", Rational(0)}};
  Case c;
  c.findings["A1"].level = "一般";
  auto s = Run(OneLeaf(r), c);
  CHECK(s.leaf().score == Score{150});
  CHECK(s.leaf().value == "一般");
  // The appendix's 扣分说明 says the share once (xinqiao A21:
  // "评定为‘较合理’，扣权重的50%，扣1.5分").
  CHECK(s.leaf().DeductionText() == "评定为“一般”，扣权重的50%，扣1.5分。");
  c.findings["A1"].level = "较好";
  auto bad = Run(OneLeaf(r), c);
  REQUIRE(bad.diags.HasErrors());
  CHECK(bad.diags.items()[0].code == "rule.level_unknown");
  auto missing = Run(OneLeaf(r), Case{});
  CHECK(missing.diags.items()[0].code == "rule.level_missing");
}

TEST_CASE("elements: sums the met elements and lists the unmet ones") {
  Rule r;
  r.type = RuleType::kElements;
  r.elements = {{"有制度", Rational(1)}, {"有执行", Rational(1)}, {"有监督", Rational(1)}};
  Case c;
  c.findings["A1"].has_met_elements = true;
  c.findings["A1"].met_elements = {1, 3};
  auto s = Run(OneLeaf(r), c);
  CHECK(s.leaf().score == Score{200});
  REQUIRE(s.leaf().deductions.size() == 1);
  CHECK(s.leaf().deductions[0].reason == "未满足要素②“有执行”");
  // With the evaluator's phrase the reason says what fell short, not the element's whole text.
  c.findings["A1"].summary = "项目设立前未开展事前绩效评估和专家论证";
  auto said = Run(OneLeaf(r), c);
  REQUIRE(said.leaf().deductions.size() == 1);
  CHECK(said.leaf().deductions[0].reason ==
        "项目设立前未开展事前绩效评估和专家论证，要素②未完全满足");
  CHECK(said.leaf().score == Score{200});
  c.findings["A1"].met_elements = {4};
  CHECK(Run(OneLeaf(r), c).diags.items()[0].code == "rule.element_range");
}

TEST_CASE("ratio: higher is capped at full, lower rewards staying under target") {
  Rule r = MetricRule(RuleType::kRatio, "满意度");
  r.target = Rational(90);
  CHECK(Run(OneLeaf(r), WithMetric("满意度", Rational(45))).leaf().score == Score{150});
  CHECK(Run(OneLeaf(r), WithMetric("满意度", Rational(99))).leaf().score == Score{300});
  CHECK(Run(OneLeaf(r), WithMetric("满意度", Rational(-5))).leaf().score == Score{0});
  r.direction = Direction::kLower;
  CHECK(Run(OneLeaf(r), WithMetric("满意度", Rational(0))).leaf().score == Score{300});
  CHECK(Run(OneLeaf(r), WithMetric("满意度", Rational(120))).leaf().score == Score{225});
}

TEST_CASE("bands: boundaries honour inclusive and exclusive operators; first match wins") {
  Rule r = MetricRule(RuleType::kBands, "满意度");
  r.bands = {{CompareOp::kGe, Rational(90), Rational(1)},
             {CompareOp::kGt, Rational(80), Rational(3, 4)},
             {CompareOp::kDefault, Rational(0), Rational(0)}};
  auto score_at = [&](Rational v) {
    return Run(OneLeaf(r, 400), WithMetric("满意度", v)).leaf().score;
  };
  CHECK(score_at(Rational(90)) == Score{400});
  CHECK(score_at(Rational(8999, 100)) == Score{300});
  CHECK(score_at(Rational(80)) == Score{0});  // > 80 excludes 80
  CHECK(score_at(Rational(8001, 100)) == Score{300});
}

TEST_CASE("bands: a value outside every band without a default is a located error") {
  Rule r = MetricRule(RuleType::kBands, "满意度");
  r.bands = {{CompareOp::kGe, Rational(90), Rational(1)}};
  auto s = Run(OneLeaf(r), WithMetric("满意度", Rational(50)));
  REQUIRE(s.diags.HasErrors());
  CHECK(s.diags.items()[0].code == "rule.no_band");
}

TEST_CASE("bands: absolute compares |metric| (negative 预算调整率)") {
  Rule r = MetricRule(RuleType::kBands, "满意度");
  r.absolute = true;
  r.bands = {{CompareOp::kLe, Rational(10), Rational(1, 2)}, {CompareOp::kDefault, 0, 0}};
  CHECK(Run(OneLeaf(r, 400), WithMetric("满意度", Rational(-902, 100))).leaf().score == Score{200});
}

TEST_CASE("linear: exact, started and completed steps; floor at 0") {
  Rule r = MetricRule(RuleType::kLinear, "满意度");
  r.full_at = Rational(100);
  r.per = Rational(3);
  r.deduct = Amount::Points(1);
  auto at = [&](Rational v) { return Run(OneLeaf(r, 500), WithMetric("满意度", v)).leaf().score; };
  CHECK(at(Rational(100)) == Score{500});
  CHECK(at(Rational(96)) == Score{367});  // 5 − 4/3 = 3.666… → 3.67
  r.steps = StepMode::kStarted;
  CHECK(at(Rational(96)) == Score{300});
  r.steps = StepMode::kCompleted;
  CHECK(at(Rational(96)) == Score{400});
  CHECK(at(Rational(0)) == Score{0});
  r.direction = Direction::kLower;
  r.steps = StepMode::kExact;
  CHECK(at(Rational(103)) == Score{400});
}

TEST_CASE("a metric the case lacks is a located error, never a silent zero") {
  Rule r = MetricRule(RuleType::kRatio, "满意度");
  r.target = Rational(90);
  auto s = Run(OneLeaf(r), Case{});
  REQUIRE(s.diags.HasErrors());
  CHECK(s.diags.items()[0].code == "rule.missing_metric");
  Rule derived = MetricRule(RuleType::kRatio, "预算执行率");
  derived.target = Rational(100);
  auto d = Run(OneLeaf(derived), Case{});
  CHECK(d.diags.items()[0].code == "rule.missing_file");
}

TEST_CASE("zero denominators: 预算执行率 with a zero budget is not derived") {
  Case c;
  c.budget.present = true;
  c.budget.file = "budget.csv";
  BudgetLine line;
  line.seq = "1";
  line.details.push_back({"明细", "镇级", Money{0}, {}, {}, "", 2});
  c.budget.rows.push_back(line);
  Rule r = MetricRule(RuleType::kRatio, "预算执行率");
  r.target = Rational(100);
  auto s = Run(OneLeaf(r), c);
  CHECK(s.card.metrics.count("预算执行率") == 0);
  CHECK(s.diags.HasErrors());  // the rule needs it: error, not 0 points
}

Case WithTarget(const std::string& value, const std::string& actual) {
  Case c;
  c.targets.present = true;
  c.targets.file = "targets.csv";
  c.targets.rows.push_back({"产出指标", "数量指标", "完成率", value, actual, "", 2});
  return c;
}

TEST_CASE("target: ≥ met is full, unmet is actual/target; ≤ unmet is target/actual") {
  Rule r;
  r.type = RuleType::kTarget;
  r.target_name = "完成率";
  auto at = [&](const char* v, const char* a) {
    return Run(OneLeaf(r, 400), WithTarget(v, a)).leaf().score;
  };
  CHECK(at("≥90%", "95%") == Score{400});
  CHECK(at("≥90%", "45%") == Score{200});
  CHECK(at("≤10次", "8次") == Score{400});
  CHECK(at("≤10次", "16次") == Score{250});
  CHECK(at("=100%", "100%") == Score{400});
  CHECK(at("及时", "及时") == Score{400});
  CHECK(at("及时", "不够及时") == Score{0});
  CHECK(at("≥0%", "0%") == Score{400});
  // Issue 23: the evidence as a reviewer reads it.
  auto said = [&](const char* v, const char* a) {
    return Run(OneLeaf(r, 500), WithTarget(v, a)).leaf().evidence;
  };
  CHECK(said("及时", "及时") == "目标为“及时”，实际为“及时”，已达成");
  CHECK(said("=100%", "99.96%") == "目标值=100%，实际值为99.96%，略低于目标值");
  CHECK(said("≥90%", "45%") == "目标值≥90%，实际值为45%，部分达成");
}

TEST_CASE("target: a 实际值 without the target's unit is read in it and warned (issue 23)") {
  Rule r;
  r.type = RuleType::kTarget;
  r.target_name = "完成率";
  for (auto [value, actual, unit] :
       {std::tuple{"≥29000人", "29516", "29516人"}, std::tuple{"≥95%", "98.5", "98.5%"}}) {
    auto run = Run(OneLeaf(r, 400), WithTarget(value, actual));
    CHECK(run.leaf().score == Score{400});
    REQUIRE(run.diags.items().size() == 1);
    CHECK(run.diags.items()[0].code == "rule.target_actual_unit");
    CHECK(run.diags.items()[0].severity == Severity::kWarning);
    CHECK(run.diags.items()[0].where.line == 2);
    CHECK(run.diags.items()[0].message.find(std::string("请在实际值中写明单位（如“") + unit) !=
          std::string::npos);
  }
  CHECK(Run(OneLeaf(r, 400), WithTarget("≥29000人", "29516人")).diags.items().empty());
  CHECK(Run(OneLeaf(r, 400), WithTarget("≥95", "98.5")).diags.items().empty());
}

TEST_CASE("target: a bare 指标值 is read as ≥, warned when = would judge otherwise (issue 24)") {
  Rule r;
  r.type = RuleType::kTarget;
  r.target_name = "完成率";
  auto bare = Run(OneLeaf(r, 400), WithTarget("43.2", "50"));
  CHECK(bare.leaf().score == Score{400});  // ≥ 43.2 met; read as = it would be 43.2/50
  REQUIRE(bare.diags.items().size() == 1);
  CHECK(bare.diags.items()[0].code == "rule.target_bare_value");
  CHECK(bare.diags.items()[0].severity == Severity::kWarning);
  CHECK(bare.diags.items()[0].where.line == 2);
  auto same = Run(OneLeaf(r, 400), WithTarget("100%", "100%"));
  CHECK(same.leaf().score == Score{400});
  CHECK(same.diags.items().empty());  // = and ≥ agree: nothing to warn about
  auto short_of = Run(OneLeaf(r, 400), WithTarget("43.2", "21.6"));
  CHECK(short_of.leaf().score == Score{200});
  CHECK(short_of.diags.items().empty());
}

TEST_CASE("framework rounding whole_down: 80.4% of 10 points scores 8, 0.01 scores 8.04") {
  Rule r;
  r.type = RuleType::kTarget;
  r.target_name = "完成率";
  Framework fw = OneLeaf(r, 1000);
  CHECK(Run(fw, WithTarget("≥100%", "80.4%")).leaf().score == Score{804});
  fw.whole_points_down = true;
  auto whole = Run(fw, WithTarget("≥100%", "80.4%"));
  CHECK(whole.leaf().score == Score{800});
  CHECK(whole.leaf().exact == Rational(804, 100));  // the exact figure is kept beside it
  CHECK(Run(fw, WithTarget("≥100%", "100%")).leaf().score == Score{1000});
}

Framework TwoLeaves(Rule first, Rule second) {
  Framework fw = OneLeaf(first, 600);
  fw.metrics.push_back({"资金支出率", "%", "", {}});
  Indicator leaf = fw.indicators[0].children[0];
  leaf.code = "A2";
  leaf.name = "第二项";
  leaf.weight = Score{300};
  leaf.rule = second;
  fw.indicators[0].children[0].weight = Score{300};
  fw.indicators[0].children.push_back(leaf);
  return fw;
}

TEST_CASE("one shortfall scored twice is warned (issue 24 §5); once is not") {
  Rule rate = MetricRule(RuleType::kRatio, "资金支出率");
  rate.target = Rational(100);
  Rule row;
  row.type = RuleType::kTarget;
  row.target_name = "资金支付完成率";
  Case c;
  c.metrics["资金支出率"] = {Rational(80), "%", "测试", {}};
  c.targets.present = true;
  c.targets.file = "targets.csv";
  c.targets.rows.push_back({"产出指标", "时效指标", "资金支付完成率", "≥100%", "80%", "", 2});
  auto twice = Run(TwoLeaves(rate, row), c);
  CHECK(twice.card.Find("A1")->score == Score{240});
  CHECK(twice.card.Find("A2")->score == Score{240});
  bool warned = false;
  for (const auto& d : twice.diags.items())
    warned |= d.code == "score.shortfall_twice" && d.severity == Severity::kWarning &&
              d.message.find("A1") != std::string::npos &&
              d.message.find("A2") != std::string::npos;
  CHECK(warned);
  c.targets.rows[0].actual = "100%";  // the row met: one deduction only
  auto once = Run(TwoLeaves(rate, row), c);
  for (const auto& d : once.diags.items()) CHECK(d.code != "score.shortfall_twice");
}

TEST_CASE("target: missing actual value or row is a located error") {
  Rule r;
  r.type = RuleType::kTarget;
  r.target_name = "完成率";
  auto s = Run(OneLeaf(r), WithTarget("≥90%", ""));
  REQUIRE(s.diags.HasErrors());
  CHECK(s.diags.items()[0].code == "rule.target_actual");
  CHECK(s.diags.items()[0].where.line == 2);
  r.target_name = "不存在";
  CHECK(Run(OneLeaf(r), WithTarget("≥90%", "95%")).diags.items()[0].code == "rule.target_missing");
}

TEST_CASE("timeliness: per item and per day, floor at 0, missing file is an error") {
  Rule r;
  r.type = RuleType::kTimeliness;
  r.source = "transfers";
  r.per_item = Amount::Points(1);
  Case c;
  c.transfers.present = true;
  c.transfers.rows.push_back({"甲", Money{3288000}, {2024, 6, 20}, {2024, 7, 2}, 2});
  c.transfers.rows.push_back({"乙", Money{428125}, {2024, 11, 14}, {2024, 11, 15}, 3});
  c.transfers.rows.push_back({"丙", Money{100}, {2024, 3, 1}, {2024, 2, 28}, 4});
  auto s = Run(OneLeaf(r, 500), c);
  CHECK(s.leaf().score == Score{300});
  CHECK(s.leaf().sentence == "根据评分标准，扣权重的40%，扣2分。");
  CHECK(s.leaf().value == "逾期2项");
  r.per_item.reset();
  r.per_day = Amount::Points(Rational(1, 2));
  auto by_day = Run(OneLeaf(r, 500), c);
  CHECK(by_day.leaf().score == Score{0});           // 13 days × 0.5 > 5
  CHECK(by_day.leaf().value == "逾期13天（2项）");  // the 业绩值 counts what is deducted for
  CHECK(Run(OneLeaf(r, 500), Case{}).diags.items()[0].code == "rule.missing_file");
}

TEST_CASE("findings add deductions to any rule; an override replaces the score with its reason") {
  Rule r = MetricRule(RuleType::kRatio, "满意度");
  r.target = Rational(90);
  Case c = WithMetric("满意度", Rational(95));
  c.findings["A1"].deductions.push_back({Amount::Share(Rational(1, 4)), "样本不足", {}});
  CHECK(Run(OneLeaf(r, 400), c).leaf().score == Score{300});
  c.findings["A1"].override_score = ScoreOverride{Score{350}, "专家评审意见", {}};
  auto s = Run(OneLeaf(r, 400), c);
  CHECK(s.leaf().score == Score{350});
  REQUIRE(s.leaf().override_reason);
  c.findings["A1"].override_score = ScoreOverride{Score{450}, "超出", {}};
  CHECK(Run(OneLeaf(r, 400), c).diags.items()[0].code == "finding.override_range");
}

TEST_CASE("grading happens on the rounded total: 89.995 rounds to 90.00 and is 优") {
  Rule r = MetricRule(RuleType::kRatio, "满意度");
  r.target = Rational(100);
  Framework fw = OneLeaf(r, 10000);
  CHECK(Run(fw, WithMetric("满意度", Rational(89995, 1000))).card.grade == "优");
  CHECK(Run(fw, WithMetric("满意度", Rational(89994, 1000))).card.grade == "良");
  CHECK(Run(fw, WithMetric("满意度", Rational(89994, 1000))).card.total == Score{8999});
}

TEST_CASE(
    "amounts: timeliness per_item \"25%\" and linear deduct \"5%\" are shares of the weight") {
  Rule r;
  r.type = RuleType::kTimeliness;
  r.source = "transfers";
  r.per_item = Amount::Share(Rational(1, 4));
  Case c;
  c.transfers.present = true;
  c.transfers.rows.push_back({"拨付", Money{100}, {2024, 6, 20}, {2024, 6, 25}, 2});
  auto s = Run(OneLeaf(r, 400), c);  // weight 4: 25% is 1 point, not 0.25
  CHECK(s.leaf().score == Score{300});
  CHECK(s.leaf().sentence == "根据评分标准，扣权重的25%，扣1分。");

  Rule lin = MetricRule(RuleType::kLinear, "满意度");
  lin.full_at = Rational(90);
  lin.per = Rational(1);
  lin.deduct = Amount::Share(Rational(1, 20));  // 5% of 4 = 0.2 per point short
  auto l = Run(OneLeaf(lin, 400), WithMetric("满意度", Rational(87)));
  CHECK(l.leaf().score == Score{340});  // 4 − 3 × 0.2
}

TEST_CASE("signed: a budget cut and an increase of the same size score the same by default") {
  Rule r = MetricRule(RuleType::kBands, "预算调整率");
  r.bands = {{CompareOp::kLe, Rational(5), Rational(1)}, {CompareOp::kDefault, {}, Rational(0)}};
  Case cut, rise;
  for (Case* c : {&cut, &rise}) {
    c->budget.present = true;
    c->budget.file = "budget.csv";
    BudgetLine line;
    line.seq = "1";
    line.details.push_back({"明细", "区级", Money{100000}, {}, {}, "", 2});
    line.adjusted = Money{c == &cut ? 93500 : 106500};
    line.actual = line.adjusted;
    c->budget.rows.push_back(line);
  }
  auto a = Run(OneLeaf(r, 400), cut);
  auto b = Run(OneLeaf(r, 400), rise);
  CHECK(a.leaf().score == Score{0});  // |−6.5%| > 5%
  CHECK(b.leaf().score == Score{0});
  CHECK(a.leaf().evidence == "预算调整率为6.50%（调减，按绝对值评分），超过5.00%，不得分");
  CHECK(b.leaf().evidence == "预算调整率为6.50%（调增），超过5.00%，不得分");
  r.absolute = false;  // explicit opt-out: the signed value is compared
  auto signed_cut = Run(OneLeaf(r, 400), cut);
  CHECK(signed_cut.leaf().score == Score{400});
}

// The 评分标准 of A32 (maqiao): 0 满分；0–5%（含）75%；5%–10%（含）50%；10%–20%（含）25%；20%以上0.
TEST_CASE("bands: the evidence states the band with both bounds, as the criteria do") {
  Rule r = MetricRule(RuleType::kBands, "满意度");
  r.bands = {{CompareOp::kEq, Rational(0), Rational(1)},
             {CompareOp::kLe, Rational(5), Rational(3, 4)},
             {CompareOp::kLe, Rational(10), Rational(1, 2)},
             {CompareOp::kLe, Rational(20), Rational(1, 4)},
             {CompareOp::kDefault, {}, Rational(0)}};
  auto in = [&](Rational v) { return Run(OneLeaf(r, 400), WithMetric("满意度", v)).leaf(); };
  CHECK(in(Rational(0)).evidence == "满意度为0.00%，得满分");
  CHECK(in(Rational(3)).evidence == "满意度为3.00%，在0.00%～5.00%（含）之间，得分值的75%");
  CHECK(in(Rational(902, 100)).evidence == "满意度为9.02%，在5.00%～10.00%（含）之间，得分值的50%");
  CHECK(in(Rational(25)).evidence == "满意度为25.00%，超过20.00%，不得分");
  // 知晓率≥90%得满分；80%（含）–90%得分值的80%；…；60%以下不得分.
  r.bands = {{CompareOp::kGe, Rational(90), Rational(1)},
             {CompareOp::kGe, Rational(80), Rational(4, 5)},
             {CompareOp::kDefault, {}, Rational(0)}};
  CHECK(in(Rational(989, 10)).evidence == "满意度为98.90%，不低于90.00%，得满分");
  CHECK(in(Rational(85)).evidence == "满意度为85.00%，在80.00%（含）～90.00%之间，得分值的80%");
  CHECK(in(Rational(70)).evidence == "满意度为70.00%，低于80.00%，不得分");
}

// B12 of the national case: 预算执行率100%得满分，每减少1个百分点扣0.5分; B11 资金到位率 to 100%.
TEST_CASE("linear and ratio evidence read as sentences, not symbols") {
  Rule lin = MetricRule(RuleType::kLinear, "预算执行率");
  lin.full_at = Rational(100);
  lin.per = Rational(1);
  lin.deduct = Amount::Points(Rational(1, 2));
  CHECK(Run(OneLeaf(lin, 500), WithMetric("预算执行率", Rational(9777, 100))).leaf().evidence ==
        "预算执行率为97.77%，较满分标准100.00%低2.23个百分点，每低1个百分点扣0.5分");
  // xinqiao B12: 2,041,075.00 / 2,087,600.00 = 97.7713…%; 2.23 × 0.5 = 1.115 → 1.12 would not give
  // the 1.11 deducted; the fewest decimals that do: 2.229 × 0.5 = 1.1145 → 1.11.
  auto b12 = Run(OneLeaf(lin, 500), WithMetric("预算执行率", Rational(204107500, 2087600)));
  CHECK(b12.leaf().evidence ==
        "预算执行率为97.77%，较满分标准100.00%低2.229个百分点，每低1个百分点扣0.5分");
  CHECK(b12.leaf().score.hundredths == 389);
  CHECK(Run(OneLeaf(lin, 500), WithMetric("预算执行率", Rational(100))).leaf().evidence ==
        "预算执行率为100.00%，达到满分标准100.00%");
  Rule ratio = MetricRule(RuleType::kRatio, "资金到位率");
  ratio.target = Rational(100);
  CHECK(Run(OneLeaf(ratio, 200), WithMetric("资金到位率", Rational(95))).leaf().evidence ==
        "资金到位率为95.00%，未达到目标值100.00%");
  CHECK(Run(OneLeaf(ratio, 200), WithMetric("资金到位率", Rational(100))).leaf().evidence ==
        "资金到位率为100.00%，达到目标值100.00%");
}

TEST_CASE("signed: a declared signed metric needs a rule that says how the sign counts") {
  Rule r = MetricRule(RuleType::kBands, "增长率");
  r.bands = {{CompareOp::kDefault, {}, Rational(1)}};
  Framework fw = OneLeaf(r);
  DeclaredMetric growth{"增长率", "%", "", {}};
  growth.is_signed = true;
  fw.metrics.push_back(growth);
  auto signed_errors = [&] {
    Diagnostics d;
    ValidateFramework(fw, d);
    int n = 0;
    for (const auto& item : d.items()) n += item.code == "framework.signed_metric";
    return n;
  };
  CHECK(signed_errors() == 1);
  fw.indicators[0].children[0].rule->absolute = true;
  CHECK(signed_errors() == 0);
}

TEST_CASE("target: 基本… scores the share the rule declares; without it a located error") {
  Rule r;
  r.type = RuleType::kTarget;
  r.target_name = "机制完善情况";
  Case c;
  c.targets.present = true;
  c.targets.file = "targets.csv";
  TargetRow row;
  row.level3 = "机制完善情况";
  row.value = "进一步完善";
  row.actual = "基本完善";
  row.line = 4;
  c.targets.rows.push_back(row);
  auto missing = Run(OneLeaf(r, 400), c);
  REQUIRE(missing.diags.HasErrors());
  CHECK(missing.diags.items().back().code == "rule.target_partly");
  CHECK(missing.diags.items().back().where.line == 4);
  r.partly = Rational(1, 2);
  CHECK(Run(OneLeaf(r, 400), c).leaf().score == Score{200});
  c.targets.rows[0].actual = "准确（按129元/人执行）";
  c.targets.rows[0].value = "准确";
  auto noted = Run(OneLeaf(r, 400), c);
  CHECK(noted.leaf().score == Score{400});
  CHECK(noted.leaf().evidence.find("按129元/人执行") != std::string::npos);
  c.targets.rows[0].actual = "差不多";
  auto unknown = Run(OneLeaf(r, 400), c);
  REQUIRE(unknown.diags.HasErrors());
  CHECK(unknown.diags.items().back().code == "rule.target_actual");
  c.targets.rows[0].value = "≥90%";
  c.targets.rows[0].actual = "0.989";  // bare: read as 0.989%, and warned about
  auto fraction_like = Run(OneLeaf(r, 400), c);
  CHECK(fraction_like.diags.items().back().code == "rule.target_percent_fraction");
  CHECK(fraction_like.diags.items().back().where.line == 4);
  c.targets.rows[0].value = "≤129元/人";
  c.targets.rows[0].actual = "129元/户";
  CHECK(Run(OneLeaf(r, 400), c).diags.HasErrors());
}

TEST_CASE("target with national bands: the evaluator's level and share, checked in its band") {
  Rule r;
  r.type = RuleType::kTarget;
  r.target_name = "台账更新";
  r.partly = Rational(1, 2);
  r.where = {"fw.json", 12, 0, "$.indicators[0]"};
  Case c;
  c.targets.present = true;
  c.targets.file = "targets.csv";
  TargetRow row;
  row.level3 = "台账更新";
  row.value = "及时";
  row.actual = "基本及时";
  row.line = 3;
  c.targets.rows.push_back(row);
  // Without bands a typed share is an error naming the framework file.
  Finding f;
  f.level = "部分达成";
  f.share = Rational(7, 10);
  f.share_where = {"case.json", 20, 5, "$.findings.A1.share"};
  c.findings["A1"] = f;
  auto no_bands = Run(OneLeaf(r, 400), c);
  REQUIRE(no_bands.diags.HasErrors());
  CHECK(no_bands.diags.items().back().code == "rule.target_bands");
  CHECK(no_bands.diags.items().back().message.find("fw.json") != std::string::npos);
  r.national_bands = true;
  CHECK(Run(OneLeaf(r, 400), c).leaf().score == Score{280});  // 4 × 70%
  c.findings["A1"].share = Rational(4, 5);                    // 80% belongs to 达成
  auto outside = Run(OneLeaf(r, 400), c);
  REQUIRE(outside.diags.HasErrors());
  CHECK(outside.diags.items().back().code == "rule.target_share");
  CHECK(outside.diags.items().back().where.line == 20);
  c.findings["A1"].level = "达成";
  CHECK(Run(OneLeaf(r, 400), c).leaf().score == Score{320});  // 达成 at 80%
  c.findings["A1"].share.reset();
  c.findings["A1"].level = "未达成";
  CHECK(Run(OneLeaf(r, 400), c).leaf().score == Score{0});
  c.findings["A1"].level.reset();  // the 实际值 基本及时 reads 部分达成: the rule's 50%
  CHECK(Run(OneLeaf(r, 400), c).leaf().score == Score{200});
  r.partly.reset();
  auto missing = Run(OneLeaf(r, 400), c);
  REQUIRE(missing.diags.HasErrors());
  CHECK(missing.diags.items().back().code == "rule.target_partly");
  CHECK(missing.diags.items().back().message.find("fw.json") != std::string::npos);
}

}  // namespace jixiao
