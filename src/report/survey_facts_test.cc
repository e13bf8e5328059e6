#include "report/survey_facts.h"

#include <catch2/catch.hpp>

#include "report/attachments.h"

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

TEST_CASE("a survey the case knows no count of is cited with its results, its annex dropped") {
  Case c = SurveyCase();
  c.metrics["政策知晓率"] = MetricValue{Rational(989, 10), "%", "2025年7月问卷调查", {}, "98.9"};
  c.metrics["受助群众满意度"] = MetricValue{Rational(9711, 100), "%", "问卷调查", {}, "97.11"};
  c.metrics["救助人次"] = MetricValue{Rational(29729), "人次", "救助台账", {}, "29729"};
  c.attachments[0].text += "\n2.政策知晓率98.90%，受助群众满意度97.11%。\n";  // the order
  c.problems.push_back({"宣传", "知晓率仍有提升空间（见附件2：问卷调查汇总分析报告）。", {}});
  Attachment other;
  other.number = "3";
  other.title = "访谈记录";
  other.extension = ".md";
  other.text = "访谈见附件3。";
  c.attachments.push_back(other);
  c.narrative["scope"] = "范围见附件3：访谈记录。";
  CHECK_FALSE(KnowsSurveyCounts(c));
  CHECK(CitesSurveyWithoutCounts(c));
  Case printed = WithSurveyFacts(c, nullptr);
  // The results in the annex's order, in place of the reference; no 【待补充】.
  CHECK(printed.narrative.at("process") ==
        "6.问卷调查\n\n2025年7月中旬，本次采取随机抽样的方式开展问卷调查。对项目受益群众随机发放"
        "问卷，了解其满意度情况。调查显示，政策知晓率为98.90%，受助群众满意度为97.11%。\n");
  CHECK(printed.problems[0].text == "知晓率仍有提升空间。");
  REQUIRE(printed.attachments.size() == 1);
  CHECK(printed.attachments[0].title == "访谈记录");
  // The annexes after it move up with their references: no gap.
  Case numbered = WithGaplessAttachmentNumbers(printed);
  CHECK(numbered.attachments[0].number == "2");
  CHECK(numbered.narrative.at("scope") == "范围见附件2：访谈记录。");
}

TEST_CASE("case.json survey states the counts: printed in the body and the annex") {
  Case c = SurveyCase();
  c.survey_statement.sample = 200;
  c.survey_statement.valid = 196;
  c.survey_statement.method = "按居民区分层随机抽样。";
  CHECK(KnowsSurveyCounts(c));
  CHECK_FALSE(CitesSurveyWithoutCounts(c));
  Case printed = WithSurveyFacts(c, nullptr);
  // The body already names its method (随机抽样): only the counts are added.
  CHECK(printed.narrative.at("process").find(
            "了解其满意度情况。本次调查共发放问卷200份，回收有效问卷196份，有效率98.00%。"
            "（见附件2：问卷调查汇总分析报告）\n") != std::string::npos);
  const std::string& annex = printed.attachments.at(0).text;
  size_t said = annex.find("本次调查共发放问卷200份，回收有效问卷196份，有效率98.00%。");
  REQUIRE(said != std::string::npos);
  CHECK(said < annex.find("# 调查结果"));
  CHECK(annex.find("【待补充") == std::string::npos);
  // Only the sample stated: the valid count is still asked for, in the body and the annex.
  c.survey_statement.valid.reset();
  c.survey_statement.method.clear();
  printed = WithSurveyFacts(c, nullptr);
  CHECK(printed.narrative.at("process").find("本次调查共发放问卷200份。（见附件2") !=
        std::string::npos);
  CHECK(printed.narrative.at("process").find("\n\n【待补充：有效问卷数】") != std::string::npos);
  CHECK(printed.attachments.at(0).text.find("【待补充：有效问卷数】") != std::string::npos);
}

TEST_CASE("a method stated only in case.json is printed") {
  Case c = SurveyCase();
  c.narrative["process"] = "6.问卷调查\n\n2025年7月，向受益群众发放问卷开展调查。\n";
  c.attachments.clear();
  c.survey_statement.sample = 50;
  c.survey_statement.valid = 50;
  c.survey_statement.method = "整群抽样";
  CHECK(WithSurveyFacts(c, nullptr).narrative.at("process") ==
        "6.问卷调查\n\n2025年7月，向受益群众发放问卷开展调查。本次调查抽样方式为整群抽样，"
        "共发放问卷50份，回收有效问卷50份，有效率100.00%。\n");
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
