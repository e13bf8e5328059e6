// What the retrial of trial 2 found still shown of the machine (issue 21, N3 and item 8): the
// 评分表's 数据核查 places for the web name the page or sheet row, never the server's folder or a
// file; the page's wording of a message carries no command, option, file name or JSON.
#include <catch2/catch.hpp>

#include "web/entry_places.h"

namespace jixiao::web {
namespace {

// The words a browser user must not read (tests/web/webtest.py INTERNAL_WORDS).
bool ShowsMachine(const std::string& text) {
  for (const char* word : {".csv", ".json", "--", "jixiao ", "$.", "rule.", "/srv/"})
    if (text.find(word) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("the web workbook's 数据核查 names pages, never the server's folder") {
  const auto places = WorkbookPlaces("/srv/jixiao/data/cases/8e82a1b2");
  CHECK(places.place({"/srv/jixiao/data/cases/8e82a1b2/targets.csv", 14, 0, "指标值"}) ==
        "“绩效目标”页第14行");
  CHECK(places.place({"case.json", 0, 0, "$.experiences[1].text"}) ==
        "“经验、问题与建议”页“主要经验及做法”");
  CHECK(places.place({"narrative/overview.md", 0, 0, ""}) == "“填写叙述”页");
  CHECK(places.place({"/srv/jixiao/data/cases/8e82a1b2/8e82a1b2-framework.json", 130, 23,
                      "$.indicators[0].children[2]"}) == "评价所用的指标体系");
  CHECK(places.place({"/etc/elsewhere/notes.txt", 3, 0, ""}).empty());
  const std::string message = places.message(
      "指标“B11 预算执行率”按“预算执行率”评分，该值由 budget.csv 计算，但案例目录 "
      "/srv/jixiao/data/cases/8e82a1b2/ 中没有该文件（或无法计算），请补充");
  CHECK(!ShowsMachine(message));
  CHECK(message.find("“预算执行”页") != std::string::npos);
}

TEST_CASE("the page's wording carries no command, option, file name or JSON") {
  const char* const messages[] = {
      "报告“【待补充：做法】”处尚待补充：请在叙述或 case.json 中写明后删去该标记；定稿（report "
      "--final）前须补齐",
      "称“圆满完成”，但…；定稿（report --final）前须改正",
      "本节第2行有全角空格（可用 jixiao tidy 修正叙述文件）",
      "指标“B222 医疗救助政策宣传有效性”需要指标值“政策宣传满意度”，请在 case.json 的 metrics "
      "中填写 {\"value\": …, \"unit\": \"%\", \"source\": \"数据来源\"}",
      "案例引用了问卷调查结果，但没有说明样本量和有效问卷数：报告正文只引用调查结果，"
      "不附问卷调查汇总分析报告。如有这些数字，请在 case.json 的 survey 中写明 "
      "sample（发放问卷份数）、valid（有效问卷数）和 method（抽样方式），或在 survey/ "
      "中提供问卷和答卷（见 docs/case-format.md）",
      "绩效目标“X”申报表写在“产出/数量”下，指标体系放在“效益”下（…）；评分按指标体系的位置，"
      "targets.csv 与报告的绩效目标表仍按申报表所写"};
  for (const char* m : messages) {
    INFO(m);
    CHECK(!ShowsMachine(EntryMessage(m)));
  }
  CHECK(EntryMessage(messages[3]).find("“指标数据”页") != std::string::npos);
}

}  // namespace jixiao::web
