// A 成本 row's bare amount ("4万元") is a ceiling on every 自评表 path (trial 3 item 1): the CSV
// folder, the workbook made from a 绩效目标表 and filled on the page, and the filled workbook
// uploaded again read it as “≤” with a 提示 at the 指标值 cell, so spending under budget is met
// (full marks, no 偏差原因 asked) and spending over it scores 指标值/实际×分值. Figures by hand.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "app/selfeval_app.h"
#include "app/selfeval_form_app.h"
#include "app/selfeval_workbook_check.h"
#include "render/render.h"
#include "report/selfeval_form.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

const Diagnostic* RowFinding(const SelfEvalRowResult& row, const std::string& code) {
  for (const auto& f : row.findings)
    if (f.code == code) return &f;
  return nullptr;
}

const SelfEvalRowResult& RowNamed(const SelfEvalResult& r, const std::string& name) {
  for (const auto& row : r.rows)
    if (row.indicator == name) return row;
  FAIL("no row " << name);
  return r.rows.front();
}

SelfEvalRules Rules() {
  Diagnostics d;
  auto rules = ResolveSelfEvalRules("", d);
  REQUIRE(rules);
  return *rules;
}

// Under budget: met, full marks, a 提示 (not a warning) at the 指标值, no reason asked.
void CheckUnderBudget(const SelfEvalRowResult& row, const std::string& cell) {
  REQUIRE(row.weight);
  REQUIRE(row.computed);
  CHECK(*row.computed == *row.weight);
  const Diagnostic* hint = RowFinding(row, "selfeval.cost_ceiling");
  REQUIRE(hint);
  CHECK(hint->severity == Severity::kInfo);
  CHECK(hint->message.find("按“≤4万元”读取") != std::string::npos);
  CHECK(hint->where.ToString().find(cell) != std::string::npos);
  CHECK_FALSE(RowFinding(row, "selfeval.bare_target"));
  CHECK_FALSE(RowFinding(row, "selfeval.missed_no_reason"));
  CHECK_FALSE(RowFinding(row, "selfeval.score_below_rule"));
}

}  // namespace

TEST_CASE("自评表 CSV: a 成本 row's bare amount is a ceiling; other bare values stay ≥") {
  SelfEvalCsvInput in;
  in.name = "form";
  in.form_csv =
      "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因\n"
      "产出指标,成本指标,严控成本,4万元,3.85万元,7,7,\n"    // line 2: met
      "成本指标,经济成本指标,培训成本,4万元,4.2万元,7,,\n"  // line 3: 4/4.2×7
      "产出指标,数量指标,采购金额,4万元,3.85万元,7,,\n"     // line 4: stays ≥
      "产出指标,成本指标,成本节约率,5%,6%,5,5,\n"           // a rate: stays ≥
      "产出指标,成本指标,控制成本,≤4万元,3.85万元,5,5,\n";  // written: no 提示
  const SelfEvalCheck check = CheckSelfEvalBytes(in, Rules());
  REQUIRE(check.form);
  const SelfEvalResult& r = check.result;
  CheckUnderBudget(RowNamed(r, "严控成本"), "form/form.csv:2");
  CHECK(check.form->rows[0].parsed_target.value.op == CompareOp::kLe);
  const auto& over = RowNamed(r, "培训成本");  // 一级 成本指标 (2021 central layout)
  REQUIRE(over.computed);
  CHECK(*over.computed == Rational(667, 100));  // 4/4.2×7 = 6.666… → 6.67
  CHECK(RowFinding(over, "selfeval.cost_ceiling"));
  CHECK(RowFinding(over, "selfeval.missed_no_reason"));
  const auto& output = RowNamed(r, "采购金额");
  CHECK(RowFinding(output, "selfeval.bare_target"));
  CHECK_FALSE(RowFinding(output, "selfeval.cost_ceiling"));
  REQUIRE(output.computed);
  CHECK(*output.computed == Rational(674, 100));  // 3.85/4×7 = 6.7375 → 6.74
  const auto& rate = RowNamed(r, "成本节约率");
  CHECK_FALSE(RowFinding(rate, "selfeval.cost_ceiling"));
  CHECK(check.form->rows[3].parsed_target.value.op == CompareOp::kGe);
  CHECK_FALSE(RowFinding(RowNamed(r, "控制成本"), "selfeval.cost_ceiling"));
}

TEST_CASE(
    "自评表 made from a 绩效目标表, filled on the page and uploaded: the cost ceiling holds") {
  const fs::path dir =
      fs::temp_directory_path() / ("jixiao-cost-ceiling-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "targets");
  std::ofstream(dir / "targets" / "targets.csv") << "一级,二级,三级,指标值\n"
                                                    "产出指标,数量指标,慰问人数,≥32人\n"
                                                    "产出指标,成本指标,严控成本,4万元\n"
                                                    "效益指标,社会效益指标,知晓率,≥90%\n"
                                                    "满意度指标,满意度指标,群众满意度,≥90%\n";
  const SelfEvalRules rules = Rules();
  Diagnostics d;
  auto blank = NewSelfEvalForm((dir / "targets").string(), rules, d, {"2021", ""});
  REQUIRE(blank);
  const std::string blank_file = (dir / "blank.xlsx").string();
  std::ofstream(blank_file, std::ios::binary) << *blank;
  SelfEvalCheck made = CheckSelfEvalWorkbookFile(blank_file, rules);
  REQUIRE(made.form);
  REQUIRE(made.form->rows.size() == 4);
  CHECK(made.form->rows[1].parsed_target.cost_ceiling);
  // The page: the unit types its 实际完成值 and 得分 (EditSelfEval, as the web form saves).
  SelfEvaluation form = *made.form;
  const char* actuals[] = {"32人", "3.85万元", "95%", "95%"};
  for (size_t i = 0; i < 4; ++i) {
    REQUIRE(EditSelfEval(form, i, "实际完成值", actuals[i], nullptr));
    REQUIRE(EditSelfEval(form, i, "得分", form.rows[i].weight.text, nullptr));
  }
  const SelfEvalResult page = RescoreSelfEval(form, rules);
  CheckUnderBudget(RowNamed(page, "严控成本"), "自评表!");
  // The filled workbook, downloaded and uploaded again.
  const std::string filled_file = (dir / "filled.xlsx").string();
  std::ofstream(filled_file, std::ios::binary)
      << render::ToXlsx(report::BuildSelfEvalWorkbook(form, rules, &page));
  const SelfEvalCheck filled = CheckSelfEvalWorkbookFile(filled_file, rules);
  fs::remove_all(dir);
  REQUIRE(filled.form);
  CheckUnderBudget(RowNamed(filled.result, "严控成本"), "自评表!");
}

}  // namespace jixiao
