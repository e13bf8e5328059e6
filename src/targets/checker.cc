#include "targets/checker.h"

#include <algorithm>
#include <stdexcept>

#include "core/format.h"
#include "core/text.h"
#include "targets/rules.h"

namespace jixiao::targets {

const std::vector<RuleInfo>& Rules() {
  static const std::vector<RuleInfo> kRules = {
      {"T01", "一级指标不规范", "指向明确"},
      {"T02", "二级指标与一级不匹配", "指向明确"},
      {"T03", "缺少必要的指标类别", "细化量化"},
      {"T04", "缺少成本指标", "相应匹配"},
      {"T05", "可量化的指标使用定性值", "细化量化"},
      {"T06", "缺少比较符", "细化量化"},
      {"T07", "缺少计量单位", "细化量化"},
      {"T08", "指标值与指标名称不符", "指向明确"},
      {"T09", "成本指标使用百分比或非金额单位", "相应匹配"},
      {"T10", "时效指标表述模糊", "细化量化"},
      {"T11", "比率超出合理范围", "合理可行"},
      {"T12", "满意度目标不合理", "合理可行"},
      {"T13", "指标重复", "指向明确"},
      {"T14", "指标值类型与指标值不一致", "指向明确"},
      {"T15", "数量目标低于预算数量", "相应匹配"},
      {"T16", "单价×数量与金额不符", "相应匹配"},
      {"T17", "成本目标与预算不符", "相应匹配"},
      {"T18", "申报表表头不完整或资金不平", "相应匹配"},
      {"T19", "指标数量过少", "细化量化"},
      {"T20", "旧版或错位的指标结构", "指向明确"},
      {"T21", "指标值或名称为空或无法读取", "细化量化"},
      {"T22", "模板占位行未删除", "指向明确"},
      {"T23", "质量指标未量化", "细化量化"},
      {"T24", "成本指标未量化", "细化量化"},
      {"T25", "合计与明细不符", "相应匹配"},
      {"T26", "产出指标重复列为效益", "指向明确"},
      {"T27", "计量单位不一致", "指向明确"},
      {"T28", "产出数量只计项目本身", "细化量化"},
      {"T29", "数量目标与预算规模不符", "相应匹配"},
      {"T30", "经济效益只写方向", "细化量化"},
      {"T31", "全角数字已按半角读取", "细化量化"},
  };
  return kRules;
}

const RuleInfo* FindRule(const std::string& code) {
  for (const auto& r : Rules())
    if (code == r.code) return &r;
  return nullptr;
}

std::string WanYuanText(Money m) {
  if (m.fen % 1000000 == 0 || m.fen % 100 != 0) {
    return TrimmedDecimal(Rational(m.fen, 1000000)) + "万元";
  }
  return GroupThousands(TrimmedDecimal(Rational(m.fen, 100))) + "元";
}

namespace {

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Digits runs of a text: "2025年12月31日" -> {2025, 12, 31}; "202012" -> {202012}.
std::vector<long> Numbers(const std::string& s) {
  std::vector<long> out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] >= '0' && s[i] <= '9') {
      long n = 0;
      size_t digits = 0;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 9)
        n = n * 10 + (s[i++] - '0'), ++digits;
      out.push_back(n);
    } else {
      ++i;
    }
  }
  return out;
}

// The project's deadline as "2025年12月31日": from 计划完成日期 in any common form, else from a
// year in the project name (the year's end).
std::string Deadline(const TargetProject* p) {
  if (!p) return "";
  auto n = Numbers(p->end_date);
  int year = 0, month = 0, day = 0;
  if (n.size() == 1 && n[0] >= 190001 && n[0] <= 210012) {
    year = static_cast<int>(n[0] / 100), month = static_cast<int>(n[0] % 100);
  } else if (!n.empty() && n[0] >= 1900 && n[0] <= 2100) {
    year = static_cast<int>(n[0]);
    if (n.size() >= 2) month = static_cast<int>(n[1]);
    if (n.size() >= 3) day = static_cast<int>(n[2]);
  }
  if (year == 0) {
    for (long v : Numbers(p->name))
      if (v >= 1990 && v <= 2100) year = static_cast<int>(v);
    if (year == 0) return "";
  }
  if (month < 1 || month > 12) month = 12, day = 0;
  if (day < 1 || day > DaysInMonth(year, month)) day = DaysInMonth(year, month);
  return FormatDate(year, month, day);
}

}  // namespace

Context::Context(const Input& input) : in(input), rows(Normalize(input.targets)) {
  deadline = Deadline(in.project);
  if (in.budget && !in.budget->budget.rows.empty()) {
    Money sum;
    for (const auto& line : in.budget->budget.rows)
      for (const auto& d : line.details) sum += d.initial;
    budget_total = sum;
  }
  if (in.project && in.project->total_funds && in.project->total_funds->fen > 0) {
    const TargetProject& p = *in.project;
    bool balanced =
        !p.fiscal_funds || !p.other_funds || *p.fiscal_funds + *p.other_funds == *p.total_funds;
    if (balanced) project_total = p.total_funds;
  }
}

Issue& Context::Add(const char* rule, Severity severity, const Row& r, std::string message,
                    std::string suggestion, std::vector<Fix> fixes) {
  std::string indicator = !r.name.empty()                   ? r.name
                          : !Trim(r.source->level3).empty() ? Trim(r.source->level3)
                                                            : Trim(r.source->level2);
  issues.push_back({rule, severity, r.line, indicator, std::move(message), std::move(suggestion),
                    "", std::move(fixes)});
  return issues.back();
}

Issue& Context::AddTable(const char* rule, Severity severity, std::string indicator,
                         std::string message, std::string suggestion) {
  issues.push_back(
      {rule, severity, 0, std::move(indicator), std::move(message), std::move(suggestion), "", {}});
  return issues.back();
}

std::vector<Issue> Check(const Input& in) {
  Context c(in);
  // Exact arithmetic throws on numbers too large for it; the table is then reported, not crashed.
  for (auto family : {TableRules, RowRules, BudgetRules}) {
    try {
      family(c);
    } catch (const std::exception&) {
      c.AddTable("T21", Severity::kError, "全表",
                 "表中的数值过大，无法核算合计、单价×数量或预算（超出精确计算范围）",
                 "核对数值的位数与单位（万元、元）");
    }
  }
  // The table as a whole first, then target rows in order, then budget rows.
  std::stable_sort(c.issues.begin(), c.issues.end(), [](const Issue& a, const Issue& b) {
    return std::make_pair(!a.file.empty(), a.row) < std::make_pair(!b.file.empty(), b.row);
  });
  return std::move(c.issues);
}

}  // namespace jixiao::targets
