// The one CSV field writer (core/csv_field.h): quoting exactly when needed, quotes doubled,
// formula-looking fields written as typed (read back by jixiao's own readers).
#include "core/csv_field.h"

#include <catch2/catch.hpp>

using jixiao::CsvField;
using jixiao::CsvRecord;

TEST_CASE("a plain field is written as typed", "[csv_field]") {
  CHECK(CsvField("培训人数") == "培训人数");
  CHECK(CsvField("") == "");
  CHECK(CsvField("≥95%") == "≥95%");
}

TEST_CASE("commas, quotes, newlines and CR are quoted, quotes doubled", "[csv_field]") {
  CHECK(CsvField("1,200个") == "\"1,200个\"");
  CHECK(CsvField("说\"好\"") == "\"说\"\"好\"\"\"");
  CHECK(CsvField("两行\n文字") == "\"两行\n文字\"");
  CHECK(CsvField("回车\r") == "\"回车\r\"");
  CHECK(CsvField("\"") == "\"\"\"\"");
}

TEST_CASE("a leading = + - @ is kept as typed: the 指标值 =100% stays readable", "[csv_field]") {
  CHECK(CsvField("=100%") == "=100%");
  CHECK(CsvField("+1") == "+1");
  CHECK(CsvField("-3.5") == "-3.5");
  CHECK(CsvField("@单位") == "@单位");
  CHECK(CsvField("=SUM(A1,A2)") == "\"=SUM(A1,A2)\"");  // quoted for its comma only
}

TEST_CASE("always_quote quotes every field", "[csv_field]") {
  CHECK(CsvField("abc", true) == "\"abc\"");
  CHECK(CsvField("", true) == "\"\"");
}

TEST_CASE("a row joins its fields and ends with the line ending asked for", "[csv_field]") {
  CHECK(CsvRecord({"一级", "a,b", "x\"y"}) == "一级,\"a,b\",\"x\"\"y\"\r\n");
  CHECK(CsvRecord({"a", "b"}, "\n") == "a,b\n");
  CHECK(CsvRecord({}) == "\r\n");
  CHECK(CsvRecord({"", ""}, "\n") == ",\n");
}
