// CheckCase on a hand-built one-leaf framework: what it warns about a case's findings.
#include "scoring/checks.h"

#include <catch2/catch.hpp>

namespace jixiao {
namespace {

Framework OneTarget(Rule rule) {
  Framework fw;
  fw.id = "t";
  fw.total = Score{400};
  fw.grades = {{"优", Score{9000}}, {"不合格", Score{0}}};
  Indicator top;
  top.code = "A";
  top.name = "一级";
  top.weight = Score{400};
  Indicator leaf;
  leaf.code = "A1";
  leaf.name = "台账更新";
  leaf.weight = Score{400};
  leaf.rule = rule;
  top.children.push_back(leaf);
  fw.indicators.push_back(top);
  return fw;
}

}  // namespace

TEST_CASE(
    "a level picked on a qualitative target with national bands is used, not called ignored") {
  // Issue 23 walkthrough (大英经开区 2020): 部分达成 at 70% on D141 scored 70% while validate
  // warned "不按档次评分，level 将被忽略" at case.json.
  Rule r;
  r.type = RuleType::kTarget;
  r.target_name = "台账更新";
  r.partly = Rational(1, 2);
  r.national_bands = true;
  Case c;
  Finding f;
  f.level = "部分达成";
  f.share = Rational(7, 10);
  c.findings["A1"] = f;
  auto ignored = [&](const Framework& fw) {
    Diagnostics diags;
    CheckCase(fw, c, diags);
    for (const auto& d : diags.items())
      if (d.code == "finding.level_ignored") return true;
    return false;
  };
  CHECK_FALSE(ignored(OneTarget(r)));
  r.national_bands = false;  // without bands the level is indeed not used
  CHECK(ignored(OneTarget(r)));
}

}  // namespace jixiao
