// Rows that cannot be checked as written: a template leftover (T22; the table's only cost row
// left empty is to be filled, not deleted) and a value that is blank, only a unit, several targets,
// a grading scale or an unreadable number (T21). Split from row_rules.cc (issue 26, round 7).
// Contract: only appends issues.
#include <string>
#include <vector>

#include "core/text.h"
#include "targets/rules.h"

namespace jixiao::targets {

bool PlaceholderRow(Context& c, const Row& r, bool cost_target) {
  bool optional_cost = false;
  for (const char* w : {"社会", "生态", "环境"})
    optional_cost = optional_cost || r.source->level2.find(w) != std::string::npos;
  // The table's only cost row left empty is the cost target unfilled (T04 asks for one): fill
  // it, do not delete it. 社会/生态成本 rows are optional.
  if (r.placeholder && r.kind == Kind::kCost && !cost_target && !optional_cost) {
    auto total = c.Total();
    std::string fixed = total ? "≤" + WanYuanText(*total) : "";
    c.Add("T22", Severity::kInfo, r,
          "成本指标行“" + Trim(r.source->level2) + "”未填写；每个项目须设成本指标，不宜删除",
          total ? "项目总成本" + fixed : "填写成本目标，如“项目总成本≤X万元”（不超过预算）",
          total ? std::vector<Fix>{{"三级", "项目总成本"}, {"指标值", fixed}} : std::vector<Fix>{});
    return true;
  }
  if (r.placeholder) {
    c.Add("T22", Severity::kInfo, r,
          "模板占位行“" +
              (Trim(r.source->level3).empty() ? Trim(r.source->level2) : Trim(r.source->level3)) +
              "”未填写也未删除",
          "删除该行", {{"", "", true}});
    return true;
  }
  return false;
}

bool UncheckableValue(Context& c, const Row& r) {
  if (r.value.blank) {
    c.Add("T21", Severity::kError, r, "指标值为空，无法考核",
          r.kind == Kind::kTimeliness && !c.deadline.empty()
              ? c.deadline + "前" + DeadlineVerb(r.name)
              : "填写目标值，如“≥X”“=100%”或具体日期");
    return true;
  }
  if (std::string unit = BareUnit(r.value.text); !r.value.numeric && !unit.empty()) {
    std::string shown = unit == "百分比" ? "%" : unit;
    c.Add("T21", Severity::kError, r,
          "指标值“" + r.value.text + "”只有" + (shown == "%" ? "比较符和%" : "单位") +
              "，没有目标数值（模板未填写），无法考核",
          "写出目标数，如“≥X" + shown + "”；与本项目无关的模板指标删去");
    return true;
  }
  if (!r.value.numeric && r.kind == Kind::kQuantity && FiguresInCell(r.value.text) >= 2) {
    c.Add("T21", Severity::kWarning, r,
          "一个单元格写了" + std::to_string(FiguresInCell(r.value.text)) + "个目标（“" +
              r.value.text + "”），无法作为一个指标值考核",
          "拆成单独的指标，每项写比较符、数值和单位");
    return true;
  }
  if (GradingScale(r.value.text)) {
    c.Add("T21", Severity::kError, r,
          "指标值“" + r.value.text + "”是评价等级，不是目标值，无法考核",
          "选定目标，如“≥90%”“≥X人”或“优良”");
    return true;
  }
  if (r.value.unreadable) {
    c.Add("T21", Severity::kError, r,
          "指标值“" + r.value.text + "”中的数值无法准确读取（格式有误或位数过多）",
          "写成“≥3200人”“=100%”“≤220万元”这样的数值");
    return true;
  }
  return false;
}

}  // namespace jixiao::targets
