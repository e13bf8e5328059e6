// One reading of a typed 指标值 on every path (issue 21): the target check, the downloaded 申报表,
// the 自评表 and the evaluation's targets.csv read the same typed values to the same kind,
// comparator, number and unit, and each says so at the cell when full-width characters were read
// half-width. The expected readings are written out by hand, row by row.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "app/targets_app.h"
#include "core/half_width.h"
#include "ingest/csv.h"
#include "ingest/selfeval_reader.h"
#include "ingest/target_rows.h"
#include "model/selfeval.h"
#include "model/target_value.h"
#include "report/target_report.h"
#include "targets/value.h"

namespace {

using namespace jixiao;

struct Reading {
  std::string kind;  // 定量 | 定性
  std::string op;    // the comparator as written (or read from 以内/内), "" when none
  std::string number;
  std::string unit;
  bool noticed = false;  // a 提示 at the cell said the text was read half-width
  bool operator==(const Reading& o) const {
    return kind == o.kind && op == o.op && number == o.number && unit == o.unit &&
           noticed == o.noticed;
  }
};

std::ostream& operator<<(std::ostream& os, const Reading& r) {
  return os << r.kind << " [" << r.op << "] " << r.number << " " << r.unit
            << (r.noticed ? " (提示)" : "");
}

struct Case {
  const char* typed;
  Reading expected;
};

// Written before running: what a reviewer reads in each typed value.
const Case kCases[] = {
    {"≥９５％", {"定量", "≥", "95", "%", true}},
    {"１，２００个", {"定量", "", "1200", "个", true}},
    {"１２万元", {"定量", "", "12", "万元", true}},
    {"９５．５％", {"定量", "", "95.5", "%", true}},
    {"＞９０％", {"定量", ">", "90", "%", true}},
    {"＜５％", {"定量", "<", "5", "%", true}},
    {"＝１２场", {"定量", "=", "12", "场", true}},
    {"≧98%", {"定量", "≥", "98", "%", false}},
    {"≦30元", {"定量", "≤", "30", "元", false}},
    {"≤7工作日", {"定量", "≤", "7", "工作日", false}},
    {"≤3个工作日", {"定量", "≤", "3", "个工作日", false}},
    {"≤15天", {"定量", "≤", "15", "天", false}},
    {"30日内", {"定量", "≤", "30", "日", false}},
    {"7个工作日内完成", {"定量", "≤", "7", "个工作日", false}},
    {"≥１００个", {"定量", "≥", "100", "个", true}},
    {"及时", {"定性", "", "", "", false}},
    // Time spans and deadlines with their work are 时效 targets on every path (trial 3 item 25).
    {"2021年1月-12月", {"定性", "", "", "", false}},
    {"12月底前100%到位", {"定性", "", "", "", false}},
    {"2023年12月底前", {"定性", "", "", "", false}},
};

std::string OpText(CompareOp op) {
  switch (op) {
    case CompareOp::kGe:
      return "≥";
    case CompareOp::kLe:
      return "≤";
    case CompareOp::kGt:
      return ">";
    case CompareOp::kLt:
      return "<";
    default:
      return "=";
  }
}

Reading FromTargetValue(const TargetValue& v) {
  if (!v.quantitative) return {"定性", "", "", ""};
  return {"定量", v.comparator_written ? OpText(v.op) : "", v.number.ToString(), v.unit};
}

bool Noticed(const Diagnostics& d, int line) {
  for (const auto& x : d.items())
    if (x.code == "input.half_width" && x.where.line == line) return true;
  return false;
}

// A unit's 绩效目标表, or (`evaluation`) a case's targets.csv with its own header.
std::string TargetsCsv(bool evaluation = false) {
  std::string csv = evaluation ? "一级,二级,三级,指标值,实际值,出处依据\n"
                               : "一级指标,二级指标,三级指标,指标值\n";
  int n = 0;
  for (const auto& c : kCases)
    csv += "产出指标,数量指标,产出目标" + std::to_string(++n) + ",\"" + c.typed + "\"" +
           (evaluation ? ",," : "") + "\n";
  return csv;
}

// Path 1: `targets check` (and the web's targets page): the checker's reading and its T31.
std::vector<Reading> CheckerPath(const std::string& file) {
  Diagnostics diags;
  auto table = LoadTargetTable(file, diags);
  REQUIRE(table);
  const auto issues = CheckTargetTable(*table, nullptr);
  std::vector<Reading> out;
  for (const auto& row : table->targets.rows) {
    const targets::Value v = targets::Value::Parse(row.value);
    Reading r{"定性", "", "", ""};
    if (v.numeric) r = {"定量", v.op_written ? OpText(v.op) : "", v.number.ToString(), v.unit};
    for (const auto& x : issues) r.noticed = r.noticed || (x.rule == "T31" && x.row == row.line);
    out.push_back(r);
  }
  return out;
}

// Path 2: the downloaded 申报表 (指标值类型 | 指标值 | 计量单位 columns).
std::vector<Reading> DeclarationPath(const std::string& file) {
  Diagnostics diags;
  auto table = LoadTargetTable(file, diags);
  REQUIRE(table);
  Diagnostics notices;
  const Table<TargetRow> rows = TargetsWithUnits(table->targets, &notices);
  const doc::Document d = report::BuildTargetDocument(table->project, rows);
  const auto* t = std::get_if<doc::Table>(&d.blocks.back());
  REQUIRE(t);
  std::vector<Reading> out;
  for (size_t i = 1; i < t->rows.size(); ++i) {
    const auto& cells = t->rows[i];
    Reading r = FromTargetValue(TargetValue::Parse(cells[4].text));
    r.kind = cells[3].text;
    if (r.kind == "定量") r.unit = cells[5].text;
    if (r.kind == "定性") r.op = r.number = r.unit = "";
    r.noticed = Noticed(notices, rows.rows[i - 1].line);
    out.push_back(r);
  }
  return out;
}

// Path 3: the 自评表 (form.csv as the page and the workbook both hand it to the reader).
std::vector<Reading> SelfEvalPath() {
  std::string csv = "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因\n";
  int n = 0;
  for (const auto& c : kCases)
    csv += "产出指标,数量指标,产出目标" + std::to_string(++n) + ",\"" + c.typed + "\",,5,,\n";
  SelfEvalCsvInput in;
  in.form_csv = csv;
  Diagnostics diags;
  const SelfEvaluation form = ReadSelfEvalCsv(in, "万元", diags);
  std::vector<Reading> out;
  for (const auto& row : form.rows) {
    Reading r = FromTargetValue(row.parsed_target.value);
    r.noticed = Noticed(diags, row.line);
    out.push_back(r);
  }
  return out;
}

// Path 4: the evaluation's targets.csv (strict mode, the scorer's TargetValue).
std::vector<Reading> EvaluationPath(const std::string& csv) {
  Diagnostics diags;
  const CsvTable table = ParseCsvBytes("targets.csv", csv);
  CsvCells cells(table, diags);
  Table<TargetRow> t;
  ReadTargetRows(table, cells, t, /*lenient=*/false);
  std::vector<Reading> out;
  for (const auto& row : t.rows) {
    Reading r = FromTargetValue(TargetValue::Parse(row.value));
    r.noticed = Noticed(diags, row.line);
    out.push_back(r);
  }
  return out;
}

}  // namespace

