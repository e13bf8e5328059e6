#include "model/selfeval.h"

#include <utility>

#include "core/format.h"
#include "core/quantity.h"
#include "core/text.h"

namespace jixiao {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool IsTemplateText(const std::string& level3) {
  std::string t = Trim(NormalizeWidth(level3));
  if (t.empty()) return true;
  for (const char* s : {"……", "…", "...", "/", "-", "——", "—", "无"})
    if (t == s) return true;
  // "指标1:", "指标2：", "指标 3"
  if (StartsWith(t, "指标")) {
    std::string rest = Trim(t.substr(std::string("指标").size()));
    size_t i = 0;
    while (i < rest.size() && IsAsciiDigit(rest[i])) ++i;
    if (i == 0) return false;
    std::string tail = Trim(rest.substr(i));
    return tail.empty() || tail == ":" || tail == "：" || tail == "." || tail == "、";
  }
  return false;
}

bool IsNotApplicableText(const std::string& text) {
  std::string t = Trim(NormalizeWidth(text));
  return t == "不适用" || t == "不涉及" || t == "/" || t == "—" || t == "——";
}

bool IsInstructionText(const std::string& text) {
  const std::string t = Trim(NormalizeWidth(text));
  return t.find("字以内") != std::string::npos || StartsWith(t, "对照年度目标");
}

SelfEvalTarget ReadSelfEvalTarget(const std::string& printed) {
  SelfEvalTarget out;
  out.value = TargetValue::Parse(printed);
  if (out.value.quantitative && !out.value.comparator_written) {
    out.value.op = CompareOp::kGe;
    out.bare_read_as_ge = true;
  }
  return out;
}

std::string FormatBudgetMoney(const SelfEvalBudget& budget, const Money& amount) {
  return budget.money_unit == "元" ? FormatYuan(amount) : FormatWanYuan(amount);
}

}  // namespace jixiao
