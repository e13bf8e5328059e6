// The 自评表 builders of `selfeval new` / `selfeval score`: whole-point 分值 from the rule set's
// categories (hand-computed), the blank form's drop-downs and prompts, and the 自评报告 naming
// every missed target with its reason or the lack of one.
#include "report/selfeval_form.h"

#include <catch2/catch.hpp>

#include "report/selfeval_report.h"

namespace jixiao::report {
namespace {

SelfEvalRules National() {
  SelfEvalRules r;
  r.id = "selfeval-national";
  r.title = "全国";
  r.rows_total = 90;
  r.categories = {
      {"产出指标", {"产出"}, 50}, {"效益指标", {"效益"}, 30}, {"满意度指标", {"满意度"}, 10}};
  r.bands = {{"达成预期指标", {}, Rational(4, 5), 1},
             {"部分达成预期指标", {}, Rational(1, 2), Rational(4, 5)},
             {"未达成预期指标", {}, 0, Rational(1, 2)}};
  return r;
}

std::vector<int> Ints(const std::vector<Rational>& v) {
  std::vector<int> out;
  for (const auto& r : v) {
    REQUIRE(r.den() == 1);
    out.push_back(static_cast<int>(r.num()));
  }
  return out;
}

TEST_CASE("分值 split in whole points adds up to the rows' 90") {
  const auto rules = National();
  // 产出 50 over 3 → 17,17,16; 效益 30 over 3 → 10 each; 满意度 10 on its one row.
  CHECK(Ints(SplitCategoryWeights(
            {"产出指标", "产出指标", "产出指标", "效益指标", "效益指标", "效益指标", "满意度指标"},
            rules)) == std::vector<int>{17, 17, 16, 10, 10, 10, 10});
  // No 满意度 row: its 10 spread over all 9 rows (2 to the first, 1 to each other) on top of
  // 产出 9,9,8,8,8,8 and 效益 10,10,10.
  CHECK(Ints(SplitCategoryWeights(
            {"产出指标(50分)", "产出指标(50分)", "产出指标(50分)", "产出指标(50分)",
             "产出指标(50分)", "产出指标(50分)", "效益指标", "效益指标", "效益指标"},
            rules)) == std::vector<int>{11, 10, 9, 9, 9, 9, 11, 11, 11});
  // Rows of no category take what the categories leave: 90 − 50 = 40 over two rows.
  CHECK(Ints(SplitCategoryWeights({"产出指标", "其他指标", "其他指标"}, rules)) ==
        std::vector<int>{50, 20, 20});
  CHECK(SplitCategoryWeights({}, rules).empty());
}

TEST_CASE("a 指标值 without a figure is qualitative") {
  CHECK(QualitativeTarget("效果明显"));
  CHECK(QualitativeTarget("严格执行相关制度规定"));
  CHECK_FALSE(QualitativeTarget("≥95%"));
  CHECK_FALSE(QualitativeTarget("2023年12月底前"));
  CHECK_FALSE(QualitativeTarget(""));
}

SelfEvaluation TwoRows() {
  SelfEvaluation f;
  f.header.project.text = "测试项目";
  SelfEvalRow a, b;
  a.level1.text = b.level1.text = "产出指标";
  a.level2.text = "数量指标";
  b.level2.text = "质量指标";
  a.level3.text = "培训人次";
  a.target.text = "≥100人次";
  a.weight.value = Rational(30);
  b.level3.text = "培训效果";
  b.target.text = "效果明显";
  b.weight.value = Rational(60);
  f.rows = {a, b};
  return f;
}

TEST_CASE(
    "the blank form: A4 portrait, a drop-down on the qualitative row, a required-reason prompt") {
  const auto wb = BuildSelfEvalWorkbook(TwoRows(), National(), nullptr);
  REQUIRE(wb.sheets.size() == 1);
  const auto& s = wb.sheets[0];
  CHECK_FALSE(s.landscape);
  // The budget block keeps a row for its 偏差原因 (执行率 under 90%): row 7, B = label, C:H input.
  REQUIRE(s.At(6, 1));
  CHECK(s.At(6, 1)->text == "偏差原因");
  REQUIRE(s.At(6, 2));
  CHECK(s.At(6, 2)->style == doc::CellStyle::kInputText);
  CHECK(s.header_first_row == 9);
  REQUIRE(s.At(9, 2));
  CHECK(s.At(9, 2)->text == "三级指标");
  int lists = 0, prompts = 0;
  for (const auto& v : s.validations) {
    if (v.kind == doc::DataValidation::Kind::kList) {
      ++lists;
      CHECK(v.first_row == 11);  // the second indicator row, 效果明显
      CHECK(v.options.front() == "达成预期指标");
    }
    if (v.prompt_title.find("必填") != std::string::npos) ++prompts;
  }
  CHECK(lists == 1);
  CHECK(prompts == 2);  // the rows' 偏差原因 column and the budget's 偏差原因 row
  const doc::WCell* total = s.At(12, 5);
  REQUIRE(total);
  CHECK(total->number == 100);  // 30 + 60 + the budget's 10
  CHECK(s.At(9, 0)->text == "一级指标");
  CHECK(s.At(10, 0)->text == "产出指标\n（50分）");  // broken before the bracket: no lone "）"
  CHECK(s.At(4, 0)->text == "项目资金\n（万元）");
  CHECK(s.At(0, 0)->style == doc::CellStyle::kFormTitle);  // centred over A1:H1
}

TEST_CASE("the 自评报告 names every missed target with its reason, or says none was given") {
  SelfEvaluation f = TwoRows();
  f.rows[1].actual.text = "部分达成";
  f.rows[0].actual.text = "80人次";
  f.rows[0].reason.text = "疫情停课两个月";
  SelfEvalResult r;
  r.computed_total = Rational(8500, 100);
  r.computed_grade = "良";
  SelfEvalRowResult a, b;
  a.index = 0, a.indicator = "培训人次", a.weight = Rational(30), a.computed = Rational(24);
  b.index = 1, b.indicator = "培训效果", b.weight = Rational(60), b.computed = Rational(51);
  r.rows = {a, b};
  const doc::Document d = BuildSelfEvalReport(f, r, National());
  std::string all;
  std::vector<std::string> headings;
  for (const auto& block : d.blocks) {
    if (auto h = std::get_if<doc::Heading>(&block)) headings.push_back(h->text);
    if (auto p = std::get_if<doc::Paragraph>(&block)) all += doc::PlainText(p->runs) + "\n";
  }
  CHECK(headings ==
        std::vector<std::string>{"测试项目绩效自评报告", "一、基本情况", "二、绩效目标完成情况分析",
                                 "三、偏离绩效目标的原因和改进措施", "四、自评结果应用和公开情况"});
  // No 表上总分: the recomputed score is the 复核分, never the unit's own 自评分 (issue 21).
  CHECK(all.find("表上未填总分；按评分规则重算的复核分85分，等级为“良”") != std::string::npos);
  CHECK(all.find("自评总分") == std::string::npos);
  CHECK(all.find("“培训人次”：年度指标值≥100人次，实际完成80人次，得分24分（分值30分）。偏差原因及"
                 "改进措施：疫情停课两个月") != std::string::npos);
  CHECK(all.find("“培训效果”") != std::string::npos);
  CHECK(all.find("自评表未填写偏差原因") != std::string::npos);
  CHECK(all.find("未完成的2项指标") != std::string::npos);
  // The rule set is named by its title when it has no name, and never by its raw id.
  CHECK(all.find("按全国计分") != std::string::npos);  // the unit's own 自评, not a 复核
  CHECK(all.find("经复核") == std::string::npos);
  CHECK(all.find("selfeval-national") == std::string::npos);
  SelfEvalRules named = National();
  named.name = "全国通用自评规则（财预〔2020〕10号）";
  std::string with_name;
  for (const auto& block : BuildSelfEvalReport(f, r, named).blocks)
    if (auto p = std::get_if<doc::Paragraph>(&block)) with_name += doc::PlainText(p->runs);
  CHECK(with_name.find("按全国通用自评规则（财预〔2020〕10号）计分") != std::string::npos);
}

TEST_CASE("the 自评报告 is titled with the project's name and speaks for who computed the score") {
  SelfEvaluation f = TwoRows();
  SelfEvalResult r;
  r.computed_total = Rational(8500, 100);
  r.claimed_total = Rational(90);
  r.computed_grade = "良";
  auto text = [&](const doc::Document& d) {
    std::string all;
    for (const auto& block : d.blocks)
      if (auto p = std::get_if<doc::Paragraph>(&block)) all += doc::PlainText(p->runs) + "\n";
    return all;
  };
  f.header.project.text.clear();  // a form with no 项目名称 printed: the page's title names it
  const doc::Document named = BuildSelfEvalReport(f, r, National(), {"古美社区养老服务", false});
  CHECK(named.title == "古美社区养老服务项目绩效自评报告");
  CHECK(BuildSelfEvalReport(f, r, National(), {"困难群众救助项目", false}).title ==
        "困难群众救助项目绩效自评报告");
  CHECK(BuildSelfEvalReport(f, r, National()).title == "项目支出绩效自评报告");
  const std::string unit = text(named);
  CHECK(unit.find("经复核") == std::string::npos);
  CHECK(unit.find("自评分（表上总分）90分；按评分规则重算的复核分85分，等级为“良”，两者不一致，"
                  "请核对") != std::string::npos);
  CHECK(unit.find("自评总分") == std::string::npos);
  const std::string review =
      text(BuildSelfEvalReport(f, r, National(), {"古美社区养老服务", true}));
  CHECK(review.find("经复核，复核分85分，等级为“良”（单位自评分90分）") != std::string::npos);
  r.claimed_total = Rational(85);
  CHECK(text(BuildSelfEvalReport(f, r, National(), {"古美社区养老服务", false}))
            .find("自评分（表上总分）85分，与按评分规则重算的复核分一致，等级为“良”") !=
        std::string::npos);
  CHECK(review.find("复核计分") != std::string::npos);
}

TEST_CASE("the 自评报告 shows the budget split by funding source") {
  SelfEvaluation f = TwoRows();
  f.budget.present = true;
  f.budget.full_year = {"251.89", {}, Money{251890000}, ""};
  f.budget.executed = {"251.89", {}, Money{251890000}, ""};
  PrintedMoney blank{"", {}, std::nullopt, ""};
  f.budget.sources = {
      {{"其中：财政资金", {}},
       blank,
       {"", {}, Money{241890000}, ""},
       {"", {}, Money{241890000}, ""}},
      {{"单位资金", {}}, blank, {"", {}, Money{10000000}, ""}, {"", {}, Money{10000000}, ""}},
      {{"其他资金", {}}, blank, blank, blank}};
  CHECK(FundingSourcesText(f.budget, "万元") ==
        "其中：财政资金（全年预算数241.89万元、全年执行数241.89万元）；单位资金（全年预算数10."
        "00万元、"
        "全年执行数10.00万元）");
  SelfEvalResult r;
  r.budget.present = true;
  std::string all;
  for (const auto& block : BuildSelfEvalReport(f, r, National()).blocks)
    if (auto p = std::get_if<doc::Paragraph>(&block)) all += doc::PlainText(p->runs);
  CHECK(all.find("按资金来源分列，其中：财政资金（全年预算数241.89万元") != std::string::npos);
  f.budget.sources.clear();
  CHECK(FundingSourcesText(f.budget, "万元").empty());
}

TEST_CASE("the scored form lists the budget's funding sources under 年度资金总额") {
  SelfEvaluation f = TwoRows();
  f.budget.present = true;
  f.budget.full_year = {"251.89", {}, Money{251890000}, ""};
  PrintedMoney blank{"", {}, std::nullopt, ""};
  f.budget.sources = {{{"其中：财政资金", {}}, blank, {"", {}, Money{241890000}, ""}, blank},
                      {{"其他资金", {}}, blank, blank, blank}};  // printed blank: left out
  SelfEvalResult r;
  const auto wb = BuildSelfEvalWorkbook(f, National(), &r);
  const auto& s = wb.sheets[0];
  REQUIRE(s.At(6, 1));
  CHECK(s.At(6, 1)->text == "其中：财政资金");
  REQUIRE(s.At(6, 3));
  CHECK(s.At(6, 3)->number == Approx(241.89));
  // Everything below moves down one row: 年度总体目标 on row 7, the indicator header on row 9.
  CHECK(s.At(7, 0)->text == "年度总体目标");
  CHECK(s.header_first_row == 9);
  // The blank form (`selfeval new`) prints no source the rule set does not name; it keeps the
  // budget's 偏差原因 row.
  CHECK(BuildSelfEvalWorkbook(f, National(), nullptr).sheets[0].header_first_row == 9);
}

TEST_CASE("the scored form shows each source's 执行率, and the 偏差原因 row when the rate is low") {
  // Form 07 of the corpus: 215,457.60 of 250,000.00 元 spent, 86.18%, no reason given.
  SelfEvaluation f = TwoRows();
  f.budget.present = true;
  f.budget.money_unit = "元";
  f.budget.full_year = {"250000", {}, Money{25000000}, ""};
  f.budget.executed = {"215457.6", {}, Money{21545760}, ""};
  PrintedMoney blank{"", {}, std::nullopt, ""};
  f.budget.sources = {{{"其中：当年财政拨款", {}},
                       blank,
                       {"", {}, Money{25000000}, ""},
                       {"", {}, Money{21545760}, ""}}};
  SelfEvalResult r;
  r.budget.present = true;
  r.budget.rate = Rational(21545760, 25000000) * Rational(100);
  auto wb = BuildSelfEvalWorkbook(f, National(), &r);
  const auto* s = &wb.sheets[0];
  REQUIRE(s->At(6, 6));
  CHECK(s->At(6, 6)->text == "86.18%");  // the source's own 执行率
  REQUIRE(s->At(7, 1));
  CHECK(s->At(7, 1)->text == "偏差原因");  // required under 90%: shown, left as printed (blank)
  CHECK(s->At(7, 2)->text.empty());
  CHECK(s->header_first_row == 10);
  // At or above the bar with no reason: no 偏差原因 row.
  r.budget.rate = Rational(95);
  wb = BuildSelfEvalWorkbook(f, National(), &r);
  CHECK(wb.sheets[0].header_first_row == 9);
}

TEST_CASE("the blank form prints the rule set's 其中 rows, with their own 分值 when scored") {
  SelfEvalRules rules = National();
  rules.budget.sources = {{"当年财政拨款", {}, std::nullopt},
                          {"上年结转资金", {}, std::nullopt},
                          {"其他资金", {}, std::nullopt}};
  auto wb = BuildSelfEvalWorkbook(TwoRows(), rules, nullptr);
  const auto* s = &wb.sheets[0];
  REQUIRE(s->At(6, 1));
  CHECK(s->At(6, 1)->text == "其中：\n当年财政拨款");
  CHECK(s->At(7, 1)->text == "上年结转资金");
  CHECK(s->At(8, 1)->text == "其他资金");
  CHECK(s->At(6, 5)->text == "—");                            // not scored on its own: 分值 —
  CHECK(s->At(6, 3)->style == doc::CellStyle::kInputNumber);  // amounts to fill
  CHECK(s->At(9, 1)->text == "偏差原因");
  CHECK(s->header_first_row == 12);
  // 中央资金 6 + 地方资金 4 = the budget's 10: each 其中 row shows its 分值.
  rules.budget.sources = {{"中央资金", {}, Rational(6)}, {"地方资金", {}, Rational(4)}};
  wb = BuildSelfEvalWorkbook(TwoRows(), rules, nullptr);
  s = &wb.sheets[0];
  CHECK(s->At(6, 1)->text == "其中：\n中央资金");
  REQUIRE(s->At(6, 5));
  CHECK(s->At(6, 5)->number == 6);
  CHECK(s->At(7, 5)->number == 4);
  CHECK(s->At(6, 7)->style == doc::CellStyle::kInputNumber);  // its 得分 to fill
  CHECK(s->At(8, 1)->text == "偏差原因");
}

}  // namespace
}  // namespace jixiao::report

