// Problems that explain the lost points: the sparse case of issue 22 (one problem covered 9 of
// 22.48 points; the 60% satisfaction rate and the 80% execution rate went unmentioned).
#include "app/problem_coverage.h"

#include <catch2/catch.hpp>

namespace jixiao {
namespace {

IndicatorResult LeafResult(const std::string& code, const std::string& name, int64_t weight,
                           int64_t score) {
  IndicatorResult r;
  r.code = code;
  r.name = name;
  r.leaf = true;
  r.weight = Score{weight};
  r.score = Score{score};
  return r;
}

Evaluation Sparse() {
  Evaluation e;
  e.c.dir = "case";
  e.card.indicators = {LeafResult("A21", "绩效目标合理性", 900, 0),         // lost 9
                       LeafResult("B12", "预算执行率", 1000, 200),          // lost 8
                       LeafResult("D21", "受助群众满意度", 1000, 452),      // lost 5.48
                       LeafResult("C11", "医疗救助工作完成率", 500, 500)};  // lost nothing
  e.c.problems = {{"绩效目标不够合理", "……", {"A21"}}};
  return e;
}

}  // namespace

TEST_CASE("problems coverage: most lost points unexplained names each indicator") {
  Evaluation e = Sparse();
  Diagnostics diags;
  CheckProblemsCoverLosses(e, diags);
  REQUIRE(diags.items().size() == 1);
  const Diagnostic& d = diags.items()[0];
  CHECK(d.code == "case.problems_coverage");
  CHECK(d.where.path == "$.problems");
  CHECK(d.message.find("共扣22.48分中的9分") != std::string::npos);
  CHECK(d.message.find("B12 预算执行率（扣8分）、D21 受助群众满意度（扣5.48分）") !=
        std::string::npos);
  CHECK(d.message.find("C11") == std::string::npos);  // no points lost, nothing to explain
  CHECK(d.message.find("A21") == std::string::npos);  // explained
}

TEST_CASE("problems coverage: a problem naming a parent covers its leaves; two thirds is enough") {
  Evaluation e = Sparse();
  e.c.problems.push_back({"预算执行不到位", "……", {"B1"}});  // B12 under B1: 17 of 22.48
  Diagnostics diags;
  CheckProblemsCoverLosses(e, diags);
  CHECK(diags.items().empty());
  e.c.problems = {};
  for (auto& r : e.card.indicators) r.score = r.weight;  // nothing lost
  CheckProblemsCoverLosses(e, diags);
  CHECK(diags.items().empty());
}

TEST_CASE("problems coverage: more than a third unexplained, or the largest deduction, warns") {
  // reader7 on xinqiao: 7.74 of 13.68 explained (56.6%), the largest deduction not among them.
  Evaluation e;
  e.c.dir = "case";
  e.card.indicators = {LeafResult("A21", "绩效目标合理性", 600, 300),  // lost 3
                       LeafResult("C11", "实际完成率", 1000, 500),     // lost 5
                       LeafResult("D11", "经济效益", 600, 100)};       // lost 5, the largest too
  e.c.problems = {{"绩效目标不够合理", "……", {"A21"}}, {"完成率低", "……", {"C11"}}};
  Diagnostics diags;
  CheckProblemsCoverLosses(e, diags);  // 8 of 13 explained: 61.5%, under two thirds
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message.find("D11 经济效益（扣5分）") != std::string::npos);

  e.card.indicators[2].score = Score{400};  // D11 lost 2: 8 of 10 explained, 2 < 5 the largest
  Diagnostics quiet;
  CheckProblemsCoverLosses(e, quiet);
  CHECK(quiet.items().empty());

  e.card.indicators[0].score = Score{500};  // A21 lost 1; now lost 5+2+1, explained 6 of 8
  e.card.indicators[1].score = Score{900};  // C11 lost 1: D11's 2 is the largest, unexplained
  Diagnostics largest;
  CheckProblemsCoverLosses(e, largest);  // 2 of 4 explained and the largest not among them
  REQUIRE(largest.items().size() == 1);
  CHECK(largest.items()[0].message.find("D11") != std::string::npos);
}

}  // namespace jixiao
