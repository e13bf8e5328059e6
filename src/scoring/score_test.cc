// Roll-up and the scorecard self-check, including a tampered scorecard that must be caught.
#include <catch2/catch.hpp>

#include "scoring/score.h"

namespace jixiao {

TEST_CASE("VerifyScorecard catches parents that do not add up and a wrong grade") {
  Framework fw;
  fw.total = Score{10000};
  fw.grades = {{"优", Score{9000}}, {"良", Score{8000}}, {"不合格", Score{0}}};
  Scorecard card;
  card.indicators.push_back({"B2", "组织管理", 2, -1, false, Score{1200}, Score{1100}});
  card.indicators.push_back({"B21", "x", 3, 0, true, Score{400}, Score{400}});
  card.indicators.push_back({"B22", "y", 3, 0, true, Score{900}, Score{800}});
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
  CHECK(DeductionSentence(Score{300}, Rational(9, 4), Score{225}) == "根据评分标准，扣权重的25%，扣0.75分。");
  CHECK(DeductionSentence(Score{400}, Rational(3), Score{300}) == "根据评分标准，扣权重的25%，扣1分。");
  CHECK(DeductionSentence(Score{500}, Rational(500, 137), Score{365}) == "根据评分标准，扣1.35分。");
  CHECK(DeductionSentence(Score{400}, Rational(4), Score{400}) == "根据评分标准，不扣分。");
}

}  // namespace jixiao
