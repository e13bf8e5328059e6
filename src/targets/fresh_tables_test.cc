// Issue 26: the defect classes ten unseen published tables showed. Each class has a row that must
// trip its rule (at the promised severity) and a well-written row that must stay quiet.
#include <catch2/catch.hpp>

#include "targets/test_table.h"

namespace jixiao::targets {

using namespace table_test;  // NOLINT: the shared table fixture

TEST_CASE("the base table used below is quiet") {
  CHECK(On(Run({}), 2) == std::vector<std::string>{});
}

TEST_CASE("a unit written in the indicator name is a unit") {
  CHECK(On(Run({{"产出指标", "数量指标", "改造总面积(亩)", "定量", "≥12000", ""}})) ==
        std::vector<std::string>{});
  CHECK(On(Run({{"产出指标", "数量指标", "道路长度（公里）", "定量", "≥25", ""}})) ==
        std::vector<std::string>{});
  CHECK(On(Run({{"产出指标", "数量指标", "资助学生人数（人）", "定量", "≥300", ""}})) ==
        std::vector<std::string>{});
  // Without it the unit is still missing.
  CHECK(Found(Run({{"产出指标", "数量指标", "改造总面积", "定量", "≥12000", ""}}), "T07",
              Severity::kWarning, 8));
}

TEST_CASE("其中 parts that do not add up: uncertain structure is a notice, never an error") {
  // 1200 = 其中 500 + the sibling 700: quiet.
  CHECK(!Any(Run({{"产出指标", "数量指标", "培训人数", "定量", "≥1200", "人"},
                  {"产出指标", "数量指标", "其中：农民培训人数", "定量", "≥500", "人"},
                  {"产出指标", "数量指标", "企业职工培训人数", "定量", "≥700", "人"}}),
             "T25"));
  // Only part of the total listed under 其中 (of which): a notice.
  auto partial = Run({{"产出指标", "数量指标", "培训人数", "定量", "≥1200", "人"},
                      {"产出指标", "数量指标", "其中：农民培训人数", "定量", "≥500", "人"}});
  CHECK(Found(partial, "T25", Severity::kInfo, 8));
  CHECK(!Found(partial, "T25", Severity::kError, 8));
  // Parts larger than their total: a reviewer asks for a change.
  CHECK(Found(Run({{"产出指标", "数量指标", "培训人数", "定量", "≥1200", "人"},
                   {"产出指标", "数量指标", "其中：农民培训人数", "定量", "≥800", "人"},
                   {"产出指标", "数量指标", "其中：企业职工培训人数", "定量", "≥700", "人"}}),
              "T25", Severity::kWarning, 8));
}

TEST_CASE("a grading scale as the value is a missing value") {
  CHECK(Found(Run({{"效益指标", "社会效益指标", "群众获得感", "定性", "高中低", ""}}), "T21",
              Severity::kError, 8));
  CHECK(Found(Run({{"效益指标", "社会效益指标", "群众获得感", "定性", "高/中/低", ""}}), "T21",
              Severity::kError, 8));
  // A grade chosen as the target is a value.
  CHECK(!Any(Run({{"产出指标", "质量指标", "工程质量等级", "定性", "优良", ""}}), "T21"));
}

TEST_CASE("a deadline written as a bare number is vague timeliness") {
  CHECK(Found(Run({{"产出指标", "时效指标", "完成时限", "定量", "1", ""}}), "T10",
              Severity::kWarning, 8));
  CHECK(!Any(Run({{"产出指标", "时效指标", "完成时限", "定量", "≤6", "个月"}}), "T10"));
}

TEST_CASE("a cost in a unit that is not money") {
  CHECK(Found(Run({{"产出指标", "成本指标", "培训费", "定量", "350", "人/天"}}), "T09",
              Severity::kWarning, 8));
  CHECK(!Any(Run({{"产出指标", "成本指标", "人均培训成本", "定量", "≤350", "元/人·天"}}), "T09"));
  CHECK(!Any(Run({{"成本指标", "生态环境成本指标", "占用耕地面积", "定量", "≤2", "亩"}}), "T09"));
}

TEST_CASE("a count of 1 of the project's own kind with a large budget") {
  auto one = Run({{"产出指标", "数量指标", "举办赛事", "定量", "1", "项"}}, 800);
  CHECK(Found(one, "T28", Severity::kWarning, 8));
  CHECK(Found(Run({{"产出指标", "数量指标", "打造品牌赛事种类", "定量", "1", "种"}}, 1000), "T28",
              Severity::kWarning, 8));
  // Matches and participants measure the event; a small project may well be one item.
  CHECK(!Any(Run({{"产出指标", "数量指标", "赛事场次", "定量", "≥40", "场"}}, 800), "T28"));
  CHECK(!Any(Run({{"产出指标", "数量指标", "举办赛事", "定量", "1", "项"}}, 20), "T28"));
}

TEST_CASE("a quantity of the wrong scale for the budget: the implied cost per unit") {
  auto big = Run({{"产出指标", "数量指标", "救助人数", "定量", "≥18000", "人"}}, 50);
  CHECK(Found(big, "T29", Severity::kWarning, 8));
  // 220万元 for 300 students: 7,333元 each, plausible.
  CHECK(!Any(Run({{"产出指标", "数量指标", "资助学生人数", "定量", "≥300", "人"}}, 220), "T29"));
}

TEST_CASE("an output restated as an effect, in other words") {
  auto restated =
      Run({{"产出指标", "数量指标", "举办乡村文化品牌活动场次", "定量", "≥6", "场"},
           {"效益指标", "社会效益指标", "打造乡村文化品牌活动", "定性", "效果良好", ""}});
  CHECK(Found(restated, "T26", Severity::kWarning, 9));
  CHECK(Found(Run({{"产出指标", "数量指标", "打造品牌赛事种类", "定量", "≥3", "种"},
                   {"效益指标", "可持续影响指标", "打造系列品牌赛事", "定性", "影响可持续", ""}}),
              "T26", Severity::kWarning, 9));
  // The change the activities bring is an effect.
  CHECK(!Any(Run({{"产出指标", "数量指标", "举办乡村文化品牌活动场次", "定量", "≥6", "场"},
                  {"效益指标", "社会效益指标", "群众文化生活水平", "定性", "明显提升", ""},
                  {"效益指标", "经济效益指标", "品牌活动带动村民增收", "定量", "≥50", "万元"}}),
             "T26"));
}

// Issue 26, third round: classes the seven tables met unseen in round three showed (comparator
// glyphs, placeholder units, dates typed 定量, money as a quantity) and the note's remaining misses
// (a duration read as a deadline, a timeliness name with a count, recipient counts without a
// transfer word, restated outputs behind a shared change word or value).

TEST_CASE("comparators as other tables type them: ≧ ≦ ═ ﹦") {
  for (const char* v : {"﹦100", "═100", "≧95", "⩾95"})
    CHECK(On(Run({{"产出指标", "质量指标", "项目验收合格率", "定量", v, "%"}})) ==
          std::vector<std::string>{});
  // Still missing when none is written.
  CHECK(Found(Run({{"产出指标", "质量指标", "项目验收合格率", "定量", "100", "%"}}), "T06",
              Severity::kInfo, 8));
}

TEST_CASE("a placeholder in the unit column is no unit") {
  for (const char* u : {"-", "—", "/", "无"})
    CHECK(!Any(Run({{"产出指标", "质量指标", "发放准确率", "定量", "≥95%", u}}), "T27"));
  CHECK(Found(Run({{"产出指标", "质量指标", "发放准确率", "定量", "≥95%", "人"}}), "T27",
              Severity::kWarning, 8));
}

TEST_CASE("a date is a quantitative value") {
  CHECK(!Any(Run({{"产出指标", "时效指标", "任务完成时间", "定量", "2025年12月31日", ""}}), "T14"));
  CHECK(Found(Run({{"产出指标", "质量指标", "服务质量", "定量", "良好", ""}}), "T14",
              Severity::kWarning, 8));
}

TEST_CASE("a duration under 时效 is not a deadline") {
  CHECK(Found(Run({{"产出指标", "时效指标", "设备保持运行", "定量", "≥2", "年"}}), "T10",
              Severity::kWarning, 8));
  CHECK(Found(Run({{"产出指标", "时效指标", "认定结果有效", "定量", "5", "年"}}), "T10",
              Severity::kWarning, 8));
  // How fast the work is done is timeliness.
  CHECK(!Any(Run({{"产出指标", "时效指标", "申请办结时限", "定量", "≤10", "个工作日"}}), "T10"));
  CHECK(!Any(Run({{"产出指标", "时效指标", "项目完成时限", "定量", "≤6", "个月"}}), "T10"));
  CHECK(!Any(Run({{"产出指标", "时效指标", "巡查频次", "定量", "≥1", "次/月"}}), "T10"));
}

TEST_CASE("a timeliness name whose value is a count measures no timeliness") {
  CHECK(Found(Run({{"产出指标", "质量指标", "按期兑现", "定量", "≥1", "户/年"}}), "T08",
              Severity::kWarning, 8));
  CHECK(!Any(Run({{"产出指标", "时效指标", "按时发放率", "定量", "=100", "%"}}), "T08"));
  CHECK(!Any(Run({{"产出指标", "数量指标", "按时足额发放人数", "定量", "≥341", "人"}}), "T08"));
}

TEST_CASE("recipients of a transfer named by who they are, at the wrong scale") {
  CHECK(Found(Run({{"产出指标", "数量指标", "城乡低保对象", "定量", "≥20000", "人"}}, 50), "T29",
              Severity::kWarning, 8));
  CHECK(!Any(Run({{"产出指标", "数量指标", "城乡低保对象", "定量", "≥300", "人"}}, 220), "T29"));
  // Not a transfer: listeners of a health talk may cost little each.
  CHECK(
      !Any(Run({{"产出指标", "数量指标", "健康讲座受众人数", "定量", "≥20000", "人"}}, 50), "T29"));
}

TEST_CASE("an output restated as an effect behind a shared word or the same value") {
  CHECK(Found(Run({{"产出指标", "数量指标", "LED屏点位全覆盖", "定量", "100%覆盖", ""},
                   {"效益指标", "生态效益指标", "LED屏全覆盖,节能环保", "定性", "良好", ""}}),
              "T26", Severity::kWarning, 9));
  CHECK(Found(Run({{"产出指标", "时效指标", "年度开放天数", "定量", "≥300", "天"},
                   {"效益指标", "可持续影响指标", "全年开放服务群众", "定量", "≥300", "天"}}),
              "T26", Severity::kWarning, 9));
  // A change the output brings, and a count of those who benefit, are effects.
  CHECK(!Any(Run({{"产出指标", "数量指标", "LED屏点位全覆盖", "定量", "100%覆盖", ""},
                  {"效益指标", "社会效益指标", "群众政策知晓率", "定量", "≥90", "%"},
                  {"效益指标", "社会效益指标", "LED屏覆盖后信息获取便利", "定性", "明显提升", ""}}),
             "T26"));
  CHECK(!Any(Run({{"产出指标", "数量指标", "培训人数", "定量", "≥300", "人"},
                  {"效益指标", "社会效益指标", "受益群众人数", "定量", "≥300", "人"}}),
             "T26"));
}

TEST_CASE("money listed as an output quantity is an input") {
  CHECK(Found(Run({{"产出指标", "数量指标", "专项工作经费", "定量", "=50000", "元"}}), "T02",
              Severity::kWarning, 8));
  CHECK(!Any(Run({{"产出指标", "数量指标", "发放补助人数", "定量", "≥341", "人"}}), "T02"));
  CHECK(!Any(Run({{"产出指标", "数量指标", "改造住宅楼", "定量", "≥20", "个单元"}}), "T02"));
}

TEST_CASE("a value that starts with a number but is a range or prose is not one number") {
  auto prose = Run({{"产出指标", "时效指标", "考核完成时间", "", "1-6期培训结束后及时考核", ""}});
  CHECK(Found(prose, "T10", Severity::kWarning, 8));
  CHECK(!Any(prose, "T06"));
  CHECK(!Any(prose, "T08"));
  CHECK(!Any(Run({{"产出指标", "质量指标", "培训对象年龄", "", "18—54周岁", ""}}), "T06"));
  // A unit with a note stays a number with its unit.
  CHECK(On(Run({{"产出指标", "数量指标", "巡查次数", "定量", "≥4次/年（每季度1次）", ""}})) ==
        std::vector<std::string>{});
}

TEST_CASE("words every output shares name the project, not a restated output") {
  std::vector<R> outputs = {{"产出指标", "数量指标", "开展森林防火巡查", "定量", "≥120", "次"},
                            {"产出指标", "数量指标", "森林防火宣传活动", "定量", "≥10", "场"},
                            {"产出指标", "数量指标", "森林防火培训人次", "定量", "≥300", "人次"},
                            {"产出指标", "数量指标", "购置森林防火物资", "定量", "≥50", "套"}};
  auto overall = outputs;
  overall.push_back({"效益指标", "社会效益指标", "森林防火整体形势", "定性", "良好", ""});
  CHECK(!Any(Run(overall), "T26"));
  // The same activity again is still a restated output.
  auto again = outputs;
  again.push_back({"效益指标", "社会效益指标", "开展森林防火巡查工作", "定性", "效果良好", ""});
  CHECK(Found(Run(again), "T26", Severity::kWarning, 12));
}

// Round 4 (ten more unseen tables): each class trips on a row of its own wording and figures, and
// a well-written row stays quiet.
TEST_CASE("a timeliness value a spreadsheet printed from a date is vague, and says which date") {
  auto serial = Run({{"产出指标", "时效指标", "资金拨付时间", "定量", "45657", "45657"}});
  REQUIRE(Found(serial, "T10", Severity::kWarning, 8));
  bool dated = false;
  for (const auto& i : serial)
    dated = dated || i.message.find("2024年12月31日") != std::string::npos;
  CHECK(dated);
  CHECK(!Any(Run({{"产出指标", "时效指标", "资金拨付时限", "定量", "≤30", "个工作日"}}), "T10"));
  CHECK(!Any(Run({{"产出指标", "时效指标", "督导检查频次", "定量", "≥1", "次/月"}}), "T10"));
}

TEST_CASE("a money cost of zero cannot be assessed") {
  CHECK(Found(Run({{"产出指标", "成本指标", "差旅总成本", "定量", "=0", "万元"}}), "T24",
              Severity::kWarning, 8));
  CHECK(Found(Run({{"产出指标", "成本指标", "人均差旅成本", "定量", "0", "万元/人"}}), "T24",
              Severity::kWarning, 8));
  CHECK(!Any(Run({{"产出指标", "成本指标", "差旅总成本", "定量", "≤0.6", "万元"}}), "T24"));
  CHECK(!Any(Run({{"成本指标", "生态环境成本指标", "环境治理费用", "定量", "=0", "万元"}}), "T24"));
}

TEST_CASE("a rate of something bad with a high target reads the wrong way round") {
  CHECK(Found(Run({{"产出指标", "质量指标", "补贴差错率", "定量", "≥98", "%"}}), "T08",
              Severity::kWarning, 8));
  CHECK(Found(Run({{"产出指标", "时效指标", "资金超期拨付比例", "定量", "=100", "%"}}), "T08",
              Severity::kWarning, 8));
  CHECK(!Any(Run({{"产出指标", "质量指标", "补贴差错率", "定量", "≤1", "%"}}), "T08"));
  CHECK(!Any(Run({{"产出指标", "质量指标", "投诉处理率", "定量", "≥98", "%"}}), "T08"));
}

TEST_CASE("a count of households in persons, or of persons in households") {
  CHECK(Found(Run({{"产出指标", "数量指标", "帮扶困难家庭户数", "定量", "≥60", "人"}}), "T27",
              Severity::kWarning, 8));
  CHECK(Found(Run({{"产出指标", "数量指标", "培训学员人数", "定量", "≥60", "户"}}), "T27",
              Severity::kWarning, 8));
  CHECK(!Any(Run({{"产出指标", "数量指标", "帮扶困难家庭户数", "定量", "≥60", "户"}}), "T27"));
  // 脱贫户人口数 speaks of both; its unit is not judged.
  CHECK(!Any(Run({{"产出指标", "数量指标", "帮扶脱贫户人口数", "定量", "≥60", "户"}}), "T27"));
}

TEST_CASE("a row under 满意度 that measures no one's satisfaction") {
  CHECK(
      Found(Run({{"满意度指标", "服务对象满意度指标", "食品安全事故发生起数", "定量", "=0", "起"}}),
            "T02", Severity::kWarning, 8));
  CHECK(!Any(Run({{"满意度指标", "服务对象满意度指标", "政策知晓率", "定量", "≥85", "%"}}), "T02"));
  CHECK(!Any(Run({{"满意度指标", "服务对象满意度指标", "受助家庭满意度", "定量", "≥90", "%"}}),
             "T02"));
}

TEST_CASE("an 经济效益 that states only a direction is a notice; a social one in words is passed") {
  CHECK(Found(Run({{"效益指标", "经济效益指标", "带动农户增收", "定性", "明显提高", ""}}), "T30",
              Severity::kInfo, 8));
  CHECK(Found(Run({{"效益指标", "经济效益指标", "降低运维支出的作用", "定性", "较大", ""}}), "T30",
              Severity::kInfo, 8));
  CHECK(!Any(Run({{"效益指标", "经济效益指标", "带动农户增收", "定量", "≥15", "万元"}}), "T30"));
  CHECK(!Any(Run({{"效益指标", "社会效益指标", "群众居住条件", "定性", "明显改善", ""}}), "T30"));
}

TEST_CASE(
    "a generic beneficiary count at a scale the budget cannot fit is a notice with both figures") {
  auto many = Run({{"效益指标", "社会效益指标", "受益群众人数", "定量", "≥600000", "人"}}, 30);
  REQUIRE(Found(many, "T29", Severity::kInfo, 8));
  bool figures = false;
  for (const auto& i : many)
    figures = figures || (i.rule == "T29" && i.message.find("30万元") != std::string::npos &&
                          i.message.find("0.50元") != std::string::npos);
  CHECK(figures);
  CHECK(Found(Run({{"效益指标", "社会效益指标", "直接受益人数", "定量", "≥10", "人"}}, 800), "T29",
              Severity::kInfo, 8));
  CHECK(
      !Any(Run({{"效益指标", "社会效益指标", "受益群众人数", "定量", "≥2000", "人"}}, 30), "T29"));
  CHECK(
      !Any(Run({{"效益指标", "社会效益指标", "直接受益人数", "定量", "≥200", "人"}}, 800), "T29"));
}

TEST_CASE("a property counted as a share (…合规性 100%) is a rate; a slogan with a % is not") {
  CHECK(!Any(Run({{"产出指标", "质量指标", "经费使用规范性", "定量", "=100", "%"}}), "T08"));
  CHECK(Found(Run({{"效益指标", "社会效益指标", "推动乡村文化繁荣", "定量", "≥95", "%"}}), "T08",
              Severity::kWarning, 8));
}

TEST_CASE("a template hint in the name states the unit of a bare value") {
  CHECK(!Any(Run({{"产出指标", "成本指标", "设备购置成本(≤**万元)", "定量", "≤150", ""}}), "T07"));
  CHECK(!Any(Run({{"产出指标", "质量指标", "苗木成活率（≥**%）", "定量", "≥85", ""}}), "T07"));
  CHECK(Found(Run({{"产出指标", "成本指标", "设备购置成本", "定量", "≤150", ""}}), "T07",
              Severity::kWarning, 8));
}

}  // namespace jixiao::targets
