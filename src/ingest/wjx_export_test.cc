// 问卷星 export: header text normalisation and matching (ingest/wjx_export.h), and answers read
// from the committed fixtures of tests/wjx (按文本 and 按选项序号).
#include "ingest/wjx_export.h"

#include <catch2/catch.hpp>

#include "ingest/case_loader.h"

namespace jixiao {
namespace {

Questionnaire Maqiao() {
  Questionnaire q;
  Diagnostics diags;
  REQUIRE(LoadQuestionnaire(
      std::string(JIXIAO_SOURCE_DIR) + "/data/cases/maqiao-2024-survey/survey/questionnaire.json",
      q, diags));
  return q;
}

TEST_CASE("question text is compared without numbering, punctuation, blanks and width") {
  CHECK(NormalizeQuestionText("1.您对宣传工作是否满意？") == "您对宣传工作是否满意");
  CHECK(NormalizeQuestionText("12、 您对 宣传工作 是否满意?") == "您对宣传工作是否满意");
  CHECK(NormalizeQuestionText("Q3．您的年龄段：") == "您的年龄段");
  CHECK(NormalizeQuestionText("ＡＢＣ１２３题") == "abc123题");
  CHECK(NormalizeQuestionText("5.您通过哪些渠道了解？（可多选）") == "您通过哪些渠道了解可多选");
  CHECK(IsWjxMetaColumn("序号"));
  CHECK(IsWjxMetaColumn("来自IP"));
  CHECK_FALSE(IsWjxMetaColumn("1.序号"));
}

TEST_CASE("headers map to questions only when certain") {
  Questionnaire q = Maqiao();
  std::vector<std::pair<int, std::string>> headers = {
      {1, "序号"},
      {2, "提交答卷时间"},
      {7, "1.您是否了解马桥镇医疗救助政策?"},         // half-width ?: certain
      {8, "2、您对医疗救助政策 宣传工作是否满意？"},  // blank and 、: certain
      {9, "3.医疗救助是否减轻了您的就医负担"},        // no ？: certain
      {10, "4.总体满意程度"},                         // part of Q4: suggested only
      {11, "5.您家里有几口人？"},                     // nothing
      {12, "6.居民区："},                             // a group column of the case
  };
  auto columns = MatchWjxHeaders(headers, q, {"居民区", "人员类别"});
  REQUIRE(columns.size() == 6);  // 序号 and 提交答卷时间 are not questions
  CHECK((columns[0].target == "Q1" && columns[0].certain));
  CHECK((columns[1].target == "Q2" && columns[1].certain));
  CHECK((columns[2].target == "Q3" && columns[2].certain));
  CHECK((columns[3].target.empty() && !columns[3].certain && columns[3].suggestion == "Q4"));
  CHECK((columns[4].target.empty() && !columns[4].certain && columns[4].suggestion.empty()));
  CHECK((columns[5].target == "居民区" && columns[5].certain));
}

TEST_CASE("two headers on one question are both left to the user") {
  Questionnaire q = Maqiao();
  auto columns = MatchWjxHeaders(
      {{7, "1.您是否了解马桥镇医疗救助政策？"}, {8, "9.您是否了解马桥镇医疗救助政策"}}, q, {});
  REQUIRE(columns.size() == 2);
  CHECK_FALSE(columns[0].certain);
  CHECK_FALSE(columns[1].certain);
  CHECK(columns[0].suggestion == "Q1");
}

TEST_CASE("text and number exports give the same answers") {
  Questionnaire q = Maqiao();
  std::vector<WjxImport> imports;
  for (const char* name : {"maqiao-text.xlsx", "maqiao-number.xlsx"}) {
    XlsxWorkbook book = ReadXlsxFile(std::string(JIXIAO_SOURCE_DIR) + "/tests/wjx/" + name);
    const XlsxSheet& sheet = book.sheets.front();
    std::vector<std::pair<int, std::string>> headers;
    for (int col = 1; col <= sheet.max_col; ++col)
      headers.emplace_back(col, XlsxCellText(sheet.At(1, col)));
    auto columns = MatchWjxHeaders(headers, q, {"居民区", "人员类别"});
    for (const auto& c : columns) CHECK(c.certain);
    Diagnostics diags;
    imports.push_back(ReadWjxAnswers(book, sheet, columns, q, diags));
    CHECK_FALSE(diags.HasErrors());
  }
  CHECK(imports[0].respondents == 180);
  CHECK(imports[0].valid == 180);
  REQUIRE(imports[1].responses.size() == 180);
  for (size_t i = 0; i < 180; ++i) {
    CHECK(imports[0].responses[i].answers == imports[1].responses[i].answers);
    CHECK(imports[0].responses[i].groups == imports[1].responses[i].groups);
  }
  // 005 chose three channels; 009 skipped Q3 ("(跳过)").
  CHECK(imports[0].responses[4].answers.at("Q5") ==
        std::vector<std::string>{"宣传资料", "亲友告知", "受理中心窗口"});
  CHECK_FALSE(imports[0].responses[8].answers.count("Q3"));
}

}  // namespace

// Issue 23: a multiple-choice question exported one column per option ("3.您通过哪些渠道了解
// 政策？(多选):宣传资料", 1 = chosen, 0 = not) and a matrix question one column per row
// ("5.您对以下服务的满意度—服务态度"): both map with certainty, the answers are gathered per
// question.
namespace {

Questionnaire Split() {
  Questionnaire q;
  Question channels{"Q3", "您通过哪些渠道了解政策？", true, {"宣传资料", "亲友告知", "社区告知"}};
  Question attitude{"Q5", "服务态度", false, {"满意", "一般", "不满意"}};
  Question speed{"Q6", "办理速度", false, {"满意", "一般", "不满意"}};
  q.questions = {channels, attitude, speed};
  return q;
}

XlsxSheet SplitSheet(const std::vector<std::vector<std::string>>& rows) {
  XlsxSheet s;
  s.name = "Sheet1";
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < rows[r].size(); ++c)
      if (!rows[r][c].empty()) {
        XlsxCell cell;
        cell.type = XlsxCell::Type::kText;
        cell.text = rows[r][c];
        s.cells[{static_cast<int>(r) + 1, static_cast<int>(c) + 1}] = cell;
        s.max_row = std::max(s.max_row, static_cast<int>(r) + 1);
        s.max_col = std::max(s.max_col, static_cast<int>(c) + 1);
      }
  return s;
}

}  // namespace