namespace jixiao::report {

TEST_CASE("the 自评报告 writes quotes inside quotes as ‘…’ (browser trial 2: “1.““两强一增”…”)") {
  SelfEvaluation f = TwoRows();
  f.rows[0].level3.text = "“两强一增”认证总数";
  f.rows[0].actual.text = "18人次";
  SelfEvalResult r;
  r.computed_total = Rational(90);
  SelfEvalRowResult a, b;
  a.index = 0, a.indicator = "认证总数", a.weight = Rational(30), a.computed = Rational(24);
  b.index = 1, b.indicator = "培训效果", b.weight = Rational(60), b.computed = Rational(60);
  r.rows = {a, b};
  std::string all;
  for (const auto& block : BuildSelfEvalReport(f, r, National()).blocks)
    if (auto p = std::get_if<doc::Paragraph>(&block)) all += doc::PlainText(p->runs) + "\n";
  CHECK(all.find("1.“‘两强一增’认证总数”：") != std::string::npos);
  CHECK(all.find("““") == std::string::npos);
}

}  // namespace jixiao::report

namespace jixiao::report {

TEST_CASE("the 自评报告 does not draft the template's instruction as the 实际完成情况") {
  SelfEvaluation f = TwoRows();
  f.goal.text = "严格执行相关政策，保障工资及时、足额发放。";
  f.goal_actual.text = "对照年度目标，说明相关任务目标的完成情况(100字以内)";
  SelfEvalResult r;
  r.computed_total = Rational(85);
  r.computed_grade = "良";
  std::string all;
  for (const auto& block : BuildSelfEvalReport(f, r, National()).blocks)
    if (auto p = std::get_if<doc::Paragraph>(&block)) all += doc::PlainText(p->runs) + "\n";
  CHECK(all.find("年度总体目标：严格执行相关政策") != std::string::npos);
  CHECK(all.find("100字以内") == std::string::npos);
  // A real answer is drafted as before.
  f.goal_actual.text = "工资按月足额发放。";
  all.clear();
  for (const auto& block : BuildSelfEvalReport(f, r, National()).blocks)
    if (auto p = std::get_if<doc::Paragraph>(&block)) all += doc::PlainText(p->runs) + "\n";
  CHECK(all.find("实际完成情况：工资按月足额发放。") != std::string::npos);
}

}  // namespace jixiao::report
