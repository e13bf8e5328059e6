#include "targets/checker.h"

#include <map>
#include <set>

#include "core/format.h"
#include "core/text.h"
#include "model/target_value.h"

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
      {"T09", "金额指标使用百分比", "相应匹配"},
      {"T10", "时效指标表述模糊", "细化量化"},
      {"T11", "比率超出合理范围", "合理可行"},
      {"T12", "满意度目标不合理", "合理可行"},
      {"T13", "指标重复", "指向明确"},
      {"T14", "指标值类型与指标值不一致", "指向明确"},
      {"T15", "数量目标与预算数量不符", "相应匹配"},
      {"T16", "预算单价×数量与金额不符", "相应匹配"},
      {"T17", "成本目标与预算不符", "相应匹配"},
      {"T18", "申报表表头不完整或资金不平", "相应匹配"},
      {"T19", "指标数量过少", "细化量化"},
  };
  return kRules;
}

namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string StripSuffix(std::string s, const std::string& suffix) {
  return EndsWith(s, suffix) && s.size() > suffix.size() ? s.substr(0, s.size() - suffix.size())
                                                         : s;
}

// "产出指标"/"产出目标" -> "产出"; "效果目标" -> "效益".
std::string Level1(const std::string& raw) {
  std::string s = StripSuffix(StripSuffix(raw, "指标"), "目标");
  return s == "效果" ? "效益" : s;
}
std::string Level2(const std::string& raw) { return StripSuffix(raw, "指标"); }

const std::map<std::string, std::set<std::string>>& Allowed() {
  static const std::map<std::string, std::set<std::string>> kAllowed = {
      {"产出", {"数量", "质量", "时效", "成本"}},
      {"效益", {"经济效益", "社会效益", "生态效益", "可持续影响"}},
      {"满意度", {"服务对象满意度", "满意度"}},
      {"成本", {"经济成本", "社会成本", "生态环境成本"}}};
  return kAllowed;
}

bool Quantifiable(const std::string& name) {
  for (const char* word :
       {"率", "数", "量", "人次", "次数", "天数", "金额", "面积", "时长", "户数"})
    if (Contains(name, word)) return true;
  return false;
}

bool MoneyName(const std::string& name) {
  if (Contains(name, "率")) return false;
  for (const char* word : {"成本", "资金", "金额", "费用", "预算", "补助", "经费"})
    if (Contains(name, word)) return true;
  return false;
}

// The "…率" word of a text: the two characters before 率 plus 率 ("准确率", "完成率").
std::string RateWord(const std::string& text) {
  size_t at = text.find("率");
  if (at == std::string::npos || at < 6) return "";
  return text.substr(at - 6, 9);
}

class Checker {
 public:
  explicit Checker(const Input& in) : in_(in) {}

  std::vector<Issue> Run() {
    std::set<std::string> names, level1s;
    std::map<std::string, std::set<std::string>> level2s;
    for (const auto& r : in_.targets.rows) {
      std::string l1 = Level1(r.level1), l2 = Level2(r.level2);
      level1s.insert(l1);
      level2s[l1].insert(l2);
      if (!names.insert(r.level3).second)
        Add("T13", Severity::kWarning, r,
            "三级指标“" + r.level3 + "”重复出现，请合并或改为更具体的名称");
      RowRules(r, l1, l2);
    }
    TableRules(level1s, level2s);
    if (in_.budget) BudgetRules();
    if (in_.project && in_.project->present) ProjectRules();
    return std::move(issues_);
  }

 private:
  void Add(const char* rule, Severity severity, const TargetRow& r, std::string message,
           std::string suggestion = "") {
    issues_.push_back(
        {rule, severity, r.line, r.level3, std::move(message), std::move(suggestion), ""});
  }
  void AddTable(const char* rule, Severity severity, std::string indicator, std::string message,
                std::string suggestion = "") {
    issues_.push_back(
        {rule, severity, 0, std::move(indicator), std::move(message), std::move(suggestion), ""});
  }

