// The xlsx reader on workbooks written by xlsxwriter and by hand (tests/xlsx/make_fixtures.py):
// cell types, dates in both systems, merged cells, and located errors on hostile files.
#include "ingest/xlsx.h"

#include <catch2/catch.hpp>

namespace jixiao {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(JIXIAO_SOURCE_DIR) + "/tests/xlsx/" + name;
}

Diagnostic ReadError(const std::string& name, const XlsxLimits& limits = {}) {
  try {
    ReadXlsxFile(Fixture(name), limits);
  } catch (const InputError& e) {
    return e.diagnostic;
  }
  FAIL("expected an error reading " + name);
  return {};
}

TEST_CASE("cell references convert both ways within Excel's grid") {
  int row = 0, col = 0;
  REQUIRE(ParseCellRef("C5", row, col));
  CHECK((row == 5 && col == 3));
  REQUIRE(ParseCellRef("$AA$10", row, col));
  CHECK((row == 10 && col == 27));
  REQUIRE(ParseCellRef("XFD1048576", row, col));
  CHECK((row == 1048576 && col == 16384));
  CHECK_FALSE(ParseCellRef("XFE1", row, col));
  CHECK_FALSE(ParseCellRef("A1048577", row, col));
  CHECK_FALSE(ParseCellRef("A0", row, col));
  CHECK_FALSE(ParseCellRef("5C", row, col));
  CHECK_FALSE(ParseCellRef("A99999999999999999999", row, col));
  CHECK(CellName(5, 3) == "C5");
  CHECK(ColumnName(27) == "AA");
  CHECK(ColumnName(16384) == "XFD");
  CHECK(CellLocation("a.xlsx", "预算执行", 5, 3).path == "预算执行!C5");
}

TEST_CASE("number formats decide percent and date cells") {
  CHECK(StyleOfFormatCode("0.00%") == XlsxNumberStyle::kPercent);
  CHECK(StyleOfFormatCode("yyyy\"年\"m\"月\"d\"日\"") == XlsxNumberStyle::kDate);
  CHECK(StyleOfFormatCode("yyyy-mm-dd hh:mm") == XlsxNumberStyle::kDateTime);
  CHECK(StyleOfFormatCode("[h]:mm") == XlsxNumberStyle::kTime);
  CHECK(StyleOfFormatCode("#,##0.00\"元\"") == XlsxNumberStyle::kGeneral);
  CHECK(StyleOfFormatCode("0.00E+00") == XlsxNumberStyle::kGeneral);
  CHECK(StyleOfFormatCode("[Red]#,##0") == XlsxNumberStyle::kGeneral);
  CHECK(StyleOfFormatCode("General") == XlsxNumberStyle::kGeneral);
  CHECK(StyleOfBuiltinFormat(14) == XlsxNumberStyle::kDate);
  CHECK(StyleOfBuiltinFormat(10) == XlsxNumberStyle::kPercent);
  CHECK(StyleOfBuiltinFormat(4) == XlsxNumberStyle::kGeneral);
}

TEST_CASE("numbers print at Excel's 15 significant digits") {
  CHECK(DecimalText(0.1 + 0.2) == "0.3");
  CHECK(DecimalText(1471745.31) == "1471745.31");
  CHECK(DecimalText(1e-05) == "0.00001");
  CHECK(DecimalText(-12.5) == "-12.5");
  CHECK(DecimalText(1e20) == "100000000000000000000");
  CHECK(DecimalText(0) == "0");
}

TEST_CASE("date serials: the 1900 system with its leap-year bug, and the 1904 system") {
  std::string date;
  REQUIRE(SerialToDate(59, false, false, date));
  CHECK(date == "1900-02-28");
  REQUIRE(SerialToDate(60, false, false, date));
  CHECK(date == "1900-02-29");
  REQUIRE(SerialToDate(61, false, false, date));
  CHECK(date == "1900-03-01");
  REQUIRE(SerialToDate(45574, false, false, date));
  CHECK(date == "2024-10-09");
  REQUIRE(SerialToDate(45574.5625, false, true, date));
  CHECK(date == "2024-10-09 13:30:00");
  REQUIRE(SerialToDate(0, true, false, date));
  CHECK(date == "1904-01-01");
  REQUIRE(SerialToDate(45574, true, false, date));
  CHECK(date == "2028-10-10");
  CHECK_FALSE(SerialToDate(-1, false, false, date));
  CHECK_FALSE(SerialToDate(3e6, false, false, date));
}

TEST_CASE("an xlsxwriter workbook reads back cell by cell") {
  const XlsxWorkbook book = ReadXlsxFile(Fixture("basic.xlsx"));
  REQUIRE(book.sheets.size() == 2);
  CHECK(book.sheets[0].name == "预算执行");
  CHECK(book.sheets[1].name == "第二页");
  CHECK_FALSE(book.date1904);
  const XlsxSheet& s = book.sheets[0];
  CHECK(s.At(1, 1).text == "项目");
  CHECK(s.At(1, 2).text == "金额(元)");
  CHECK(s.At(2, 2).type == XlsxCell::Type::kNumber);
  CHECK(s.At(2, 2).text == "1471745.31");
  CHECK(s.At(2, 3).style == XlsxNumberStyle::kPercent);
  CHECK(s.At(2, 3).text == "0.902");
  CHECK(s.At(2, 4).date == "2024-10-09");
  CHECK(s.At(2, 5).date == "2024-03-01");
  CHECK(s.At(2, 6).date == "2024-10-09 13:30:00");
  CHECK(s.At(2, 7).type == XlsxCell::Type::kBoolean);
  CHECK(s.At(2, 7).text == "TRUE");
  CHECK(s.At(2, 8).formula);
  CHECK(s.At(2, 8).text == "2943490.62");
  CHECK(s.At(2, 9).text == "医疗救助项目");
  CHECK(s.At(4, 1).text == "合并的单元格");
  CHECK(s.At(5, 3).text == "合并的单元格");  // covered by A4:C5
  REQUIRE(s.MergeAt(5, 3) != nullptr);
  CHECK(s.MergeAt(5, 3)->last_col == 3);
  CHECK(s.MergeAt(6, 3) == nullptr);
  CHECK(s.At(6, 1).empty());
  CHECK(s.At(7, 1).text == "0.3");
  CHECK(s.At(7, 2).text == "-12.5");
  CHECK(s.At(7, 3).text == "0.00001");
  CHECK(s.At(1048576, 16384).text == "最后一格");
  CHECK(s.max_row == 1048576);
  REQUIRE(book.Find("第二页") != nullptr);
  CHECK(book.Find("第二页")->At(3, 2).text == "第二页的文字");
  CHECK(book.Find("第三页") == nullptr);
}

