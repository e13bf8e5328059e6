// Rankings, matrix, grades, most-deducted indicators and year-over-year on three small cases,
// with expectations computed by hand.
#include "compare/comparison.h"

#include <catch2/catch.hpp>

namespace jixiao::compare {
namespace {

Framework MakeFramework() {
  Framework fw;
  fw.id = "f";
  fw.title = "测试体系";
  fw.total = Score{10000};
  fw.grades = {
      {"优", Score{9000}}, {"良", Score{8000}}, {"合格", Score{6000}}, {"不合格", Score{0}}};
  Indicator a{"A", "决策", Score{4000}, 1};
  Indicator a1{"A1", "立项", Score{4000}, 2};
  a.children = {a1};
  Indicator b{"B", "产出", Score{6000}, 1};
  Indicator b1{"B1", "数量", Score{3000}, 2};
  Indicator b2{"B2", "质量", Score{3000}, 2};
  b.children = {b1, b2};
  fw.indicators = {a, b};
  return fw;
}

IndicatorResult Node(const char* code, const char* name, int level, int parent, bool leaf,
                     int64_t w, int64_t s) {
  IndicatorResult r;
  r.code = code;
  r.name = name;
  r.level = level;
  r.parent = parent;
  r.leaf = leaf;
  r.weight = Score{w};
  r.score = Score{s};
  return r;
}

Scorecard Card(const std::string& id, int64_t a1, int64_t b1, int64_t b2,
               const std::string& grade) {
  Scorecard c;
  c.case_id = id;
  c.framework_id = "f";
  c.indicators = {
      Node("A", "决策", 1, -1, false, 4000, a1), Node("A1", "立项", 2, 0, true, 4000, a1),
      Node("B", "产出", 1, -1, false, 6000, b1 + b2), Node("B1", "数量", 2, 2, true, 3000, b1),
      Node("B2", "质量", 2, 2, true, 3000, b2)};
  c.total = Score{a1 + b1 + b2};
  c.total_weight = Score{10000};
  c.grade = grade;
  return c;
}

Case MakeCase(const std::string& id, const std::string& town, const std::string& year) {
  Case c;
  c.id = id;
  c.project = {year + "年" + town + "养老服务项目", year, "闵行区", town};
  c.problems.push_back({"立项论证不足", "", {"A1"}});
  return c;
}

}  // namespace

TEST_CASE("three cases: ties share a rank, rates, matrix, grades, deductions, years") {
  Framework fw = MakeFramework();
  Case x = MakeCase("x", "甲镇", "2023"), y = MakeCase("y", "乙镇", "2024"),
       z = MakeCase("z", "甲镇", "2024");
  Scorecard cx = Card("x", 3000, 3000, 2500, "良"), cy = Card("y", 4000, 2000, 2500, "良"),
            cz = Card("z", 3600, 3000, 3000, "优");
  Comparison cmp = Compare({{&fw, &x, &cx}, {&fw, &y, &cy}, {&fw, &z, &cz}});
  REQUIRE(cmp.ranking.size() == 3);
  CHECK(cmp.ranking[0].id == "z");
  CHECK(cmp.ranking[0].rank == 1);
  CHECK(cmp.ranking[1].id == "x");  // 85 = 85: same rank, listed by id
  CHECK(cmp.ranking[1].rank == 2);
  CHECK(cmp.ranking[2].rank == 2);
  CHECK(cmp.categories == std::vector<std::string>{"决策", "产出"});
  CHECK(*cmp.ranking[1].category_rates[1] == Rational(275, 3));  // x: 55 of 60 = 91.67%
  REQUIRE(cmp.columns.size() == 3);
  CHECK(cmp.columns[0].label == "A1 立项");
  CHECK(*cmp.matrix[2][1] == Rational(200, 3));  // y: B1 20 of 30
  CHECK(cmp.grades ==
        std::vector<std::pair<std::string, int>>{{"优", 1}, {"良", 2}, {"合格", 0}, {"不合格", 0}});
  REQUIRE(cmp.most_deducted.size() == 3);
  CHECK(cmp.most_deducted[0].key == "A1");  // 10 + 4 = 14 points in 2 cases
  CHECK(cmp.most_deducted[0].points_lost == Rational(14));
  CHECK(cmp.most_deducted[0].cases == 2);
  CHECK(cmp.most_deducted[1].key == "B1");  // B1 and B2 both lost 10: listed by code
  CHECK(cmp.problems.at("A1 立项").size() == 3);
  REQUIRE(cmp.years.size() == 1);
  CHECK(cmp.years[0].town == "甲镇");
  CHECK(cmp.years[0].totals.front() == std::pair<std::string, Score>{"2023", Score{8500}});
  CHECK(cmp.years[0].totals.back().second == Score{9600});
  CHECK(cmp.same_framework);
}

TEST_CASE("different frameworks are compared on shared names, and say so") {
  Framework f1 = MakeFramework(), f2 = MakeFramework();
  f2.id = "g";
  Case x = MakeCase("x", "甲镇", "2024"), y = MakeCase("y", "乙镇", "2024");
  Scorecard cx = Card("x", 3000, 3000, 2500, "良"), cy = Card("y", 4000, 2000, 2500, "良");
  Comparison cmp = Compare({{&f1, &x, &cx}, {&f2, &y, &cy}});
  CHECK_FALSE(cmp.same_framework);
  CHECK(cmp.basis.find("共有") != std::string::npos);
  CHECK(cmp.columns.size() == 3);  // 二级 names shared: 立项, 数量, 质量
  CHECK(cmp.columns[0].key == "立项");
}

TEST_CASE("CardRows: 32-byte rows, codes and names interned once for all cards") {
  static_assert(sizeof(Row) <= 32, "a row compare holds per indicator and case");
  Names names;
  CardRows a = MakeCardRows(Card("x", 3000, 3000, 2500, "良"), names);
  CardRows b = MakeCardRows(Card("y", 4000, 2000, 2500, "良"), names);
  REQUIRE(a.rows.size() == 5);
  CHECK(a.rows[3].code == b.rows[3].code);  // B1 in both cards: one string
  CHECK(a.rows[3].code != a.rows[4].code);
  CHECK(names[a.rows[3].code] == "B1");
  CHECK(names[a.rows[3].name] == "数量");
  CHECK(a.rows[3].parent == 2);
  CHECK(a.rows[3].level == 2);
  CHECK(a.rows[3].leaf);
  CHECK(a.rows[3].weight == 3000);
  CHECK(b.rows[3].score == 2000);
  CHECK(a.grade == b.grade);
  CHECK(names[a.grade] == "良");
  CHECK(a.total == Score{8500});
  CHECK(names.Intern("B1") == a.rows[3].code);
}

TEST_CASE("ProjectKey drops the year and town") {
  Project p{"2024年马桥镇医疗救助项目", "2024", "闵行区", "马桥镇"};
  CHECK(ProjectKey(p) == "医疗救助项目");
}

}  // namespace jixiao::compare
