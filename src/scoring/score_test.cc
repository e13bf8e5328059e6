// Roll-up and the scorecard self-check, including a tampered scorecard that must be caught.
#include "scoring/score.h"

#include <catch2/catch.hpp>

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
}

}  // namespace jixiao
