// The 自评表 model: template rows, 不适用 markers, printed comparators, rounding and grades.
#include "model/selfeval.h"

#include <catch2/catch.hpp>

#include "model/selfeval_rules.h"

namespace jixiao {

TEST_CASE("selfeval: template rows left in by the form are recognised, real rows are not") {
  CHECK(IsTemplateText("指标1:"));
  CHECK(IsTemplateText("指标2："));
  CHECK(IsTemplateText("……"));
  CHECK(IsTemplateText("/"));
  CHECK(IsTemplateText(""));
  CHECK_FALSE(IsTemplateText("指标解释"));
  CHECK_FALSE(IsTemplateText("新建道路长度"));
  CHECK(IsNotApplicableText("不适用"));
  CHECK(IsNotApplicableText("／"));
  CHECK_FALSE(IsNotApplicableText("0"));
}

TEST_CASE("selfeval: printed comparators ≧ ═ 以上 小于 are read; a bare value is ≥, flagged") {
  auto ge = ReadSelfEvalTarget("≧100%");
  CHECK(ge.value.quantitative);
  CHECK(ge.value.op == CompareOp::kGe);
  CHECK(ge.value.number == Rational(100));
  CHECK(ge.value.unit == "%");
  CHECK_FALSE(ge.bare_read_as_ge);
  CHECK(ge.value.text == "≧100%");  // quoted as printed
  auto eq = ReadSelfEvalTarget("═1项");
  CHECK(eq.value.op == CompareOp::kEq);
  CHECK(eq.value.unit == "项");
  // The small equals sign and the slanted ≥ other exports print (丽江 自评表: ﹦ | 100 | %).
  auto small_eq = ReadSelfEvalTarget("﹦100%");
  CHECK(small_eq.value.op == CompareOp::kEq);
  CHECK_FALSE(small_eq.bare_read_as_ge);
  CHECK(ReadSelfEvalTarget("⩾95%").value.op == CompareOp::kGe);
  auto above = ReadSelfEvalTarget("90%以上");
  CHECK(above.value.op == CompareOp::kGe);
  CHECK(above.value.number == Rational(90));
  auto below = ReadSelfEvalTarget("小于5次");
  CHECK(below.value.op == CompareOp::kLt);
  CHECK(below.value.unit == "次");
  auto within = ReadSelfEvalTarget("3天以内");
  CHECK(within.value.op == CompareOp::kLe);
  auto bare = ReadSelfEvalTarget("43.2");
  CHECK(bare.value.quantitative);
  CHECK(bare.value.op == CompareOp::kGe);
  CHECK(bare.bare_read_as_ge);
  auto qual = ReadSelfEvalTarget("有效提升");
  CHECK_FALSE(qual.value.quantitative);
  CHECK_FALSE(qual.bare_read_as_ge);
}

TEST_CASE("selfeval: rounding options and half-open grade bands with synonyms") {
  Rational r(804, 100);  // 8.04
  CHECK(ApplyRounding(r, SelfEvalRounding::kWholeDown) == Rational(8));
  CHECK(ApplyRounding(Rational(862, 100), SelfEvalRounding::kWholeDown) == Rational(8));
  CHECK(ApplyRounding(Rational(2, 3), SelfEvalRounding::kHundredth) == Rational(67, 100));
  CHECK(ApplyRounding(Rational(2, 3), SelfEvalRounding::kTenth) == Rational(7, 10));
  CHECK(ApplyRounding(Rational(2, 3), SelfEvalRounding::kExact) == Rational(2, 3));
  SelfEvalRules rules;
  rules.grades = {{"优", {"优秀"}, 90}, {"良", {"良好"}, 80}, {"中", {}, 60}, {"差", {}, 0}};
  CHECK(GradeOf(rules, Rational(8999, 100))->name == "良");
  CHECK(GradeOf(rules, Rational(90))->name == "优");
  CHECK(GradeOf(rules, Rational(10))->name == "差");
  CHECK(GradeMatches(*GradeOf(rules, Rational(85)), "良好"));
  CHECK_FALSE(GradeMatches(*GradeOf(rules, Rational(85)), "优"));
  rules.bands = {{"达成", {"达到"}, Rational(4, 5), 1},
                 {"部分达成", {}, Rational(1, 2), Rational(4, 5)}};
  CHECK(FindBand(rules, "达到")->level == "达成");
  CHECK(FindBand(rules, "未知") == nullptr);
}

}  // namespace jixiao
