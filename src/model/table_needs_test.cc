// TablesNeeded: a table is required exactly when a leaf's rule reads it (trial 3 item 9).
#include "model/table_needs.h"

#include <catch2/catch.hpp>

namespace jixiao {
namespace {

Indicator Leaf(const std::string& code, const std::string& name, RuleType type,
               const std::string& metric = "") {
  Indicator leaf;
  leaf.code = code;
  leaf.name = name;
  Rule rule;
  rule.type = type;
  rule.metric = metric;
  leaf.rule = rule;
  return leaf;
}

TEST_CASE("tables needed are the ones a rule reads, named with their indicators") {
  Framework fw;
  Indicator top;
  top.code = "A";
  top.name = "决策";
  top.children = {Leaf("A31", "资金到位率", RuleType::kRatio, "资金到位率"),
                  Leaf("A32", "预算调整率", RuleType::kBands, "预算调整率"),
                  Leaf("A33", "资金到位及时性", RuleType::kTimeliness),
                  Leaf("A11", "立项依据充分性", RuleType::kElements),
                  Leaf("B11", "政策知晓率", RuleType::kBands, "政策知晓率"),
                  Leaf("C11", "完成率", RuleType::kTarget)};
  fw.indicators = {top};
  const auto needs = TablesNeeded(fw);
  REQUIRE(needs.size() == 4);
  CHECK(needs.at("targets.csv") == std::vector<std::string>{"C11 完成率"});
  CHECK(needs.at("funding.csv") == std::vector<std::string>{"A31 资金到位率"});
  CHECK(needs.at("budget.csv") == std::vector<std::string>{"A32 预算调整率"});
  CHECK(needs.at("transfers.csv") == std::vector<std::string>{"A33 资金到位及时性"});
  CHECK(needs.count("history.csv") == 0);
}

TEST_CASE("indicator lists are shortened after the shown names") {
  CHECK(IndicatorList({"A1 甲", "A2 乙"}) == "A1 甲、A2 乙");
  CHECK(IndicatorList({"A1 甲", "A2 乙", "A3 丙"}, 2) == "A1 甲、A2 乙等3项");
  CHECK(IndicatorList({}).empty());
}

}  // namespace
}  // namespace jixiao
