// Narrative figures against the data (browser trial 2): "全年执行44.5万元" when the budget says
// 44.42万元 and "评价得分91.5分" after an edit made it 91.25 are named; figures written with fewer
// decimals that round correctly, figures of a budget line, of another year or of a target value
// are not; "圆满完成各项任务" is named when an indicator lost points or a target was missed.
#include "report/narrative_figures.h"

#include <catch2/catch.hpp>

namespace jixiao::report {
namespace {

struct Fixture {
  Framework framework;
  Case c;
  Scorecard card;
  Fixture() {
    framework.grades = {{"优", {9000}}, {"良", {8000}}, {"合格", {6000}}, {"不合格", {0}}};
    c.project.year = "2024";
    BudgetLine a, b;
    a.composition = "农产品质检体系建设";
    a.details = {BudgetDetail{"实验室仪器鉴定校准", "市级财政", Money{20000000}}};
    a.adjusted = Money{20000000};
    a.actual = Money{17800000};
    b.composition = "“三品一标”发展";
    b.details = {BudgetDetail{"监督抽检", "市级财政", Money{31350000}}};
    b.adjusted = Money{31350000};
    b.actual = Money{26620000};
    c.budget = {true, "budget.csv", {a, b}};  // 51.35万元, executed 44.42万元
    TargetRow t;
    t.level3 = "“两强一增”认证总数";
    t.value = "≥２０个";  // typed the Excel way
    t.actual = "18个";
    c.targets = {true, "targets.csv", {t}};
    card.total = Score{9125};
    card.grade = "优";
    IndicatorResult cat, b12, d141;
    cat.code = "B";
    cat.name = "过程";
    cat.level = 1;
    cat.weight = Score{2000};
    cat.score = Score{1500};
    b12.code = "B12";
    b12.name = "预算执行率";
    b12.level = 3;
    b12.leaf = true;
    b12.weight = Score{500};
    b12.score = Score{0};
    d141.code = "D141";
    d141.name = "认证总数";
    d141.level = 3;
    d141.leaf = true;
    d141.weight = Score{500};
    d141.score = Score{425};
    card.indicators = {cat, b12, d141};
    ResolvedMetric rate;
    rate.value = Rational(444200, 5135);  // 86.504…%
    rate.unit = "%";
    card.metrics["预算执行率"] = rate;
  }
  std::vector<FigureIssue> Check(const std::string& text) {
    return CheckTextFigures({framework, c, card}, "budget_basis", text);
  }
};

bool Names(const FigureIssue& issue, const std::string& part) {
  return issue.message.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a narrative amount or score that the data contradicts is named with the computed one") {
  Fixture f;
  auto issues = f.Check("项目年初预算51.35万元，全年执行44.5万元，预算执行率86.50%。");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].code == kFigureCode);
  CHECK(Names(issues[0], "44.5万元"));
  CHECK(Names(issues[0], "44.42万元"));
  CHECK(issues[0].offset == 0);

  issues = f.Check("前言。\n本项目评价得分91.5分，等级为优。");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].code == kScoreCode);
  CHECK(Names(issues[0], "91.5分"));
  CHECK(Names(issues[0], "91.25分"));
  CHECK(issues[0].offset == std::string("前言。\n").size());

  issues = f.Check("最终评分结果为91.25分，绩效评级为“良”。");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].code == kScoreCode);
  CHECK(Names(issues[0], "“良”"));

  issues = f.Check("B12预算执行率指标得2分；预算执行率为85.5%。");
  REQUIRE(issues.size() == 2);
  CHECK(Names(issues[0], "B12 预算执行率的得分"));
  CHECK(Names(issues[0], "0分"));
  CHECK(Names(issues[1], "86.50%"));

  issues = f.Check("“两强一增”认证总数为20个。");
  REQUIRE(issues.size() == 1);
  CHECK(Names(issues[0], "18个"));
}

TEST_CASE("figures that round correctly, parts, other years and targets pass") {
  Fixture f;
  CHECK(f.Check("项目年初预算51.35万元，实际支出44.4万元，执行率86.5%，评价得分91.3分。").empty());
  CHECK(f.Check("全年执行444,200.00元；评价得分91.25分，等级为优；过程得分15分。").empty());
  CHECK(f.Check("其中监督抽检支出26.62万元；2023年支出40万元；满分5分，扣0.75分。").empty());
  CHECK(f.Check("认证总数目标为20个；评价等级分为优、良、合格、不合格。").empty());
  f.card.total_weight = Score{10000};
  CHECK(f.Check("指标体系总分100分；评价等级为优、良、合格和不合格四档。").empty());
}

TEST_CASE("a blanket claim names the indicators short of full marks and the missed targets") {
  Fixture f;
  auto issues = f.Check("项目效果显著，圆满完成了各项任务。");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].code == kClaimCode);
  CHECK(Names(issues[0], "B12 预算执行率（得0分，满分5分）"));
  CHECK(Names(issues[0], "‘两强一增’认证总数"));  // nested quotes as GB/T 15834 writes them
  CHECK(Names(issues[0], "（目标≥20个，实际18个）"));
  f.card.indicators.resize(1);
  f.c.targets.rows.clear();
  CHECK(f.Check("项目效果显著，圆满完成了各项任务。").empty());
}

}  // namespace jixiao::report
