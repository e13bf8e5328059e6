// The 评分表 of the report and of the scoring workbook: the weights the case was scored on and how
// weights moved from a 不适用 leaf (issue 21: the scope sentence under the table, each moved
// weight's sum as the workbook cell's note); figures spelled by the body's policy (issue 23).
#include <catch2/catch.hpp>

#include "report/context.h"
#include "report/report_input.h"
#include "report/tables.h"
#include "report/workbook_builder.h"

namespace jixiao::report {
namespace {

struct NaCase {
  Framework framework;
  Case c;
  Scorecard card;
  NaCase() {
    Indicator top{"A", "决策", Score{1000}, 1};
    for (const char* code : {"A1", "A2", "A3"}) {
      Indicator leaf{code, std::string("指标") + code, Score{300}, 2};
      top.children.push_back(leaf);
    }
    top.children.back().weight = Score{400};
    framework.title = "测试指标体系";
    framework.total = Score{1000};
    framework.indicators = {top};
    IndicatorResult a{"A", "决策"};
    a.weight = a.score = Score{1000};
    card.indicators.push_back(a);
    // A3 (4分) 不适用: A1 and A2 take 3 × 10 ÷ 6 = 5 each.
    for (const char* code : {"A1", "A2", "A3"}) {
      IndicatorResult r{code, std::string("指标") + code, 2, 0, true};
      r.weight = r.score = Score{500};
      r.weight_note = std::string("A3 指标A3（4分）不适用：本指标分值 3 × 10 ÷ 6 = 5分。");
      card.indicators.push_back(r);
    }
    auto& na = card.indicators.back();
    na.weight = na.score = Score{0};
    na.not_applicable_weight = Score{400};
    na.weight_note.clear();
    card.total = card.total_weight = Score{1000};
    card.not_applicable_notes = {
        "A3 指标A3（4分）不适用，按总分10分折算：其余适用指标分值合计6分。"};
  }
};

}  // namespace

TEST_CASE("the workbook 评分表 prints scored weights and how 不适用 moved them") {
  NaCase k;
  ReportInput in{k.framework, k.c, k.card};
  ScoreSheetLayout layout;
  doc::Sheet s = ScoreSheet(in, layout);
  const int w = layout.weight_col;
  // Rows 2..4 are A1..A3: the weight scored on, not the declared 3/3/4 (得分率 would pass 100%).
  REQUIRE(s.At(2, w));
  CHECK(s.At(2, w)->number == 5);
  CHECK(s.At(3, w)->number == 5);
  CHECK(s.At(4, w)->number == 0);
  CHECK(s.comments.at({2, w}).find("3 × 10 ÷ 6 = 5分") != std::string::npos);
  CHECK(s.comments.at({4, w}).find("不适用，原分值4分") != std::string::npos);
  const doc::WCell* note = s.At(layout.grade_row + 1, 0);
  REQUIRE(note);
  CHECK(note->text.rfind("说明：A3 指标A3（4分）不适用，按总分10分折算", 0) == 0);
}

TEST_CASE("the report context carries the 不适用 sentences printed under the 评分表") {
  NaCase k;
  ReportInput in{k.framework, k.c, k.card};
  auto d = BuildContext(in);
  const auto* notes = d.get("na_notes");
  REQUIRE(notes);
  REQUIRE(notes->list_value().size() == 1);
  CHECK(notes->list_value()[0].get("text")->string_value().rfind("A3 指标A3（4分）不适用", 0) == 0);
}

TEST_CASE("the 评分表 spells 业绩值 and 扣分说明 as the body does (98.50%, 29,729人)") {
  NaCase k;
  IndicatorResult& a1 = k.card.indicators[1];
  a1.value = "98.5%";
  a1.score = Score{400};
  a1.deductions.push_back({Rational(1), Rational(1, 5), "服务29729人，低于目标"});
  a1.sentence = "根据评分标准，扣1分。";
  ReportInput in{k.framework, k.c, k.card};
  ScoreSheetLayout layout;
  doc::Sheet s = ScoreSheet(in, layout);
  const int w = layout.weight_col;
  REQUIRE(s.At(2, w + 3));
  CHECK(s.At(2, w + 3)->text == "98.50%");
  REQUIRE(s.At(2, w + 6));
  CHECK(s.At(2, w + 6)->text.find("服务29,729人") != std::string::npos);
  doc::Table t = ScoringSheetTable(in);
  CHECK(t.rows[1][t.rows[1].size() - 1].text.find("服务29,729人") != std::string::npos);
  CHECK(t.rows[1][t.rows[1].size() - 3].text == "98.50%");
}

TEST_CASE("附件1 states late transfers in brief; the workbook keeps each one's dates") {
  NaCase k;
  IndicatorResult& a1 = k.card.indicators[1];
  a1.rule_type = "timeliness";
  a1.score = Score{300};
  const std::string long_reason =
      "承担……资金（32,880.00元）应于2024年6月20日前划拨，实际于7月2日划拨";
  a1.deductions.push_back({Rational(1), std::nullopt, long_reason + "，逾期12天"});
  a1.deductions.push_back({Rational(1), std::nullopt, "另一笔资金应于11月14日前划拨，逾期1天"});
  a1.sentence = "根据评分标准，扣2分。";
  k.framework.indicators[0].children[0].criteria = "每发现一笔资金晚于规定时限划拨，扣1分";
  k.c.transfers.present = true;
  k.c.transfers.rows = {Transfer{"甲", Money{3288000}, {2024, 6, 20}, {2024, 7, 2}, 2},
                        Transfer{"乙", Money{428125}, {2024, 11, 14}, {2024, 11, 15}, 3}};
  ReportInput in{k.framework, k.c, k.card};
  doc::Table t = ScoringSheetTable(in);
  std::string why = t.rows[1].back().text;
  CHECK(why == "共2笔资金划拨，均逾期（分别逾期12天、1天），扣2分。");
  ScoreSheetLayout layout;
  doc::Sheet s = ScoreSheet(in, layout);
  REQUIRE(s.At(2, layout.weight_col + 6));
  CHECK(s.At(2, layout.weight_col + 6)->text.find("32,880.00元") != std::string::npos);
  k.c.findings["A1"].deductions.push_back({});  // the evaluator's own deduction: said in full
  CHECK(ScoringSheetTable(in).rows[1].back().text.find("32,880.00元") != std::string::npos);
}

}  // namespace jixiao::report