TEST_CASE("every path reads a typed 指标值 the same way and says when it read full width",
          "[full_width]") {
  const auto dir =
      std::filesystem::temp_directory_path() / ("jixiao-fullwidth-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "targets.csv").string();
  { std::ofstream(file) << TargetsCsv(); }
  const auto checker = CheckerPath(file);
  const auto declaration = DeclarationPath(file);
  const auto selfeval = SelfEvalPath();
  const auto evaluation = EvaluationPath(TargetsCsv(true));
  std::filesystem::remove_all(dir);
  const size_t n = std::size(kCases);
  REQUIRE(checker.size() == n);
  REQUIRE(declaration.size() == n);
  REQUIRE(selfeval.size() == n);
  REQUIRE(evaluation.size() == n);
  for (size_t i = 0; i < n; ++i) {
    INFO("typed “" << kCases[i].typed << "”");
    CHECK(checker[i] == kCases[i].expected);
    CHECK(declaration[i] == kCases[i].expected);
    CHECK(selfeval[i] == kCases[i].expected);
    CHECK(evaluation[i] == kCases[i].expected);
  }
}

TEST_CASE("the one notice names what was typed and what was read", "[full_width]") {
  const HalfWidthReading r = ReadHalfWidth("≥９５％");
  CHECK(r.changed);
  CHECK(HalfWidthNotice("≥９５％", r.text) ==
        "已按半角读取“≥９５％”，即“≥95%”（全角数字和符号按半角含义读取）");
}