TEST_CASE(
    "option columns of a 多选 question and row columns of a 矩阵 question map with certainty") {
  const Questionnaire q = Split();
  auto columns = MatchWjxHeaders({{1, "序号"},
                                  {2, "3.您通过哪些渠道了解政策？(多选):宣传资料"},
                                  {3, "3.您通过哪些渠道了解政策？(多选):亲友告知"},
                                  {4, "3.您通过哪些渠道了解政策？(多选):社区告知"},
                                  {5, "5.您对以下服务的满意度—服务态度"},
                                  {6, "5.您对以下服务的满意度—办理速度"}},
                                 q, {});
  REQUIRE(columns.size() == 5);
  for (int i = 0; i < 3; ++i) CHECK((columns[i].target == "Q3" && columns[i].certain));
  CHECK(columns[0].option == "宣传资料");
  CHECK(columns[2].option == "社区告知");
  CHECK((columns[3].target == "Q5" && columns[3].certain && columns[3].option.empty()));
  CHECK((columns[4].target == "Q6" && columns[4].certain));
  // An option the question does not have is not mapped: the user is asked.
  auto unknown = MatchWjxHeaders({{2, "3.您通过哪些渠道了解政策？(多选):电视广播"}}, q, {});
  REQUIRE(unknown.size() == 1);
  CHECK_FALSE(unknown[0].certain);
  CHECK(unknown[0].suggestion == "Q3");

  XlsxWorkbook book;
  book.file = "export.xlsx";
  book.sheets.push_back(SplitSheet(
      {{"序号", "3.您通过哪些渠道了解政策？(多选):宣传资料",
        "3.您通过哪些渠道了解政策？(多选):亲友告知", "3.您通过哪些渠道了解政策？(多选):社区告知",
        "5.您对以下服务的满意度—服务态度", "5.您对以下服务的满意度—办理速度"},
       {"1", "1", "0", "1", "满意", "一般"},
       {"2", "0", "0", "0", "不满意", "(跳过)"},
       {"3", "0", "是", "0", "满意", "满意"}}));
  Diagnostics diags;
  WjxImport got = ReadWjxAnswers(book, book.sheets[0], columns, q, diags);
  REQUIRE(got.responses.size() == 3);
  CHECK(got.responses[0].answers["Q3"] == std::vector<std::string>{"宣传资料", "社区告知"});
  CHECK(got.responses[0].answers["Q5"] == std::vector<std::string>{"满意"});
  CHECK(got.responses[1].answers.count("Q3") == 0);  // none chosen: not answered
  CHECK(got.responses[1].answers.count("Q6") == 0);
  // "是" in an option column is neither 1 nor 0 nor the option: an error at its cell.
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].where.path == "Sheet1!C4");
  CHECK(diags.items()[0].message.find("1（选中）或 0（未选）") != std::string::npos);
}
}  // namespace jixiao
