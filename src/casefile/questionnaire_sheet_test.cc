// survey/问卷题目.csv: the questionnaire written as a sheet becomes the questionnaire.json the
// survey loader accepts; every wrong cell is a located error; the draft from a 问卷星 export.
#include "casefile/questionnaire_sheet.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "ingest/case_loader.h"

namespace jixiao {
namespace {

const char kSheet[] =
    "编号,题目,类型,选项,指标,计算方法,计入指标的选项,选项分值,分组\n"
    "问卷标题,2020年经开区河道保洁服务企业满意度调查,,,,,,,\n"
    "调查对象总数,64,,,,,,,\n"
    "抽样方式,辖区企业全数发放,,,,,,,\n"
    "Q1,您对经开区河道保洁服务的总体满意程度？,单选,非常满意；满意；一般；不满意,辖区企业满意率,"
    "比例,非常满意；满意,,\n"
    "Q2,您对河道水面清洁情况的评价？,,好；较好；一般；差,河道清洁评分,均值,,"
    "好=100；较好=80；一般=60；差=0,\n"
    "Q3,您通过哪些渠道反映河道问题？,多选,电话;微信、现场,,,,,\n";

std::string Temp(const std::string& name) {
  return std::filesystem::temp_directory_path().string() + "/jixiao-qs-" +
         std::to_string(getpid()) + name;
}

TEST_CASE("问卷题目.csv becomes a questionnaire.json the survey loader reads unchanged") {
  Diagnostics diags;
  auto json = QuestionnaireJsonFromCsv(ParseCsv("问卷题目.csv", kSheet), diags);
  REQUIRE(json);
  CHECK_FALSE(diags.HasErrors());
  const std::string file = Temp("q.json");
  std::ofstream(file) << *json;
  Questionnaire q;
  Diagnostics loaded;
  CHECK(LoadQuestionnaire(file, q, loaded));
  std::filesystem::remove(file);
  CHECK_FALSE(loaded.HasErrors());
  CHECK(q.title == "2020年经开区河道保洁服务企业满意度调查");
  CHECK(q.population == 64);
  REQUIRE(q.questions.size() == 3);
  CHECK(q.questions[0].options == std::vector<std::string>{"非常满意", "满意", "一般", "不满意"});
  CHECK(q.questions[0].positive == std::set<std::string>{"非常满意", "满意"});
  CHECK(q.questions[0].metric == "辖区企业满意率");
  CHECK(q.questions[1].method == Question::Method::kMean);
  CHECK(q.questions[1].scores.at("较好") == 80);
  CHECK(q.questions[2].multiple);
  CHECK(q.questions[2].options.size() == 3);
}

TEST_CASE("a wrong cell of 问卷题目.csv is an error at its line and column, saying what to write") {
  std::string sheet = kSheet;
  sheet.replace(sheet.find("非常满意；满意,,"), std::string("非常满意；满意,,").size(), "很满意,,");
  sheet.replace(sheet.find("差=0"), 4, "差=120");
  Diagnostics diags;
  CHECK_FALSE(QuestionnaireJsonFromCsv(ParseCsv("问卷题目.csv", sheet), diags));
  std::vector<std::string> where;
  for (const auto& d : diags.items()) where.push_back(d.where.ToString() + " " + d.message);
  REQUIRE(where.size() == 2);
  CHECK(where[0].find("问卷题目.csv:5:7") != std::string::npos);
  CHECK(where[0].find("“很满意”不是题目 Q1 的选项") != std::string::npos);
  CHECK(where[1].find("问卷题目.csv:6:8") != std::string::npos);
  CHECK(where[1].find("0–100") != std::string::npos);
}

TEST_CASE("the draft sheet from a 问卷星 export: texts without numbers, options as first seen") {
  XlsxSheet sheet;
  sheet.max_col = 5;
  auto put = [&](int r, int c, const std::string& v) {
    XlsxCell cell;
    cell.type = XlsxCell::Type::kText;
    cell.text = v;
    sheet.cells[{r, c}] = cell;
  };
  put(1, 1, "序号");
  put(1, 2, "提交答卷时间");
  put(1, 3, "1.您对保洁服务是否满意？");
  put(1, 4, "2.(多选)您通过哪些渠道反映问题？:电话");
  put(1, 5, "2.(多选)您通过哪些渠道反映问题？:微信");
  put(2, 3, "满意");
  put(3, 3, "非常满意");
  put(4, 3, "满意");
  put(2, 4, "1");
  const std::string csv = DraftQuestionnaireCsv(sheet);
  CHECK(csv.find("Q1,您对保洁服务是否满意？,单选,满意；非常满意,") != std::string::npos);
  CHECK(csv.find("Q2,您通过哪些渠道反映问题？,多选,电话；微信,") != std::string::npos);
  CHECK(csv.find("问卷标题,") != std::string::npos);
  CHECK(csv.find("提交答卷时间") == std::string::npos);
}

}  // namespace
}  // namespace jixiao
