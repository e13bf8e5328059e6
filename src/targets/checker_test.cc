// Every checker rule: a table that trips it and the good table that passes it.
#include "targets/checker.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>

namespace jixiao::targets {
namespace {

struct Row {
  const char *l1, *l2, *l3, *type, *value, *unit;
};

const std::vector<Row> kGood = {
    {"产出指标", "数量指标", "居家养老上门服务人次", "定量", "≥36000", "人次"},
    {"产出指标", "数量指标", "助餐服务人次", "定量", "≥54000", "人次"},
    {"产出指标", "质量指标", "服务对象回访合格率", "定量", "≥95", "%"},
    {"产出指标", "时效指标", "服务需求响应时间", "定量", "≤48", "小时"},
    {"产出指标", "成本指标", "项目总成本", "定量", "≤220", "万元"},
    {"效益指标", "社会效益指标", "失能老人照护需求满足率", "定量", "≥90", "%"},
    {"满意度指标", "服务对象满意度指标", "服务对象满意度", "定量", "≥90", "%"},
};

Table<TargetRow> Make(const std::vector<Row>& rows) {
  Table<TargetRow> t;
  t.present = true;
  int line = 2;
  for (const auto& r : rows) {
    TargetRow row;
    row.level1 = r.l1;
    row.level2 = r.l2;
    row.level3 = r.l3;
    row.value_type = r.type;
    row.value = r.value;
    row.unit = r.unit;
    row.line = line++;
    t.rows.push_back(row);
  }
  return t;
}

Case Budget(int64_t service_quantity, int64_t meal_fen) {
  Case c;
  c.budget.present = true;
  c.budget.file = "budget.csv";
  BudgetLine line;
  line.seq = "1";
  line.details.push_back({"居家养老上门服务", "区级", Money{162000000}, Rational(45),
                          Rational(service_quantity), "", 2});
  line.details.push_back(
      {"助餐服务", "区级", Money{meal_fen}, Rational(10), Rational(54000), "", 3});
  line.details.push_back(
      {"服务人员培训", "区级", Money{4000000}, Rational(800), Rational(50), "", 4});
  c.budget.rows.push_back(line);
  return c;
}

TargetProject Project(int64_t fiscal_wan, const char* annual) {
  TargetProject p;
  p.present = true;
  p.overall_goal = "总目标";
  p.annual_goal = annual;
  p.total_funds = Money{220 * 1000000};
  p.fiscal_funds = Money{fiscal_wan * 1000000};
  p.other_funds = Money{20 * 1000000};
  return p;
}

bool Has(const std::vector<Issue>& issues, const std::string& rule) {
  return std::any_of(issues.begin(), issues.end(), [&](const Issue& i) { return i.rule == rule; });
}

std::vector<Issue> Run(const std::vector<Row>& rows, const Case* budget = nullptr,
                       const TargetProject* project = nullptr) {
  Table<TargetRow> t = Make(rows);
  return Check({t, project, budget});
}

std::vector<Row> With(std::function<void(std::vector<Row>&)> change) {
  std::vector<Row> rows = kGood;
  change(rows);
  return rows;
}

}  // namespace

TEST_CASE("the good table passes every rule, with its budget and project") {
  Case budget = Budget(36000, 54000000);
  TargetProject project = Project(200, "年度目标");
  auto issues = Run(kGood, &budget, &project);
  for (const auto& i : issues) FAIL(i.rule + " " + i.message);
  CHECK(issues.empty());
}

TEST_CASE("each rule trips on its defect") {
  struct Trip {
    const char* rule;
    std::vector<Row> rows;
  };
  std::vector<Trip> trips = {
      {"T01", With([](auto& r) {
         r.push_back({"管理指标", "制度", "制度健全性", "定性", "健全", ""});
       })},
      {"T02", With([](auto& r) { r[5].l2 = "数量指标"; })},
      {"T03", With([](auto& r) { r.erase(r.begin() + 2); })},
      {"T04", With([](auto& r) { r.erase(r.begin() + 4); })},
      {"T05", With([](auto& r) {
         r[2].value = "较高";
         r[2].type = "";
       })},
      {"T06", With([](auto& r) { r[2].value = "95"; })},
      {"T07", With([](auto& r) { r[1].unit = ""; })},
      {"T08", With([](auto& r) {
         r[2].value = "完成率100%";
         r[2].type = "";
         r[2].unit = "";
       })},
      {"T09", With([](auto& r) {
         r[4].value = "≤95%";
         r[4].unit = "";
       })},
      {"T10", With([](auto& r) {
         r[3].value = "及时";
         r[3].type = "定性";
         r[3].unit = "";
       })},
      {"T11", With([](auto& r) { r[5].value = "≥120"; })},
      {"T12", With([](auto& r) { r[6].value = "≥70"; })},
      {"T13", With([](auto& r) { r.push_back(r[5]); })},
      {"T14", With([](auto& r) { r[0].type = "定性"; })},
      {"T19", std::vector<Row>(kGood.begin(), kGood.begin() + 4)},
  };
  for (const auto& trip : trips) {
    INFO(trip.rule);
    CHECK(Has(Run(trip.rows), trip.rule));
    CHECK_FALSE(Has(Run(kGood), trip.rule));
  }
}

TEST_CASE("budget rules trip on mismatched quantities, prices and total cost") {
  Case good = Budget(36000, 54000000);
  CHECK_FALSE(Has(Run(kGood, &good), "T15"));
  CHECK_FALSE(Has(Run(kGood, &good), "T16"));
  CHECK_FALSE(Has(Run(kGood, &good), "T17"));
  Case quantity = Budget(30000, 54000000);
  CHECK(Has(Run(kGood, &quantity), "T15"));
  Case price = Budget(36000, 56000000);
  auto issues = Run(kGood, &price);
  CHECK(Has(issues, "T16"));
  CHECK(Has(issues, "T17"));  // 222万元 ≠ ≤220万元
  auto t16 =
      std::find_if(issues.begin(), issues.end(), [](const Issue& i) { return i.rule == "T16"; });
  CHECK(t16->file == "budget.csv");
  CHECK(t16->row == 3);
}

TEST_CASE("project header: missing goals and unbalanced funds") {
  TargetProject good = Project(200, "年度目标");
  CHECK_FALSE(Has(Run(kGood, nullptr, &good), "T18"));
  TargetProject unbalanced = Project(180, "年度目标");
  CHECK(Has(Run(kGood, nullptr, &unbalanced), "T18"));
  TargetProject empty = Project(200, "");
  CHECK(Has(Run(kGood, nullptr, &empty), "T18"));
}

TEST_CASE("every rule has a test above and a principle") {
  CHECK(Rules().size() == 19);
  for (const auto& r : Rules()) CHECK(std::string(r.principle).size() > 0);
}

}  // namespace jixiao::targets