  void RowRules(const TargetRow& r, const std::string& l1, const std::string& l2) {
    auto allowed = Allowed().find(l1);
    if (allowed == Allowed().end()) {
      Add("T01", Severity::kError, r, "一级指标“" + r.level1 + "”不在规范结构中",
          "改为产出指标、效益指标、满意度指标或成本指标之一");
    } else if (!allowed->second.count(l2)) {
      std::string options;
      for (const auto& o : allowed->second) options += (options.empty() ? "" : "、") + o;
      Add("T02", Severity::kWarning, r, "二级指标“" + r.level2 + "”不属于“" + r.level1 + "”",
          "改为" + options + "之一，或移到相应的一级指标下");
    }
    TargetValue v = TargetValue::Parse(r.value);
    std::string unit = v.unit.empty() ? r.unit : v.unit;
    if (!v.quantitative) {
      bool timely = l2 == "时效" || Contains(r.level3, "及时") || Contains(r.level3, "时效");
      if (timely &&
          (v.text == "及时" || v.text == "按时" || v.text == "按期" || v.text == "准时")) {
        Add("T10", Severity::kWarning, r, "时效指标只写“" + v.text + "”，没有时限，无法考核",
            "写明时限，如“≤10个工作日”或“≤2025年12月31日”");
      } else if (Quantifiable(r.level3)) {
        Add("T05", Severity::kWarning, r,
            "“" + r.level3 + "”可以量化，却使用定性值“" + v.text + "”",
            Contains(r.level3, "率") ? "改为定量，如“≥95%”" : "改为定量，写出目标数及单位");
      }
      if (r.value_type == "定量")
        Add("T14", Severity::kWarning, r, "指标值类型为定量，指标值“" + v.text + "”却是定性的");
      std::string rate = RateWord(v.text);
      if (!rate.empty() && rate != RateWord(r.level3))
        Add("T08", Severity::kError, r,
            "指标值“" + v.text + "”考察的是“" + rate + "”，与指标名称“" + r.level3 + "”不符",
            "指标值只写目标值，如“=100%”");
      return;
    }
    if (r.value_type == "定性")
      Add("T14", Severity::kWarning, r, "指标值类型为定性，指标值“" + v.text + "”却是数值");
    std::string prefix = v.text.substr(0, v.text.find_first_of("0123456789"));
    std::string rate = RateWord(prefix);
    if (!rate.empty() && rate != RateWord(r.level3))
      Add("T08", Severity::kError, r,
          "指标值“" + v.text + "”考察的是“" + rate + "”，与指标名称“" + r.level3 + "”不符",
          "指标值只写目标值，如“=" + TrimmedDecimal(v.number) + unit + "”");
    if (!v.comparator_written) {
      std::string op = Contains(r.level3, "率") || l2 == "数量" || l2 == "质量" ? "≥" : "=";
      if (Contains(r.level3, "成本") || Contains(r.level3, "时间") || Contains(r.level3, "投诉"))
        op = "≤";
      if (unit == "%" && v.number == Rational(100)) op = "=";
      Add("T06", Severity::kWarning, r, "指标值“" + v.text + "”缺少比较符（≥、≤、=）", op + v.text);
    }
    if (unit.empty())
      Add("T07", Severity::kWarning, r, "指标值“" + v.text + "”没有计量单位",
          "在指标值或计量单位列写明单位（%、人次、万元…）");
    if (unit == "%" && MoneyName(r.level3))
      Add("T09", Severity::kError, r, "“" + r.level3 + "”是金额，指标值却用“%”",
          "改为金额，如“≤" + TrimmedDecimal(v.number) + "万元”");
    if (unit == "%" && (Rational(100) < v.number || v.number.IsNegative()) &&
        !Contains(r.level3, "增长"))
      Add("T11", Severity::kError, r, "比率目标“" + v.text + "”超出0–100%",
          "比率目标应在0–100%之间");
    bool satisfaction = l1 == "满意度" || Contains(r.level3, "满意度");
    if (satisfaction && unit == "%") {
      if (v.number < Rational(80))
        Add("T12", Severity::kWarning, r, "满意度目标“" + v.text + "”过低，低于通常的80%", "≥85%");
      else if (v.number == Rational(100))
        Add("T12", Severity::kWarning, r, "满意度目标100%难以实现，也难以通过抽样问卷验证", "≥95%");
    }
  }

