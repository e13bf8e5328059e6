// JSON and CSV reading with locations; framework loading and its located errors.
#include <catch2/catch.hpp>

#include "ingest/csv.h"
#include "ingest/framework_loader.h"
#include "ingest/json.h"

namespace jixiao {
namespace {

Diagnostic ParseError(const std::string& text) {
  try {
    ParseJson("x.json", text);
  } catch (const InputError& e) {
    return e.diagnostic;
  }
  FAIL("expected a syntax error");
  return {};
}

std::string Codes(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) out += d.code + " ";
  return out;
}

const char* kFramework = R"({
  "id": "t", "title": "测试", "total": 10,
  "grades": [{"label": "优", "min": 9}, {"label": "差", "min": 0}],
  "indicators": [
    {"code": "A", "name": "决策", "weight": 10, "children": [
      {"code": "A1", "name": "甲", "weight": 4, "rule": {"type": "deduction"}},
      {"code": "A2", "name": "乙", "weight": 6, "rule": {"type": "ratio", "metric": "预算执行率", "target": 100}}
    ]}
  ]
})";

}  // namespace

TEST_CASE("JSON values remember line, column and path; numbers stay exact text") {
  JsonValue v = ParseJson("x.json", "{\n  \"a\": [1, 0.1],\n  \"b\": {\"c\": \"d\"}\n}");
  const JsonValue* a = v.Find("a");
  REQUIRE(a);
  CHECK(a->line == 2);
  CHECK(a->items[1].text == "0.1");
  CHECK(a->items[1].path == "$.a[1]");
  CHECK(v.Find("b")->Find("c")->path == "$.b.c");
}

TEST_CASE("JSON syntax errors are located and in Chinese") {
  auto missing_comma = ParseError("{\n  \"a\": 1\n  \"b\": 2\n}");
  CHECK(missing_comma.where.line == 3);
  CHECK(missing_comma.message.find("逗号") != std::string::npos);
  auto duplicate = ParseError("{\"a\": 1, \"a\": 2}");
  CHECK(duplicate.message.find("重复") != std::string::npos);
  CHECK(duplicate.where.column == 10);
  CHECK(ParseError("{\"a\": 1e5}").message.find("科学计数法") != std::string::npos);
  CHECK(ParseError("[1, 2").message.find("结束") != std::string::npos);
  CHECK(ParseError("\"abc").code == "json.syntax");
}

TEST_CASE("CSV: quotes, embedded commas, header units, merged blanks, ragged rows") {
  CsvTable t = ParseCsv("b.csv", "序号,金额(万元)\r\n1,\"1,234.5\"\r\n\r\n2,\"多\n行\"\n");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].line == 2);
  CHECK(t.rows[1].line == 4);
  CHECK(t.rows[0].cells[1] == "1,234.5");
  CHECK(t.Column("金额").unit == "万元");
  Diagnostics diags;
  CsvCells cells(t, diags);
  CHECK(cells.Amount(t.rows[0], t.Column("金额"), true)->fen == 1234500000);
  CHECK_FALSE(cells.Amount(t.rows[1], t.Column("金额"), true));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].where.line == 4);
  CHECK(diags.items()[0].where.column == 2);
  CHECK_THROWS_AS(ParseCsv("r.csv", "a,b\n1,2,3\n"), InputError);
  CHECK_THROWS_AS(ParseCsv("q.csv", "a\n\"open\n"), InputError);
}

TEST_CASE("framework loads; weights off by 0.01 are rejected with the node located") {
  Diagnostics ok;
  auto fw = ParseFramework("f.json", kFramework, ok);
  REQUIRE(fw);
  CHECK(fw->Find("A2")->rule->target == Rational(100));
  std::string off = kFramework;
  off.replace(off.find("\"weight\": 6"), 11, "\"weight\": 5.99");
  Diagnostics diags;
  CHECK_FALSE(ParseFramework("f.json", off, diags));
  CHECK(Codes(diags) == "framework.weight_sum ");
  CHECK(diags.items()[0].where.line == 5);
  CHECK(diags.items()[0].message.find("9.99分") != std::string::npos);
}

TEST_CASE("framework: unknown metric, unknown rule type, unknown key, bad fraction") {
  auto errors_for = [](const std::string& from, const std::string& to) {
    std::string text = kFramework;
    text.replace(text.find(from), from.size(), to);
    Diagnostics diags;
    ParseFramework("f.json", text, diags);
    return Codes(diags);
  };
  CHECK(errors_for("预算执行率", "满意率") == "framework.unknown_metric ");
  CHECK(errors_for("\"type\": \"deduction\"", "\"type\": \"deduct\"") == "rule.unknown_type ");
  CHECK(errors_for("\"name\": \"甲\"", "\"nmae\": \"甲\"") == "json.unknown_key json.missing ");
  CHECK(errors_for("\"target\": 100", "\"target\": 0") == "rule.target ");
  CHECK(errors_for(
            "{\"type\": \"deduction\"}",
            "{\"type\": \"levels\", \"levels\": [{\"label\": \"好\", \"fraction\": \"3/2\"}]}") ==
        "rule.fraction ");
}

}  // namespace jixiao
