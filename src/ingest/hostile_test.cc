// The readers under hostile input: JSON depth, Unicode, duplicate keys at scale; CSV line endings,
// BOMs, quotes, mixed encodings and size limits.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>

#include "ingest/csv.h"
#include "ingest/json.h"

namespace jixiao {
namespace {

std::string JsonError(const std::string& text) {
  try {
    ParseJson("x.json", text);
  } catch (const InputError& e) {
    return e.diagnostic.where.ToString() + " " + e.diagnostic.message;
  }
  return "";
}

TEST_CASE("JSON nesting is capped at 200 levels, without recursion trouble at 30,000") {
  CHECK(JsonError(std::string(199, '[') + std::string(199, ']')).empty());
  CHECK(JsonError(std::string(201, '[') + std::string(201, ']')).find("嵌套层数超过 200 层") !=
        std::string::npos);
  CHECK(JsonError(std::string(30000, '[') + std::string(30000, ']')).find("x.json:1:201") !=
        std::string::npos);
}

TEST_CASE("JSON strings must be valid Unicode") {
  CHECK(JsonError("\"\\ud800\\u0041\"").find("高位代理项") != std::string::npos);
  CHECK(JsonError("\"\\ud800\"").find("高位代理项") != std::string::npos);
  CHECK(JsonError("\"\\udc00\"").find("低位代理项") != std::string::npos);
  CHECK(JsonError("\"a\\u0000\"").find("空字符") != std::string::npos);
  CHECK(JsonError("\"a\x01\"").find("控制字符 U+0001") != std::string::npos);
  CHECK(ParseJson("x.json", "\"\\ud83d\\ude00\"").text == "\xF0\x9F\x98\x80");
  CHECK(ParseJson("x.json", "\xEF\xBB\xBF\xEF\xBB\xBF{}").IsObject());  // doubled BOM
}

TEST_CASE("duplicate keys are found in linear time") {
  std::string text = "{";
  for (int i = 0; i < 100000; ++i) text += "\"k" + std::to_string(i) + "\":1,";
  std::string unique = text.substr(0, text.size() - 1) + "}";
  auto start = std::chrono::steady_clock::now();
  CHECK(ParseJson("x.json", unique).members.size() == 100000);
  // Generous bound: the old quadratic check took 17 s here; a hash set takes milliseconds.
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK(JsonError(text + "\"k7\":2}").find("键“k7”重复出现") != std::string::npos);
}

TEST_CASE("CSV: CR-only lines, stray quotes, unclosed quotes located by cell") {
  CsvTable t = ParseCsv("t.csv", "a,b\r1,2\r3,4\r");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].line == 3);
  CsvTable q = ParseCsv("t.csv", "a,b\n1,救助\"资金\n");
  CHECK(q.rows[0].cells[1] == "救助\"资金");
  try {
    ParseCsv("t.csv", "a,b,c\n1,2,\"3\n4,5,6\n");
    FAIL("expected an unclosed quote");
  } catch (const InputError& e) {
    CHECK(e.diagnostic.where.line == 2);
    CHECK(e.diagnostic.where.column == 3);
  }
}

TEST_CASE("CSV: row limit is an error naming the limit") {
  std::string text = "a\n";
  for (int i = 0; i < 1000001; ++i) text += "1\n";
  try {
    ParseCsv("t.csv", text);
    FAIL("expected the row limit");
  } catch (const InputError& e) {
    CHECK(e.diagnostic.code == "csv.too_many_rows");
  }
}

TEST_CASE("CSV files mixing UTF-8 and GBK lines are refused at the first GBK line") {
  std::string file = "/tmp/jixiao-mixed-" + std::to_string(getpid()) + ".csv";
  std::FILE* f = std::fopen(file.c_str(), "wb");
  std::string bytes = "项目,金额\n救助,1\n\xBE\xC8\xD6\xFA,2\n";  // last line: 救助 in GBK
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
  try {
    ReadCsvFile(file);
    FAIL("expected mixed encodings");
  } catch (const InputError& e) {
    CHECK(e.diagnostic.code == "csv.mixed_encoding");
    CHECK(e.diagnostic.where.line == 3);
  }
  std::remove(file.c_str());
}

}  // namespace
}  // namespace jixiao
