// Roll-up and the scorecard self-check, including a tampered scorecard that must be caught.
#include "scoring/score.h"

#include <catch2/catch.hpp>

#include "scoring/metrics.h"

namespace jixiao {

static IndicatorResult Node(const char* code, int parent, bool leaf, int64_t weight,
                            int64_t score) {
  IndicatorResult r;
  r.code = code;
  r.parent = parent;
  r.leaf = leaf;
  r.weight = Score{weight};
  r.score = Score{score};
  return r;
}

TEST_CASE("VerifyScorecard catches parents that do not add up and a wrong grade") {
  Framework fw;
  fw.total = Score{10000};
  fw.grades = {{"优", Score{9000}}, {"良", Score{8000}}, {"不合格", Score{0}}};
  Scorecard card;
  card.indicators.push_back(Node("B2", -1, false, 1200, 1100));
  card.indicators.push_back(Node("B21", 0, true, 400, 400));
  card.indicators.push_back(Node("B22", 0, true, 900, 800));
  card.total = Score{1100};
  card.grade = "良";
  Diagnostics diags;
  VerifyScorecard(fw, card, diags);
  std::vector<std::string> codes;
  for (const auto& d : diags.items()) codes.push_back(d.code);
  CHECK(std::count(codes.begin(), codes.end(), "score.parent_sum") == 1);  // 4 + 8 ≠ 11
  CHECK(std::count(codes.begin(), codes.end(), "score.grade") == 1);       // 11 is 不合格
}

TEST_CASE("DeductionSentence uses shares when they read cleanly, points otherwise") {
  CHECK(DeductionSentence(Score{300}, Rational(9, 4), Score{225}) ==
        "根据评分标准，扣权重的25%，扣0.75分。");
  CHECK(DeductionSentence(Score{400}, Rational(3), Score{300}) ==
        "根据评分标准，扣权重的25%，扣1分。");
  CHECK(DeductionSentence(Score{500}, Rational(500, 137), Score{365}) ==
        "根据评分标准，扣1.35分。");
  CHECK(DeductionSentence(Score{400}, Rational(4), Score{400}) == "根据评分标准，不扣分。");
  // Issue 23: 5 × 99.96% = 4.998 rounds to full marks; the sentence says why nothing is lost.
  CHECK(DeductionSentence(Score{500}, Rational(4998, 1000), Score{500}) ==
        "根据评分标准，得分 = 4.998分，按0.01分四舍五入为5分，差额不足0.005分，不扣分。");
}

// A 一级 A (A1 30, A2 30) and B (B1 25, B2 15), all deduction rules; B1 loses half.
static Framework TwoCategories() {
  Framework fw;
  fw.total = Score{10000};
  fw.grades = {{"优", Score{9000}}, {"良", Score{8000}}, {"中", Score{6000}}, {"差", Score{0}}};
  auto leaf = [](const char* code, int64_t w) {
    Indicator i;
    i.code = code;
    i.name = code;
    i.level = 2;
    i.weight = Score{w};
    Rule r;
    r.type = RuleType::kDeduction;
    i.rule = r;
    return i;
  };
  Indicator a, b;
  a.code = "A", a.name = "A", a.weight = Score{6000};
  a.children = {leaf("A1", 3000), leaf("A2", 3000)};
  b.code = "B", b.name = "B", b.weight = Score{4000};
  b.children = {leaf("B1", 2500), leaf("B2", 1500)};
  fw.indicators = {a, b};
  return fw;
}

TEST_CASE("不适用: rescaled to 100 by default, or moved within its 一级") {
  Framework fw = TwoCategories();
  Case c;
  c.findings["B1"].deductions.push_back({Amount::Share(Rational(1, 2)), "示例", {}});
  c.findings["B2"].not_applicable = true;
  // 按百分制折算: 85 points remain; each weight × 100/85 in hundredths, largest remainder first:
  // A1 3529.41… → 35.30 (remainder ties with A2, first wins), A2 35.29, B1 29.41, B2 0.
  // B1 = 29.41 × 50% = 14.705 → 14.71; total 35.30 + 35.29 + 14.71 = 85.30.
  Diagnostics d1;
  Scorecard rescaled = ScoreCase(fw, c, d1);
  CHECK_FALSE(d1.HasErrors());
  CHECK(rescaled.Find("A1")->weight == Score{3530});
  CHECK(rescaled.Find("A2")->weight == Score{3529});
  CHECK(rescaled.Find("B1")->weight == Score{2941});
  CHECK(rescaled.Find("B2")->weight == Score{0});
  CHECK(rescaled.Find("B2")->not_applicable_weight == Score{1500});
  CHECK(rescaled.Find("B2")->value == "不适用");
  CHECK(rescaled.Find("B")->weight == Score{2941});
  CHECK(rescaled.total == Score{8530});
  // Issue 21: each moved weight says how it came, with the remainder rule the engine used.
  CHECK(rescaled.Find("A1")->weight_note ==
        "B2 B2（15分）不适用，按百分制折算：本指标分值 30 × 100 ÷ 85 = 35.2941…（= 600/17），"
        "向下取到0.01分为35.29分；舍去的尾数较大，按最大余数补0.01分，为35.3分。");
  CHECK(rescaled.Find("A2")->weight_note.find(
            "向下取到0.01分为35.29分（舍去的尾数与补到的指标相同，按指标顺序在后，未补0.01分）") !=
        std::string::npos);
  CHECK(rescaled.Find("B1")->weight_note.find("25 × 100 ÷ 85 = 29.4117…（= 500/17），"
                                              "向下取到0.01分为29.41分（舍去的尾数较小") !=
        std::string::npos);
  CHECK(rescaled.Find("B2")->weight_note.empty());
  REQUIRE(rescaled.not_applicable_notes.size() == 1);
  CHECK(rescaled.not_applicable_notes[0].find(
            "其余适用指标分值合计85分，各乘以 100 ÷ 85；"
            "各指标折算后先向下取到0.01分，合计比100分少1个0.01分") != std::string::npos);
  // Within the 一级: B1 carries B's 40 points, A unchanged; 40 × 50% = 20, total 80.
  fw.not_applicable_within_level1 = true;
  Diagnostics d2;
  Scorecard within = ScoreCase(fw, c, d2);
  CHECK_FALSE(d2.HasErrors());
  CHECK(within.Find("B1")->weight == Score{4000});
  CHECK(within.Find("A1")->weight == Score{3000});
  CHECK(within.total == Score{8000});
  CHECK(within.Find("B1")->weight_note ==
        "B2 B2（15分）不适用，在一级指标“B B”内按分值比例调剂：本指标分值 25 × 40 ÷ 25 = 40分。");
  // Nothing left to carry the weight: a located error.
  c.findings["B1"].not_applicable = true;
  Diagnostics d3;
  ScoreCase(fw, c, d3);
  CHECK(d3.HasErrors());
}

TEST_CASE("得分率 is the printed score over the weight, as the workbook's formula gives it") {
  // DESIGN.md §6: leaves rounded to 0.01, parents sums of rounded children, 得分率 = score/weight
  // (webtrial5 item 11 asked for 8/3 ÷ 4 = 66.67%; the report and its workbook must agree).
  Framework fw = TwoCategories();
  Case c;
  c.findings["B1"].deductions.push_back({Amount::Share(Rational(1, 3)), "示例", {}});
  Diagnostics d;
  Scorecard card = ScoreCase(fw, c, d);
  CHECK(card.Find("B1")->score == Score{1667});                 // 25 × 2/3 = 16.666… → 16.67
  CHECK(*card.Find("B1")->RatePercent() == Rational(1667, 25));  // 16.67 ÷ 25 = 66.68%
  CHECK(*card.Find("B")->RatePercent() == Rational(3167, 40));   // (16.67 + 15) ÷ 40 = 79.175%
  CHECK(*card.TotalRatePercent() == Rational(9167, 100));        // (60 + 31.67) ÷ 100
}

TEST_CASE("deductions over the weight are capped with a located warning, not silently") {
  Framework fw = TwoCategories();
  Case c;
  Location at{"case.json", 12, 9, "$.findings.B1.deductions[0]"};
  c.findings["B1"].deductions.push_back({Amount::Points(Rational(20)), "台账缺失", at});
  c.findings["B1"].deductions.push_back({Amount::Share(Rational(1, 5)), "未公示", {}});
  auto capped = [&]() -> std::optional<Diagnostic> {
    Diagnostics d;
    Scorecard card = ScoreCase(fw, c, d);
    CHECK(card.Find("B1")->score == Score{0});
    for (const auto& item : d.items())
      if (item.code == "finding.deduction_capped") return item;
    return std::nullopt;
  };
  c.findings["B1"].deductions[0].amount = Amount::Points(Rational(21));  // 21 + 5 = 26 > 25
  auto warned = capped();
  REQUIRE(warned);
  CHECK(warned->severity == Severity::kWarning);
  CHECK(warned->message.find("扣分合计26分超过本指标分值25分，按25分计") != std::string::npos);
  // Issue 21: which of the indicator's deductions, and from which one it is over.
  CHECK(warned->message.find("第1条扣21分、第2条扣5分，自第2条起超出") != std::string::npos);
  CHECK(warned->where.path == "$.findings.B1.deductions[0]");
  c.findings["B1"].deductions[0].amount = Amount::Points(Rational(20));  // 20 + 5 = 25: exact
  CHECK_FALSE(capped());
}

TEST_CASE("a typed 业绩值 that differs from the computed figure is warned with both figures") {
  Framework fw = TwoCategories();
  Rule r;
  r.type = RuleType::kTarget;
  r.target_name = "执行率";
  fw.indicators[0].children[0].rule = r;
  Case c;
  c.targets.present = true;
  c.targets.file = "targets.csv";
  TargetRow row;
  row.level3 = "执行率";
  row.value = "≥95%";
  row.actual = "98.74%";
  row.line = 2;
  c.targets.rows.push_back(row);
  auto warned = [&](const std::string& typed) {
    c.findings["A1"].value = typed;
    Diagnostics d;
    ScoreCase(fw, c, d);
    for (const auto& item : d.items())
      if (item.code == "finding.value_differs")
        return item.message.find(typed) != std::string::npos &&
               item.message.find("98.74%") != std::string::npos;
    return false;
  };
  CHECK(warned("97%"));
  CHECK_FALSE(warned("98.74%"));
  CHECK_FALSE(warned("98.7%"));  // equal at the typed precision
  CHECK_FALSE(warned("见分析"));
}

TEST_CASE("成本节约率 from a typed 计划成本 cites the typed source, not the budget table") {
  // reader7 (xinqiao C41): the budget table shows neither figure the rate compares.
  Case c;
  c.budget.present = true;
  c.budget.file = "budget.csv";
  BudgetLine line;
  line.adjusted = Money{100000};
  line.actual = Money{90000};
  c.budget.rows.push_back(line);
  Framework fw = TwoCategories();
  Diagnostics d;
  CHECK(ResolveMetrics(fw, c, d).at("成本节约率").source == "budget.csv");
  c.metrics["计划成本"] = MetricValue{Rational(950), "元", "结算单", {}, "950"};
  CHECK(ResolveMetrics(fw, c, d).at("成本节约率").source == "结算单");
}

}  // namespace jixiao
