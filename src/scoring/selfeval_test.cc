// The 自评表 scorer and 复核 checks against hand-computed figures (written before the code ran).
#include <catch2/catch.hpp>

#include "scoring/selfeval_score.h"

namespace jixiao {
namespace {

SelfEvalRules National() {
  SelfEvalRules r;
  r.id = "t";
  r.categories = {
      {"产出指标", {"产出"}, 50}, {"效益指标", {"效益"}, 30}, {"满意度指标", {"满意度"}, 10}};
  r.bands = {{"达成", {}, Rational(4, 5), 1},
             {"部分达成", {}, Rational(1, 2), Rational(4, 5)},
             {"未达成", {}, 0, Rational(1, 2)}};
  r.grades = {{"优", {"优秀"}, 90}, {"良", {"良好"}, 80}, {"中", {}, 60}, {"差", {}, 0}};
  return r;
}

int line_no = 1;

SelfEvalRow Row(const std::string& l1, const std::string& l3, const std::string& target,
                const std::string& actual, const std::string& weight, const std::string& score,
                const std::string& reason = "") {
  SelfEvalRow r;
  r.line = ++line_no;
  Location at{"form.csv", r.line, 0, ""};
  r.level1 = {l1, at};
  r.level2 = {"", at};
  r.level3 = {l3, at};
  r.target = {target, at};
  r.actual = {actual, at};
  r.reason = {reason, at};
  auto num = [&](const std::string& t) {
    PrintedNumber n{t, at, std::nullopt, ""};
    if (!t.empty() && t != "不适用") n.value = Rational::Parse(t);
    return n;
  };
  r.weight = num(weight);
  r.score = num(score);
  r.parsed_target = ReadSelfEvalTarget(target);
  r.parsed_actual = TargetValue::Parse(actual);
  r.not_applicable = IsNotApplicableText(score);
  r.template_row = IsTemplateText(l3);
  return r;
}

SelfEvalBudget Budget(int64_t full_fen, int64_t done_fen, const std::string& rate,
                      const std::string& score, const std::string& weight = "10") {
  SelfEvalBudget b;
  b.present = true;
  Location at{"budget.csv", 2, 0, ""};
  b.full_year = {"", at, Money{full_fen}, ""};
  b.executed = {"", at, Money{done_fen}, ""};
  b.weight = {weight, at, Rational::Parse(weight), ""};
  b.rate = {rate, at,
            rate.empty() ? std::nullopt : Rational::Parse(rate.substr(0, rate.size() - 1)), ""};
  b.score = {score, at, score.empty() ? std::nullopt : Rational::Parse(score), ""};
  b.line = 2;
  return b;
}

bool Has(const std::vector<Diagnostic>& findings, const std::string& code, Severity s) {
  for (const auto& f : findings)
    if (f.code == code && f.severity == s) return true;
  return false;
}

std::string Codes(const SelfEvalResult& r) {
  std::string out;
  for (const auto* f : r.AllFindings()) out += f->code + " ";
  return out;
}

}  // namespace

TEST_CASE(
    "selfeval: 执行率 80.4% over 全年预算数 scores 8.04 of 10; printed 100% and 10 are flagged") {
  SelfEvaluation f;
  f.budget = Budget(100000000, 80400000, "100%", "10");
  auto r = ScoreSelfEval(f, National());
  INFO(Codes(r));
  REQUIRE(r.budget.rate);
  CHECK(*r.budget.rate == Rational(804, 10));
  REQUIRE(r.budget.computed);
  CHECK(*r.budget.computed == Rational(804, 100));
  CHECK(Has(r.budget.findings, "selfeval.rate_printed", Severity::kError));
  CHECK(Has(r.budget.findings, "selfeval.score_above_rule", Severity::kError));
  CHECK(Has(r.budget.findings, "selfeval.rate_low_no_reason", Severity::kWarning));
  std::string all;
  for (const auto& d : r.budget.findings) all += d.message;
  CHECK(all.find("100%") != std::string::npos);
  CHECK(all.find("80.40%") != std::string::npos);  // both figures side by side
  auto whole = National();
  whole.rounding = SelfEvalRounding::kWholeDown;
  f.budget = Budget(100000000, 80400000, "80.4%", "8");
  auto w = ScoreSelfEval(f, whole);
  CHECK(*w.budget.computed == Rational(8));
  CHECK_FALSE(Has(w.budget.findings, "selfeval.rate_printed", Severity::kError));
  CHECK_FALSE(Has(w.budget.findings, "selfeval.score_above_rule", Severity::kError));
}

TEST_CASE("selfeval: a 执行率 printed as a fraction of 1 is read ×100, with a note") {
  // 裕安区 2022 (安徽): 27.8 ÷ 29 = 95.86%, printed “0.958” (cut at three places).
  SelfEvaluation f;
  for (const char* shown : {"0.958", "0.9586", "0.96"}) {
    f.budget = Budget(2900000, 2780000, "", "9.59");
    f.budget.rate = {shown, f.budget.score.where, Rational::Parse(shown), ""};
    auto r = ScoreSelfEval(f, National());
    INFO(shown << " " << Codes(r));
    CHECK_FALSE(Has(r.budget.findings, "selfeval.rate_printed", Severity::kError));
    CHECK(Has(r.budget.findings, "selfeval.rate_fraction", Severity::kInfo));
  }
  // A fraction the figures contradict, or a printed “%”, is still the printed rate at odds.
  for (const char* shown : {"0.94", "0.958%"}) {
    f.budget = Budget(2900000, 2780000, "", "9.59");
    f.budget.rate = {shown, f.budget.score.where, Rational::Parse(std::string(shown).substr(0, 4)),
                     ""};
    auto r = ScoreSelfEval(f, National());
    INFO(shown << " " << Codes(r));
    CHECK(Has(r.budget.findings, "selfeval.rate_printed", Severity::kError));
    CHECK_FALSE(Has(r.budget.findings, "selfeval.rate_fraction", Severity::kInfo));
  }
}

TEST_CASE("selfeval: a 执行率 cut (not rounded) at its printed decimals is not contradicted") {
  // 临翔区 2023 (云南): 31.69 ÷ 32.4 = 97.808…%, printed 97.80%; 97.81% and 97.8% agree too.
  SelfEvaluation f;
  for (const char* shown : {"97.80%", "97.81%", "97.8%", "97%"}) {
    f.budget = Budget(3240000, 3169000, shown, "9.78");
    auto r = ScoreSelfEval(f, National());
    INFO(shown << " " << Codes(r));
    CHECK_FALSE(Has(r.budget.findings, "selfeval.rate_printed", Severity::kError));
  }
  for (const char* shown : {"97.79%", "97.82%", "96%", "99%"}) {  // a unit off either way
    f.budget = Budget(3240000, 3169000, shown, "9.78");
    auto r = ScoreSelfEval(f, National());
    INFO(shown << " " << Codes(r));
    CHECK(Has(r.budget.findings, "selfeval.rate_printed", Severity::kError));
  }
}

TEST_CASE("selfeval: 执行率 above 100% is flagged and capped at the 分值") {
  SelfEvaluation f;
  f.budget = Budget(100000000, 105000000, "105%", "10");
  auto r = ScoreSelfEval(f, National());
  CHECK(*r.budget.computed == Rational(10));
  CHECK(Has(r.budget.findings, "selfeval.rate_over_100", Severity::kWarning));
}

TEST_CASE("selfeval: ≧100% target with 100% actual scored 7/10 → 警告 marks lost with no reason") {
  SelfEvaluation f;
  f.rows = {Row("产出指标", "验收合格率", "≧100%", "100%", "10", "7")};
  auto r = ScoreSelfEval(f, National());
  REQUIRE(r.rows.size() == 1);
  CHECK(*r.rows[0].computed == Rational(10));
  CHECK(Has(r.rows[0].findings, "selfeval.lost_marks_no_reason", Severity::kWarning));
}

TEST_CASE("selfeval: full marks on a missed target, on a blank actual, on a copied target") {
  SelfEvaluation f;
  f.rows = {Row("产出指标", "新建设施数量", "≥100个", "80个", "10", "10"),
            Row("产出指标", "培训人次", "≥50人次", "", "10", "10"),
            Row("产出指标", "道路长度", "≥266米", "≥266米", "10", "10")};
  auto r = ScoreSelfEval(f, National());
  INFO(Codes(r));
  CHECK(*r.rows[0].computed == Rational(8));  // 80/100 × 10
  CHECK(Has(r.rows[0].findings, "selfeval.full_marks_missed", Severity::kError));
  CHECK(Has(r.rows[0].findings, "selfeval.missed_no_reason", Severity::kWarning));
  CHECK(Has(r.rows[1].findings, "selfeval.full_marks_blank_actual", Severity::kError));
  CHECK(*r.rows[1].computed == Rational(0));
  CHECK(Has(r.rows[2].findings, "selfeval.actual_repeats_target", Severity::kError));
}

TEST_CASE("selfeval: ≤ targets score 目标/实际; an under-scored row is flagged too") {
  SelfEvaluation f;
  f.rows = {Row("效益指标", "办理时限", "≤5天", "10天", "10", "5", "审批环节增加"),
            Row("产出指标", "完成户数", "≥100户", "90户", "10", "5", "部分农户外出")};
  auto r = ScoreSelfEval(f, National());
  INFO(Codes(r));
  CHECK(*r.rows[0].computed == Rational(5));
  CHECK(r.rows[0].findings.empty());
  CHECK(*r.rows[1].computed == Rational(9));
  CHECK(Has(r.rows[1].findings, "selfeval.score_below_rule", Severity::kWarning));
}

TEST_CASE("selfeval: qualitative rows are flagged only outside their band") {
  SelfEvaluation f;
  f.rows = {Row("效益指标", "群众生活条件", "有效提升", "基本有效提升", "10", "9", "资金到位晚"),
            Row("效益指标", "群众生活条件", "有效提升", "基本有效提升", "10", "6", "资金到位晚"),
            Row("效益指标", "管理制度", "健全", "未健全", "10", "10")};
  auto r = ScoreSelfEval(f, National());
  INFO(Codes(r));
  CHECK(Has(r.rows[0].findings, "selfeval.score_above_rule", Severity::kError));
  CHECK(*r.rows[0].computed == Rational(8));  // the top of the 50–80% band
  CHECK(r.rows[1].findings.empty());
  CHECK(*r.rows[1].computed == Rational(6));  // inside the band: the evaluator's choice stands
  CHECK(Has(r.rows[2].findings, "selfeval.full_marks_missed", Severity::kError));
  CHECK(Has(r.rows[2].findings, "selfeval.missed_no_reason", Severity::kWarning));
}

TEST_CASE("selfeval: weights 110, 总分 one above its cells, grade, unit mismatch, rate twice") {
  SelfEvaluation f;
  f.rows = {Row("产出指标", "预算执行率", "≥90%", "95%", "50", "50"),
            Row("效益指标", "受益人数", "≥100人", "100户", "30", "30"),
            Row("满意度指标", "群众满意度", "≥90%", "95%", "20", "20")};
  f.budget = Budget(10000, 10000, "100%", "10");
  f.total = {"111", {"summary.csv", 2, 0, ""}, Rational(111), ""};
  f.grade = {"良", {"summary.csv", 2, 0, ""}};
  auto r = ScoreSelfEval(f, National());
  INFO(Codes(r));
  CHECK(Has(r.findings, "selfeval.weight_sum", Severity::kError));
  CHECK(Has(r.findings, "selfeval.total_sum", Severity::kError));
  // Computed 110, over the full 100 (trial 2 item 4): no grade, so the printed 良 is not compared.
  CHECK(Has(r.findings, "selfeval.total_over", Severity::kError));
  CHECK(r.computed_grade.empty());
  CHECK_FALSE(Has(r.findings, "selfeval.grade", Severity::kError));
  CHECK(Has(r.rows[0].findings, "selfeval.execution_scored_twice", Severity::kWarning));
  CHECK(Has(r.rows[1].findings, "selfeval.unit_mismatch", Severity::kError));
}

TEST_CASE("selfeval: a bare target met exactly is a note; below it the reading decides (warning)") {
  SelfEvaluation f;  // 廊坊 2019: “工程完工率 100 / 100” — no comparator, no unit, the actual equal
  f.rows = {Row("产出指标", "工程完工率", "100", "100", "10", "10"),
            Row("产出指标", "亩产", "43.2", "43.20", "10", "10"),
            Row("产出指标", "工程资金金额", "43.2", "37.24", "10", "8.62", "尾款未付")};
  auto r = ScoreSelfEval(f, National());
  INFO(Codes(r));
  CHECK(Has(r.rows[0].findings, "selfeval.bare_target", Severity::kInfo));
  CHECK_FALSE(Has(r.rows[0].findings, "selfeval.bare_target", Severity::kWarning));
  CHECK(Has(r.rows[1].findings, "selfeval.bare_target", Severity::kInfo));
  // Below the target the reading decides the verdict (≥: missed, ≤: met): still a warning.
  CHECK(Has(r.rows[2].findings, "selfeval.bare_target", Severity::kWarning));
}

TEST_CASE(
    "selfeval: a money row restating the budget's shortfall is the execution rate scored twice") {
  // 廊坊 2019 (corpus form 09): 数量 row “工程资金金额 43.2 → 37.24” beside a budget of 43.2
  // / 37.24万元.
  SelfEvaluation f;
  f.rows = {Row("产出指标", "指标1工程资金金额", "43.2", "37.24", "10", "8.62", "尾款未付"),
            Row("产出指标", "项目资金", "≥432000元", "372400元", "10", "8.62", "尾款未付")};
  f.budget = Budget(43200000, 37240000, "86.20%", "8.62");
  auto r = ScoreSelfEval(f, National());
  INFO(Codes(r));
  CHECK(Has(r.rows[0].findings, "selfeval.execution_scored_twice", Severity::kWarning));
  CHECK(Has(r.rows[1].findings, "selfeval.execution_scored_twice", Severity::kWarning));
}

TEST_CASE("selfeval: a cost ceiling at the budget, or a money row with nothing unspent, is quiet") {
  SelfEvaluation f;  // 棠溪镇 2022: 项目总成本 ≤90万元 against 89.974 of a 90万元 budget
  f.rows = {Row("产出指标", "项目总成本", "≤90万元", "89.974", "10", "10")};
  f.rows[0].level2 = {"成本指标", f.rows[0].level3.where};
  f.budget = Budget(90000000, 89974000, "99.97%", "10");
  auto r = ScoreSelfEval(f, National());
  INFO(Codes(r));
  CHECK_FALSE(Has(r.rows[0].findings, "selfeval.execution_scored_twice", Severity::kWarning));
  SelfEvaluation spent;  // 丽江古城区 2020: the fund as a row, all of it spent — nothing lost twice
  spent.rows = {Row("产出指标", "卫片执法补助经费", "﹦72890元", "72890", "10", "10")};
  spent.budget = Budget(7289000, 7289000, "100%", "10");
  auto q = ScoreSelfEval(spent, National());
  INFO(Codes(q));
  CHECK_FALSE(Has(q.rows[0].findings, "selfeval.execution_scored_twice", Severity::kWarning));
}

TEST_CASE("selfeval: a not-applicable row is taken out and the total rescaled to 100") {
  SelfEvaluation f;
  f.rows = {Row("产出指标", "完成数量", "≥10个", "10个", "45", "45"),
            Row("效益指标", "经济效益", "≥5万元", "不适用", "45", "不适用")};
  f.budget = Budget(10000, 10000, "100%", "10");
  auto r = ScoreSelfEval(f, National());
  INFO(Codes(r));
  REQUIRE(r.computed_total);
  CHECK(*r.computed_total == Rational(100));  // (45 + 10) × 100 / 55
  CHECK(r.rows[1].not_applicable);
  CHECK_FALSE(Has(r.findings, "selfeval.weight_sum", Severity::kError));
}

TEST_CASE("selfeval: a bare target is read as ≥ with a warning; template rows are not scored") {
  SelfEvaluation f;
  f.rows = {Row("产出指标", "亩产", "43.2", "50", "10", "10"),
            Row("产出指标", "指标1:", "", "", "", "")};
  auto r = ScoreSelfEval(f, National());
  REQUIRE(r.rows.size() == 1);
  CHECK(*r.rows[0].computed == Rational(10));
  CHECK(Has(r.rows[0].findings, "selfeval.bare_target", Severity::kWarning));
}

// 湖北-style: budget 20 × 执行率, rows share 80 points, no per-row 分值.
static SelfEvalRules Hubei() {
  auto hubei = National();
  hubei.budget.points = 20;
  hubei.rows_total = 80;
  hubei.weight_mode = SelfEvalWeightMode::kGoalBlocks;
  hubei.categories.clear();
  return hubei;
}

TEST_CASE("selfeval: 湖北-style rows without 分值 share the 80 points equally") {
  const SelfEvalRules hubei = Hubei();
  SelfEvaluation f;
  f.rows = {Row("产出指标", "A", "≥10个", "10个", "", "20"),
            Row("产出指标", "B", "≥10个", "5个", "", "10"),
            Row("效益指标", "C", "≥10个", "10个", "", "20"),
            Row("效益指标", "D", "≥10个", "10个", "", "20")};
  f.budget = Budget(10000, 9000, "90%", "18", "20");
  auto r = ScoreSelfEval(f, hubei);
  INFO(Codes(r));
  CHECK(*r.rows[0].weight == Rational(20));
  CHECK(*r.rows[1].computed == Rational(10));
  CHECK(*r.budget.computed == Rational(18));
  CHECK(*r.computed_total == Rational(88));
  CHECK(Has(r.findings, "selfeval.weight_derived", Severity::kInfo));
  CHECK_FALSE(Has(r.findings, "selfeval.weight_sum", Severity::kError));  // 70 of the rows' 80
}

TEST_CASE(
    "selfeval: 湖北-style rows not judged take their printed scores when those fill the rest") {
  // 保山 2022 (corpus form 12): 80 points; three met rows print 20, 20, 10; two rows the checker
  // cannot judge (按时限完成 → 100%; 小于5次 → 无上访) print 20 and 10 — exactly the 30 left.
  const SelfEvalRules hubei = Hubei();
  SelfEvaluation f;
  f.rows = {Row("产出指标", "慰问人数", "100%", "100%", "", "20"),
            Row("产出指标", "足额拨付率", "100%", "100%", "", "20"),
            Row("产出指标", "春节前完成走访慰问", "按时限完成", "100%", "", "20"),
            Row("效益指标", "总体保持稳定", "小于5次", "无上访", "", "10"),
            Row("满意度指标", "满意率", "100%", "100%", "", "10")};
  f.budget = Budget(346400, 346400, "100%", "20", "20");
  f.total = {"100", {"summary.csv", 2, 0, ""}, Rational(100), ""};
  auto r = ScoreSelfEval(f, hubei);
  INFO(Codes(r));
  CHECK(*r.rows[2].weight == Rational(20));
  CHECK(*r.rows[3].weight == Rational(10));
  CHECK_FALSE(Has(r.rows[2].findings, "selfeval.score_over_weight", Severity::kError));
  REQUIRE(r.computed_total);
  CHECK(*r.computed_total == Rational(100));
  // Printed 20 and 5 leave 5 of the 30 unexplained: the even split (15 each) stands, 20 is over it.
  f.rows[3] = Row("效益指标", "总体保持稳定", "小于5次", "无上访", "", "5");
  auto q = ScoreSelfEval(f, hubei);
  INFO(Codes(q));
  CHECK(*q.rows[2].weight == Rational(15));
  CHECK(Has(q.rows[2].findings, "selfeval.score_over_weight", Severity::kError));
}

TEST_CASE("selfeval: the budget split by funding source must add up to the 总额 row") {
  SelfEvaluation f;
  f.rows = {Row("产出指标", "A", "≥10个", "10个", "90", "90")};
  f.budget = Budget(251890000, 251890000, "100%", "10");
  f.budget.full_year.text = "251.89";
  f.budget.executed.text = "251.89";
  Location at{"budget.csv", 3, 2, ""};
  auto money = [&](int64_t fen) { return PrintedMoney{"x", at, Money{fen}, ""}; };
  PrintedMoney blank{"", at, std::nullopt, ""};
  // 财政资金 251.89 + 单位资金 0 + 其他资金 (blank) = 251.89: agrees.
  f.budget.sources = {{{"其中：财政资金", at}, blank, money(251890000), money(251890000)},
                      {{"单位资金", at}, blank, money(0), money(0)},
                      {{"其他资金", at}, blank, blank, blank}};
  auto r = ScoreSelfEval(f, National());
  INFO(Codes(r));
  CHECK_FALSE(Has(r.budget.findings, "selfeval.sources_sum", Severity::kError));
  // 财政资金 executed 200 of its 251.89 while the 总额 row prints 251.89 executed: located at the
  // 总额 row's 全年执行数 cell, with both figures.
  f.budget.sources[0].executed = money(200000000);
  f.budget.executed.where = {"budget.csv", 2, 3, ""};
  r = ScoreSelfEval(f, National());
  REQUIRE(Has(r.budget.findings, "selfeval.sources_sum", Severity::kError));
  for (const auto& d : r.budget.findings)
    if (d.code == "selfeval.sources_sum") {
      CHECK(d.where.line == 2);
      CHECK(d.where.column == 3);
      CHECK(d.message.find("全年执行数") != std::string::npos);
      CHECK(d.message.find("200.00万元") != std::string::npos);
      CHECK(d.message.find("251.89万元") != std::string::npos);
    }
}

TEST_CASE(
    "selfeval: rows without 分值 whose printed scores exceed the rows' points break the 100") {
  // 湖北-style: 年度绩效目标 80 (rows) + budget 20. Six rows scored 10 and two scored 20 add up to
  // 100 > 80, so whatever weights were meant, with the budget they add up to at least 120.
  const SelfEvalRules hubei = Hubei();
  SelfEvaluation f;
  for (const char* name : {"A", "B", "C", "D", "E", "F"})
    f.rows.push_back(Row("产出指标", name, "≥10个", "10个", "", "10"));
  f.rows.push_back(Row("效益指标", "G", "≥10个", "10个", "", "20"));
  f.rows.push_back(Row("效益指标", "H", "≥10个", "10个", "", "20"));
  f.budget = Budget(10000, 10000, "100%", "20", "20");
  auto r = ScoreSelfEval(f, hubei);
  INFO(Codes(r));
  CHECK(Has(r.findings, "selfeval.weight_sum", Severity::kError));
  // Exactly the rows' 80: no finding.
  f.rows.pop_back();
  f.rows.pop_back();
  f.rows.push_back(Row("效益指标", "G", "≥10个", "10个", "", "10"));
  f.rows.push_back(Row("效益指标", "H", "≥10个", "10个", "", "10"));
  CHECK_FALSE(Has(ScoreSelfEval(f, hubei).findings, "selfeval.weight_sum", Severity::kError));
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("selfeval: a printed 完成程度 above what the actual supports is an error") {
  SelfEvaluation f;
  f.rows = {Row("效益指标", "管理制度", "健全", "基本健全", "10", "9", "制度待修订")};
  f.rows[0].level = {"达成", {"form.csv", 2, 9, ""}};
  auto r = ScoreSelfEval(f, National());
  INFO(Codes(r));
  CHECK(Has(r.rows[0].findings, "selfeval.level_above_actual", Severity::kError));
  CHECK(*r.rows[0].computed == Rational(8));  // held to the 部分达成 band, 5–8
  f.rows[0].level.text = "部分达成";
  f.rows[0].score.value = Rational(7);
  auto ok = ScoreSelfEval(f, National());
  CHECK(ok.rows[0].findings.empty());
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("selfeval: 四川 rules require a reason when 全年预算数 differs from 年初") {
  SelfEvaluation f;
  f.budget = Budget(25189000, 25189000, "100%", "10");
  f.budget.year_start = {"238.93", {"budget.csv", 2, 1, ""}, Money{23893000}, ""};
  auto sichuan = National();
  sichuan.budget.adjustment_reason = true;
  CHECK(Has(ScoreSelfEval(f, sichuan).budget.findings, "selfeval.adjustment_no_reason",
            Severity::kWarning));
  CHECK_FALSE(Has(ScoreSelfEval(f, National()).budget.findings, "selfeval.adjustment_no_reason",
                  Severity::kWarning));
  f.budget.reason = {"追加人员经费", {}};
  CHECK_FALSE(Has(ScoreSelfEval(f, sichuan).budget.findings, "selfeval.adjustment_no_reason",
                  Severity::kWarning));
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("selfeval: 湖北 block all met but 0.4 short: the row printing 19.6 weighs 20") {
  auto hubei = National();
  hubei.budget.points = 20;
  hubei.rows_total = 80;
  hubei.weight_mode = SelfEvalWeightMode::kGoalBlocks;
  hubei.goal_blocks = {{"目标1", {}, 40}, {"目标2", {}, 40}};
  SelfEvaluation f;
  f.rows = {Row("产出指标", "A", "100%", "100%", "", "10"),
            Row("产出指标", "B", "100%", "100%", "", "10"),
            Row("满意度指标", "C", "98%", "98%", "", "19.6"),
            Row("产出指标", "D", "100%", "100%", "", "20"),
            Row("产出指标", "E", "100%", "100%", "", "20")};
  auto r = ScoreSelfEval(f, hubei);
  INFO(Codes(r));
  CHECK(*r.rows[2].weight == Rational(20));
  CHECK(*r.rows[2].computed == Rational(20));
  CHECK(Has(r.rows[2].findings, "selfeval.lost_marks_no_reason", Severity::kWarning));
  CHECK_FALSE(Has(r.findings, "selfeval.lost_marks_no_reason", Severity::kWarning));
  CHECK(*r.rows[3].weight == Rational(20));  // 目标2 starts where 产出 follows 满意度
}

TEST_CASE("selfeval: a copied target's hint gives an example of the row's own kind") {
  // Issue 21: “如 280米” was suggested on percentage rows.
  SelfEvaluation f;
  f.rows = {Row("满意度指标", "群众满意度", "≥95%", "≥95%", "10", "10"),
            Row("产出指标", "道路长度", "≥266米", "≥266米", "10", "10"),
            Row("效益指标", "办理时限", "≤7工作日", "≤7工作日", "10", "10")};
  auto r = ScoreSelfEval(f, National());
  auto message = [&](size_t i) {
    for (const auto& d : r.rows[i].findings)
      if (d.code == "selfeval.actual_repeats_target") return d.message;
    return std::string();
  };
  INFO(message(0) + "\n" + message(1) + "\n" + message(2));
  CHECK(message(0).find("米") == std::string::npos);
  CHECK(message(0).find("（如 95%）") != std::string::npos);
  CHECK(message(1).find("（如 266米）") != std::string::npos);
  CHECK(message(2).find("（如 7工作日）") != std::string::npos);
}

}  // namespace jixiao
