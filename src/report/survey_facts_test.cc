#include "report/survey_facts.h"

#include <catch2/catch.hpp>

namespace jixiao::report {
namespace {

const char* const kProcess =
    "6.问卷调查\n\n"
    "2025年7月中旬，本次采取随机抽样的方式开展问卷调查。对项目受益群众随机发放问卷，了解其满意度情"
    "况。"
    "（见附件2：问卷调查汇总分析报告）\n";

const char* const kAnnex =
    "# 调查概况\n\n1.调查对象。受益群众。\n\n2.抽样及发放方式。随机发放问卷。\n\n"
    "# 调查结果\n\n1.政策知晓情况。知晓率为98.90%。\n";

Case SurveyCase() {
  Case c;
  c.narrative["process"] = kProcess;
  Attachment a;
  a.number = "2";
  a.title = "问卷调查汇总分析报告";
  a.extension = ".md";
  a.text = kAnnex;
  c.attachments.push_back(a);
  return c;
}

}  // namespace

TEST_CASE("the facts a survey text leaves unsaid") {
  CHECK(MissingSurveyFacts("随机发放问卷。", false) ==
        std::vector<std::string>{"样本量", "有效问卷数"});
  CHECK(
      MissingSurveyFacts("按居民区分层抽样，共发放问卷200份，回收有效问卷196份。", false).empty());
  CHECK(MissingSurveyFacts("知晓率为98.90%。", true) ==
        std::vector<std::string>{"样本量", "有效问卷数", "抽样方式", "问卷题目", "计算方法"});
  CHECK(MissingSurveyFacts("随机抽样，发放问卷1,200份，有效问卷1,180份；题目见下表，"
                           "比例按选择人数÷有效作答计算。",
                           true)
            .empty());
  // A figure that is no count of the sample ("共4项指标", "有效期3年") does not count.
  CHECK(MissingSurveyFacts("共4项指标，有效期3年，随机抽样。", false) ==
        std::vector<std::string>{"样本量", "有效问卷数"});
}

TEST_CASE("a survey the case has no data for is marked 【待补充】 in the body and the annex") {
  Case printed = WithSurveyFacts(SurveyCase(), nullptr);
  const std::string& body = printed.narrative.at("process");
  CHECK(body.find("（见附件2：问卷调查汇总分析报告）\n\n【待补充：样本量、有效问卷数】") !=
        std::string::npos);
  const std::string& annex = printed.attachments[0].text;
  // After 调查概况, before 调查结果: what the annex leaves unsaid, named.
  size_t todo = annex.find("【待补充：样本量、有效问卷数、问卷题目、计算方法】");
  REQUIRE(todo != std::string::npos);
  CHECK(todo < annex.find("# 调查结果"));
  CHECK(todo > annex.find("随机发放问卷"));
}

TEST_CASE("a survey with data prints its counts in the body, and no 【待补充】") {
  SurveyStats stats;
  stats.total = 180;
  stats.valid = 176;
  stats.valid_percent = Rational(176 * 100, 180);
  Case printed = WithSurveyFacts(SurveyCase(), &stats);
  const std::string& body = printed.narrative.at("process");
  CHECK(body.find("了解其满意度情况。共回收问卷180份，其中有效问卷176份，有效率97.78%。"
                  "（见附件2：问卷调查汇总分析报告）") != std::string::npos);
  CHECK(body.find("【待补充") == std::string::npos);
  CHECK(printed.attachments[0].text == kAnnex);  // the generated annex prints the figures
}

TEST_CASE("a case that says everything about its survey is printed unchanged") {
  Case c = SurveyCase();
  c.narrative["process"] = "随机抽样开展问卷调查，共发放问卷200份，回收有效问卷196份。\n";
  c.attachments.clear();
  Case printed = WithSurveyFacts(c, nullptr);
  CHECK(printed.narrative == c.narrative);
}

}  // namespace jixiao::report

namespace jixiao::report {

TEST_CASE("a fact stated in another survey paragraph of the body counts") {
  Case c;
  c.narrative["process"] = "2025年5月，向就餐老年人发放问卷250份，回收有效问卷250份。\n";
  c.narrative["methods"] = "满意度通过向就餐老年人随机发放问卷的方式取得。\n";
  CHECK(WithSurveyFacts(c, nullptr).narrative == c.narrative);
  c.narrative.erase("methods");
  CHECK(WithSurveyFacts(c, nullptr).narrative.at("process") ==
        "2025年5月，向就餐老年人发放问卷250份，回收有效问卷250份。\n\n【待补充：抽样方式】\n");
}

}  // namespace jixiao::report
