// `new --targets` on a unit's table (issue 23): a cost amount without a comparator becomes a
// ceiling (≤) in the case with a notice at its cell, and the unit's 实际完成值 column is carried
// into targets.csv's 实际值 with a notice to confirm it; nothing else of the table changes.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>

#include "casefile/scaffold.h"
#include "ingest/csv.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

struct Made {
  std::map<std::string, std::pair<std::string, std::string>> rows;  // 三级 → 指标值, 实际值
  std::map<std::string, std::string> units;                         // 三级 → 计量单位
  std::map<std::string, std::vector<Diagnostic>> notices;           // code → diagnostics
  std::string changes;                                              // targets_changes.txt
};

Made MakeCase(const std::string& table) {
  const fs::path dir = fs::temp_directory_path() / ("scaffold-targets-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path csv = dir / "申报表.csv";
  std::ofstream(csv) << table;
  NewCaseOptions options;
  options.dir = (dir / "case").string();
  options.framework = "national-2020";
  options.targets = csv.string();
  options.templates_dir = (fs::path(JIXIAO_SOURCE_DIR) / "templates/report").string();
  Diagnostics diags;
  std::string summary;
  Made made;
  REQUIRE(NewCase(options, diags, summary));
  const CsvTable t = ReadCsvFile(options.dir + "/targets.csv");
  size_t l3 = 0, value = 0, actual = 0, unit = 0;
  for (size_t c = 0; c < t.header.size(); ++c) {
    if (t.header[c] == "三级") l3 = c;
    if (t.header[c] == "指标值") value = c;
    if (t.header[c] == "实际值") actual = c;
    if (t.header[c] == "计量单位") unit = c;
  }
  for (const CsvRow& row : t.rows) {
    made.rows[row.cells[l3]] = {row.cells[value], row.cells[actual]};
    made.units[row.cells[l3]] = row.cells[unit];
  }
  for (const Diagnostic& d : diags.items()) made.notices[d.code].push_back(d);
  std::ifstream changes(options.dir + "/targets_changes.txt");
  made.changes.assign(std::istreambuf_iterator<char>(changes), {});
  fs::remove_all(dir);
  return made;
}

TEST_CASE("a cost amount without a comparator is a ceiling, said at its cell") {
  const Made m = MakeCase(
      "一级指标,二级指标,三级指标,指标值,计量单位\n"
      "产出指标,数量指标,保洁河道长度,20,公里\n"
      "产出指标,成本指标,河道保洁成本,15万元。,\n"
      "成本指标,经济成本指标,人均保洁费用,120,元/人\n"
      "成本指标,经济成本指标,成本节约率,5%,\n"
      "成本指标,经济成本指标,设备购置费,=3万元,\n"
      "满意度指标,服务对象满意度指标,辖区企业满意率,辖区企业满意率达95%以上。,\n");
  CHECK(m.rows.at("河道保洁成本").first == "≤15万元");
  CHECK(m.units.at("河道保洁成本") == "万元");  // the sentence's 。 is no part of the unit
  CHECK(m.rows.at("人均保洁费用").first == "≤120");
  // Not an amount, or a comparator the unit wrote: as written.
  CHECK(m.rows.at("成本节约率").first == "5%");
  CHECK(m.rows.at("设备购置费").first == "=3万元");
  CHECK(m.rows.at("保洁河道长度").first == "20");
  CHECK(m.rows.at("辖区企业满意率").first == "辖区企业满意率达95%以上。");
  REQUIRE(m.notices.count("targets.cost_ceiling"));
  const auto& notices = m.notices.at("targets.cost_ceiling");
  REQUIRE(notices.size() == 2);
  CHECK(notices[0].where.line == 3);
  CHECK(notices[0].where.path == "指标值");
  CHECK(notices[0].message.find("15万元。") != std::string::npos);  // what the unit wrote
  CHECK(notices[0].message.find("≤15万元") != std::string::npos);   // what the case holds
  CHECK(notices[1].where.line == 4);
  CHECK(m.changes.find("河道保洁成本") != std::string::npos);
  CHECK(m.changes.find("人均保洁费用") != std::string::npos);
}

TEST_CASE("the unit's 实际完成值 column becomes 实际值, each one to confirm") {
  const Made m = MakeCase(
      "一级指标,二级指标,三级指标,年度指标值,实际完成值,偏差原因分析及改进措施\n"
      "产出指标,数量指标,保洁河道长度,≥20公里,21公里,\n"
      "产出指标,质量指标,保洁合格率,≥95%,,\n"
      "效益指标,社会效益指标,河道整洁率,≥95%,96%,\n");
  CHECK(m.rows.at("保洁河道长度") == std::make_pair(std::string("≥20公里"), std::string("21公里")));
  CHECK(m.rows.at("保洁合格率").second.empty());
  CHECK(m.rows.at("河道整洁率").second == "96%");
  REQUIRE(m.notices.count("targets.actual_from_table"));
  const auto& notices = m.notices.at("targets.actual_from_table");
  REQUIRE(notices.size() == 2);
  CHECK(notices[0].where.line == 2);
  CHECK(notices[0].where.path == "实际完成值");
  CHECK(notices[0].message.find("21公里") != std::string::npos);
  CHECK(notices[0].message.find("核实") != std::string::npos);
  CHECK(notices[1].where.line == 4);
}

}  // namespace
}  // namespace jixiao