  void TableRules(const std::set<std::string>& level1s,
                  const std::map<std::string, std::set<std::string>>& level2s) {
    auto has2 = [&](const std::string& l1, const std::string& l2) {
      auto it = level2s.find(l1);
      return it != level2s.end() && it->second.count(l2) > 0;
    };
    for (const char* needed : {"数量", "质量", "时效"})
      if (!has2("产出", needed))
        AddTable("T03", Severity::kWarning, std::string("产出指标/") + needed,
                 std::string("缺少产出指标中的“") + needed + "”类目标",
                 std::string("补充") + needed + "指标");
    if (!level1s.count("效益"))
      AddTable("T03", Severity::kWarning, "效益指标", "缺少效益指标",
               "补充社会效益、可持续影响等指标");
    if (!level1s.count("满意度") && !has2("效益", "满意度"))
      AddTable("T03", Severity::kWarning, "满意度指标", "缺少满意度指标",
               "补充服务对象满意度，如“≥90%”");
    if (!has2("产出", "成本") && !level1s.count("成本"))
      AddTable("T04", Severity::kWarning, "成本指标", "没有成本目标；新规要求每个项目设置成本指标",
               "补充成本指标（经济成本：总成本、单位成本等）");
    size_t output_rows = 0;
    for (const auto& r : in_.targets.rows)
      if (Level1(r.level1) == "产出") ++output_rows;
    if (in_.targets.rows.size() < 5 || output_rows < 3)
      AddTable("T19", Severity::kWarning, "全表",
               "共" + std::to_string(in_.targets.rows.size()) + "个指标（产出" +
                   std::to_string(output_rows) + "个），不足以反映项目的产出和效益",
               "将总目标细化分解为不少于5个指标，其中产出指标不少于3个");
  }

  void BudgetRules() {
    Money total;
    for (const auto& line : in_.budget->budget.rows) {
      for (const auto& d : line.details) {
        total += d.initial;
        if (d.unit_price && d.quantity && *d.unit_price * *d.quantity != d.initial.ToYuan())
          issues_.push_back({"T16", Severity::kWarning, d.line, d.detail,
                             "预算明细“" + d.detail + "”单价×数量=" +
                                 GroupThousands((*d.unit_price * *d.quantity).ToDecimal(2)) +
                                 "元，与预算金额" + FormatYuan(d.initial) + "不符",
                             "核对单价、数量或金额", in_.budget->budget.file});
      }
    }
    for (const auto& r : in_.targets.rows) {
      TargetValue v = TargetValue::Parse(r.value);
      if (!v.quantitative) continue;
      std::string unit = v.unit.empty() ? r.unit : v.unit;
      if (Level2(r.level2) == "数量") {
        for (const auto& line : in_.budget->budget.rows)
          for (const auto& d : line.details)
            if (d.quantity && !d.detail.empty() &&
                (Contains(r.level3, d.detail) || Contains(d.detail, r.level3)) &&
                *d.quantity != v.number)
              Add("T15", Severity::kWarning, r,
                  "数量目标" + v.text + "与预算“" + d.detail + "”的数量" +
                      TrimmedDecimal(*d.quantity) + "不符",
                  std::string(v.comparator_written ? CompareOpSymbol(v.op) : "=") +
                      TrimmedDecimal(*d.quantity) + unit);
      }
      bool cost = Level1(r.level1) == "成本" || Level2(r.level2) == "成本";
      if (cost && (unit == "万元" || unit == "元") && Contains(r.level3, "总")) {
        Money target{(v.number * Rational(unit == "万元" ? 1000000 : 100)).RoundScaled(0)};
        if (target != total)
          Add("T17", Severity::kWarning, r,
              "总成本目标" + v.text + (v.unit.empty() ? unit : "") + "与预算合计" +
                  FormatWanYuan(total) + "不符",
              "≤" + GroupThousands(Rational(total.fen, 1000000).ToDecimal(2)) + "万元");
      }
    }
  }

  void ProjectRules() {
    const TargetProject& p = *in_.project;
    if (Trim(p.overall_goal).empty() || Trim(p.annual_goal).empty())
      AddTable("T18", Severity::kWarning, "项目信息", "申报表缺少总目标或年度目标",
               "在 project.json 中填写“总目标”“年度目标”");
    if (p.total_funds && p.fiscal_funds && p.other_funds &&
        *p.fiscal_funds + *p.other_funds != *p.total_funds)
      AddTable("T18", Severity::kError, "项目信息",
               "财政资金" + FormatWanYuan(*p.fiscal_funds) + " + 其他资金" +
                   FormatWanYuan(*p.other_funds) + "≠ 项目资金总额" + FormatWanYuan(*p.total_funds),
               "核对资金构成");
  }

  const Input& in_;
  std::vector<Issue> issues_;
};

}  // namespace

std::vector<Issue> Check(const Input& in) { return Checker(in).Run(); }

}  // namespace jixiao::targets
