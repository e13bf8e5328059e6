// Typed values as ingest reads them: JSON amounts and quantities, CSV amounts with units.
#include "ingest/value_reader.h"

#include <catch2/catch.hpp>

#include "ingest/csv.h"

namespace jixiao {
namespace {

struct Read {
  Diagnostics diags;
  std::optional<Rational> value;
  std::string written;
  std::string Codes() const {
    std::string out;
    for (const auto& d : diags.items()) out += d.code + " ";
    return out;
  }
};

Read JsonQuantity(const std::string& json, const std::string& unit) {
  Read r;
  JsonValue v = ParseJson("case.json", json);
  JsonReader in("case.json", r.diags);
  r.value = ReadQuantity(in, v, unit, &r.written);
  return r;
}

}  // namespace

TEST_CASE("JSON quantities: numbers, percent strings, units converted or refused with location") {
  CHECK(JsonQuantity("98.9", "%").value == Rational(989, 10));
  CHECK(JsonQuantity("\"99.2%\"", "%").value == Rational(992, 10));
  CHECK(JsonQuantity("\"９９.２％\"", "%").value == Rational(992, 10));
  CHECK(JsonQuantity("\"1,568.99万元\"", "元").value == Rational(15689900));
  CHECK(JsonQuantity("\"329人\"", "人").value == Rational(329));
  CHECK(JsonQuantity("\"0.0129万元/人\"", "元/人").value == Rational(129));
  auto households = JsonQuantity("\"129元/户\"", "元/人");
  CHECK_FALSE(households.value);
  CHECK(households.Codes() == "value.unit ");
  CHECK(households.diags.items()[0].where.ToString().find("case.json:1:1") == 0);
  CHECK_FALSE(JsonQuantity("\"5‰\"", "%").value);
  CHECK(JsonQuantity("\"1,5\"", "%").Codes() == "value.invalid ");
  CHECK(JsonQuantity("true", "%").Codes() == "json.type ");
}

TEST_CASE("JSON amounts: one reader for every deduction parameter") {
  Diagnostics diags;
  JsonReader in("f.json", diags);
  CHECK(ReadAmount(in, ParseJson("f.json", "1.5"))->PointsOf(Rational(4)) == Rational(3, 2));
  CHECK(ReadAmount(in, ParseJson("f.json", "\"25%\""))->PointsOf(Rational(4)) == Rational(1));
  CHECK(ReadAmount(in, ParseJson("f.json", "\"2/3\""))->PointsOf(Rational(3)) == Rational(2));
  CHECK_FALSE(ReadAmount(in, ParseJson("f.json", "\"150%\""), "case.deduction"));
  CHECK(diags.items().back().code == "case.deduction_share");
  CHECK_FALSE(ReadAmount(in, ParseJson("f.json", "-1")));
  CHECK(diags.items().back().code == "rule.amount_negative");
}

TEST_CASE("CSV amounts: thousands groups, units in the cell, exact conversion to fen") {
  CsvTable t = ParseCsv("budget.csv",
                        "金额(万元),金额,数量(人)\n"
                        "\"1,568.99\",\"1,568.99万元\",329人\n"
                        "\"1,5\",5‰,329户\n"
                        "0.0000001,1.234,\"1,500\"\n");
  Diagnostics diags;
  CsvCells cells(t, diags);
  CsvColumn wan = t.Column("金额"), persons = t.Column("数量");
  CsvColumn yuan{1, "金额", ""};
  CHECK(cells.Amount(t.rows[0], wan, true) == Money{1568990000});
  CHECK(cells.Amount(t.rows[0], yuan, true) == Money{1568990000});  // 万元 in a 元 column
  CHECK_FALSE(cells.Amount(t.rows[1], yuan, true));                 // ‰ is no amount
  CHECK(cells.Amount(t.rows[2], yuan, true) == std::nullopt);       // 1.234元: below a fen
  CHECK(cells.Number(t.rows[0], persons, true) == Rational(329));
  CHECK_FALSE(cells.Amount(t.rows[1], wan, true));
  CHECK_FALSE(cells.Number(t.rows[1], persons, true));
  CHECK_FALSE(cells.Amount(t.rows[2], wan, true));  // finer than a fen
  CHECK(cells.Number(t.rows[2], persons, true) == Rational(1500));
  std::string codes;
  for (const auto& d : diags.items()) codes += d.code + "@" + std::to_string(d.where.line) + " ";
  CHECK(codes == "csv.unit@3 csv.amount@4 csv.amount@3 csv.unit@3 csv.amount@4 ");  // call order
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("a case.json figure typed in full width is read with the one notice, never silently") {
  Read wide = JsonQuantity("\"９８．５％\"", "%");
  CHECK(wide.value == Rational(985, 10));
  REQUIRE(wide.diags.items().size() == 1);
  const Diagnostic& d = wide.diags.items()[0];
  CHECK(d.code == "input.half_width");
  CHECK(d.severity == Severity::kInfo);
  CHECK(d.message == "已按半角读取“９８．５％”，即“98.5%”（全角数字和符号按半角含义读取）");
  CHECK(JsonQuantity("\"98.5%\"", "%").diags.items().empty());
  CHECK(JsonQuantity("98.5", "%").diags.items().empty());
}

}  // namespace jixiao
