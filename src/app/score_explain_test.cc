// score --explain as a reader checks it by hand: decimals beside exact fractions (issue 23), the
// 不适用 weight sums (issue 21), Chinese labels.
#include "app/score_explain.h"

#include <catch2/catch.hpp>

namespace jixiao {

TEST_CASE("explain prints the decimal beside each exact fraction, not the fraction alone") {
  CHECK(WithDecimals("精确值 220000/2469 四舍五入") == "精确值 89.1049…（= 220000/2469） 四舍五入");
  CHECK(WithDecimals("调增9.02% = 4058177/450000 %；") ==
        "调增9.02% = 9.0181…%（= 4058177/450000）；");
  CHECK(WithDecimals("100 × 1 ÷ 2 = 45091/5000") == "100 × 1 ÷ 2 = 9.0182");
  // Shares as criteria write them, decimals over a number and dates stay as written.
  CHECK(WithDecimals("扣权重的1/3（1分）") == "扣权重的1/3（1分）");
  CHECK(WithDecimals("290/3 ≥ 90") == "96.6666…（= 290/3） ≥ 90");
  CHECK(WithDecimals("2 × 4.13/4 = 2.065") == "2 × 4.13/4 = 2.065");
  CHECK(WithDecimals("2024/12/31") == "2024/12/31");
  CHECK(WithDecimals("3 × 100 ÷ 95 = 3.1578…（= 60/19），") ==
        "3 × 100 ÷ 95 = 3.1578…（= 60/19），");
}

TEST_CASE("a leaf's explanation has Chinese labels and says how a moved weight came") {
  Scorecard card;
  IndicatorResult r;
  r.code = "A12";
  r.name = "立项程序规范性";
  r.leaf = true;
  r.weight = Score{309};
  r.score = Score{309};
  r.exact = Rational(309, 100);
  r.arithmetic = "max(0, 3 − 0) = 3；不适用指标分值折算：3 × 3.09/3 = 309/100";
  r.weight_note = "A11 立项依据充分性（3分）不适用，按百分制折算：本指标分值 3 × 100 ÷ 97 = …";
  card.indicators.push_back(r);
  card.not_applicable_notes.push_back("A11 立项依据充分性（3分）不适用，按百分制折算：…");
  auto one = ExplainScorecard(card, "A12");
  REQUIRE(one);
  CHECK(one->find("  分值：A11 立项依据充分性（3分）不适用，按百分制折算") != std::string::npos);
  CHECK(one->find("计算过程（精确值）：") != std::string::npos);
  CHECK(one->find("= 3.09\n") != std::string::npos);  // 309/100 as its decimal
  CHECK(one->find("精确值 3.09 四舍五入") != std::string::npos);
  CHECK(one->find("不适用指标：") == std::string::npos);  // the scope note heads --explain only
  auto all = ExplainScorecard(card, "");
  REQUIRE(all);
  CHECK(all->rfind("不适用指标：A11", 0) == 0);
}

TEST_CASE("score --explain names the rule kinds in Chinese, as the web explain page does") {
  Scorecard card;
  IndicatorResult r;
  r.code = "B12";
  r.name = "预算调整率";
  r.leaf = true;
  r.weight = Score{300};
  r.score = Score{300};
  r.exact = Rational(3);
  r.rule_text = "bands：预算调整率，absolute: true（按绝对值）；≤10 → 100%；";
  card.indicators.push_back(r);
  IndicatorResult d = r;
  d.code = "A11";
  d.rule_text = "deduction：满分3分，减去 findings 中的扣分，扣完为止";
  card.indicators.push_back(d);
  auto text = ExplainScorecard(card, "");
  REQUIRE(text);
  CHECK(text->find("规则：按区间：预算调整率，按绝对值；≤10 → 100%；") != std::string::npos);
  CHECK(text->find("规则：扣分制：满分3分") != std::string::npos);
  for (const char* key : {"bands：", "deduction：", "absolute"})
    CHECK(text->find(key) == std::string::npos);
  // One table: translating again changes nothing.
  CHECK(RuleKindsInChinese(*text) == *text);
}

}  // namespace jixiao