TEST_CASE("a 1904-system workbook gives the same calendar dates") {
  const XlsxWorkbook book = ReadXlsxFile(Fixture("basic-1904.xlsx"));
  CHECK(book.date1904);
  CHECK(book.sheets[0].At(2, 4).date == "2024-10-09");
  CHECK(book.sheets[0].At(2, 6).date == "2024-10-09 13:30:00");
}

TEST_CASE("serials in date-formatted cells, both systems") {
  const XlsxSheet s1900 = ReadXlsxFile(Fixture("serials-1900.xlsx")).sheets.at(0);
  CHECK(s1900.At(1, 1).date == "1900-02-28");
  CHECK(s1900.At(1, 2).date == "1900-02-29");
  CHECK(s1900.At(1, 3).date == "1900-03-01");
  CHECK(s1900.At(1, 4).date == "1900-01-01");
  CHECK(s1900.At(1, 5).date == "2024-10-09");
  CHECK(s1900.At(1, 6).date.empty());  // -1 is no date; the number stays
  CHECK(s1900.At(1, 6).text == "-1");
  const XlsxSheet s1904 = ReadXlsxFile(Fixture("serials-1904.xlsx")).sheets.at(0);
  CHECK(s1904.At(1, 4).date == "1904-01-02");
  CHECK(s1904.At(1, 1).date == "1904-02-29");
  CHECK(s1904.At(1, 5).date == "2028-10-10");
}

TEST_CASE("inline strings, booleans, errors, ISO dates and cells without references") {
  const XlsxSheet s = ReadXlsxFile(Fixture("inline.xlsx")).sheets.at(0);
  CHECK(s.At(2, 2).text == "行内文字");  // phonetic run left out
  CHECK(s.At(2, 3).text == "FALSE");
  CHECK(s.At(2, 4).type == XlsxCell::Type::kError);
  CHECK(s.At(2, 4).text == "#DIV/0!");
  CHECK(s.At(2, 5).date == "2024-10-09");
  CHECK(s.At(3, 1).text == "7");
}

TEST_CASE("hostile and broken files are located errors") {
  CHECK(ReadError("huge-column.xlsx").code == "xlsx.bad_ref");
  CHECK(ReadError("huge-column.xlsx").where.path == "Sheet1!XFE1");
  CHECK(ReadError("huge-row.xlsx").code == "xlsx.bad_row");
  const Diagnostic shared = ReadError("bad-shared-string.xlsx");
  CHECK(shared.code == "xlsx.bad_shared_string");
  CHECK(shared.where.path == "Sheet1!C5");
  CHECK(shared.where.file == Fixture("bad-shared-string.xlsx"));
  CHECK(ReadError("bad-number.xlsx").where.path == "Sheet1!B3");
  CHECK(ReadError("missing-sheet-part.xlsx").code == "xlsx.missing_part");
  CHECK(ReadError("missing-workbook.xlsx").where.path == "xl/workbook.xml");
  CHECK(ReadError("unmatched-sheet.xlsx").where.path == "孤表");
  CHECK(ReadError("broken-xml.xlsx").code == "xlsx.bad_xml");
  CHECK(ReadError("not-a-zip.xlsx").code == "xlsx.not_zip");
  CHECK_FALSE(ReadError("truncated.xlsx").message.empty());
  CHECK(ReadError("billion-laughs.xlsx").code == "xlsx.bad_xml");
  CHECK(ReadError("no-such-file.xlsx").code == "xlsx.unreadable");
  // Found by fuzz_xlsx: a ZIP64 record declaring an enormous length (Poco would allocate it).
  CHECK(ReadError("zip64-huge-record.xlsx").code == "xlsx.bad_zip");
}

TEST_CASE("decompressed sizes and cell counts are capped") {
  XlsxLimits small;
  small.max_part_bytes = 1u << 20;
  const Diagnostic bomb = ReadError("bomb.xlsx", small);
  CHECK(bomb.code == "xlsx.part_too_large");
  CHECK(bomb.where.path == "xl/worksheets/sheet1.xml");
  CHECK(ReadXlsxFile(Fixture("bomb.xlsx")).sheets.at(0).At(1, 1).text == "1");  // 20 MiB is fine
  XlsxLimits few;
  few.max_cells = 5;
  CHECK(ReadError("basic.xlsx", few).code == "xlsx.too_many_cells");
  XlsxLimits tiny_file;
  tiny_file.max_file_bytes = 100;
  CHECK(ReadError("basic.xlsx", tiny_file).code == "xlsx.too_large");
}

}  // namespace
}  // namespace jixiao
