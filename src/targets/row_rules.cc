// Row rules: what one indicator's name, category and value say (T01, T02, T05–T12, T14, T21–T24,
// T27); rules by meaning and scale are in meaning_rules.cc. Suggestions use the project's deadline
// and total where they are known.
#include <algorithm>
#include <set>

#include "core/format.h"
#include "core/half_width.h"
#include "core/quantity.h"
#include "core/text.h"
#include "targets/rules.h"

namespace jixiao::targets {
namespace {

bool Has(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }
bool HasAny(const std::string& s, std::initializer_list<const char*> parts) {
  for (const char* p : parts)
    if (Has(s, p)) return true;
  return false;
}

bool Quantifiable(const std::string& name) {
  // A name ending in 量 is a quantity (损失量, 产量, 接待量), but 质量 is a quality and 力量, 考量,
  // 衡量 are no amounts.
  bool quantity = EndsWith(name, "量");
  for (const char* not_amount : {"质量", "力量", "考量", "衡量", "分量"})
    quantity = quantity && !EndsWith(name, not_amount);
  return quantity || HasAny(name, {"率", "人数", "人次", "次数", "户数", "天数", "金额", "面积",
                                   "时长", "数量", "个数", "里程"});
}

// A name that a percentage can measure: a rate, a degree, a share, a yes/no question, or a
// property whose share is counted (资金使用合规性 100%: the share of spending that is 合规).
bool MeasuredInPercent(const std::string& name) {
  return EndsWith(name, "性") ||
         HasAny(name, {"率",   "度",   "比例", "比重", "占比", "%",    "％",   "百分",
                       "覆盖", "满意", "知晓", "认可", "增长", "下降", "提高", "降低",
                       "节约", "减少", "是否", "达到", "成活", "参与"});
}

// The name of the rate a survey measures for a satisfaction row whose name is not one: 群众幸福感
// → 群众满意度 (a feeling word 幸福感/获得感/安全感 gives way to 满意度), 服务质量 →
// 服务质量满意度.
std::string SatisfactionRateName(const std::string& name) {
  for (const char* feeling : {"幸福感", "获得感", "安全感", "满足感", "认同感", "归属感"})
    if (EndsWith(name, feeling) && name.size() > std::string(feeling).size())
      return name.substr(0, name.size() - std::string(feeling).size()) + "满意度";
  return name + "满意度";
}

bool LessIsBetter(const Row& r) {
  return r.kind == Kind::kCost || r.kind == Kind::kTimeliness ||
         HasAny(r.name, {"成本", "时间", "时长", "投诉", "误差", "差错", "事故", "费用", "发生率",
                         "争议", "违规", "违纪", "下降", "降低", "减少"});
}

// A count per period (1次/月, 4次/年): more checks or visits are better, also under 时效.
bool Frequency(const std::string& unit) {
  for (const char* count : {"次/", "轮/", "遍/", "趟/", "期/", "场/"})
    if (StartsWith(unit, count)) return true;
  return false;
}

// A percentage whose name is a reduction (降低…的发生 40%, 消耗下降 5%): the size of the drop, more
// is better. A level (发生率, 误差率) is not a reduction.
bool ReductionSize(const Row& r) {
  return r.unit == "%" && HasAny(r.name, {"降低", "下降", "减少"}) &&
         !HasAny(r.name, {"发生率", "误差率", "差错率", "投诉率", "事故率"});
}

std::string ComparatorFor(const Row& r) {
  if ((r.unit == "%" && r.value.number == Rational(100)) || r.value.number.IsZero()) return "=";
  if (Frequency(r.unit) || ReductionSize(r)) return "≥";
  return LessIsBetter(r) ? "≤" : "≥";
}

// The unit a name implies when the value has none: 率 -> %, 人数 -> 人 …; "" when not obvious.
std::string ImpliedUnit(const std::string& name) {
  if (HasAny(name, {"率", "满意度", "比例", "占比", "认可度", "知晓度"})) return "%";
  static const std::pair<const char*, const char*> kUnits[] = {
      {"人次", "人次"}, {"人数", "人"}, {"户数", "户"},   {"次数", "次"},
      {"天数", "天"},   {"年限", "年"}, {"公里", "公里"}, {"人口", "人"},
      {"车辆数", "辆"}, {"台数", "台"}, {"个数", "个"},   {"套数", "套"}};
  for (const auto& [word, unit] : kUnits)
    if (Has(name, word)) return unit;
  return "";
}

// The rate word of a text: the two characters before 率 plus 率 ("准确率", "完成率").
std::string RateWord(const std::string& text) {
  size_t at = text.find("率");
  if (at == std::string::npos || at < 6) return "";
  return text.substr(at - 6, 9);
}

// Rate wording for a qualitative 质量 value: "准确（按市残联通知人数和金额）" -> 准确率, =100%.
std::pair<std::string, std::string> QualityRate(const std::string& value) {
  if (Has(value, "准确")) return {"准确率", "=100%"};
  if (HasAny(value, {"合规", "规范", "严格执行", "符合"})) return {"合规率", "=100%"};
  if (Has(value, "到位")) return {"到位率", "=100%"};
  if (Has(value, "合格")) return {"合格率", "=100%"};
  if (Has(value, "达标")) return {"达标率", "=100%"};
  return {"达标率", "≥95%"};
}

std::string RateName(const std::string& name, const std::string& rate) {
  if (Has(name, "率")) return name;
  if (EndsWith(name, "性")) return name.substr(0, name.size() - std::string("性").size()) + "率";
  std::string stem = rate.substr(0, rate.size() - std::string("率").size());
  if (EndsWith(name, stem)) return name + "率";
  // A name that is a clause (建设符合验收要求) takes “的比例”: glued to a rate word it reads as
  // one word that means nothing (建设符合验收要求合规率, trial 3 item 17).
  if (HasAny(name, {"符合", "达到", "满足", "按照", "执行"})) return name + "的比例";
  return name + rate;
}

bool TotalCostName(const std::string& name) {
  return HasAny(name, {"总成本", "项目成本", "建设成本", "成本控制", "资金成本", "总额", "总投资",
                       "项目总", "成本"}) &&
         !HasAny(name, {"单位", "单项", "每", "人均", "单价", "标准"});
}

// A unit that names money or is read as money in tables (万, 万/月, /株 under a name in 元/株).
bool MoneyUnit(const std::string& unit, const std::string& name) {
  return Has(unit, "元") || Has(name, "元") || StartsWith(unit, "万") || StartsWith(unit, "亿") ||
         StartsWith(unit, "千") || StartsWith(unit, "/");
}

// A count named by households (…户数) whose unit counts persons (人, 人次, 人/次), or the reverse.
bool CountKindClash(const Row& r) {
  std::string implied = ImpliedUnit(r.name);
  bool person_unit = StartsWith(r.unit, "人");
  bool household_unit = StartsWith(r.unit, "户");
  // 脱贫户人口数 counts the persons of households: a name that speaks of both is not a clash.
  return (implied == "户" && person_unit && r.name.find("人") == std::string::npos) ||
         ((implied == "人" || implied == "人次") && household_unit &&
          r.name.find("户") == std::string::npos);
}

// " (44561 is the spreadsheet serial of 2021年12月31日)" for a number a spreadsheet printed from a
// date cell; "" for other numbers.
// A figure read out of a sentence ("群众满意度达95%以上。"): words other than a comparator before
// the figure, or a closing 。. The reader takes the figure; the unit is told to write only the
// target.
bool WrittenAsSentence(const std::string& text) {
  std::string s = Trim(NormalizeWidth(text));  // ≥１００个 is a figure, not words
  if (EndsWith(s, "。")) return true;
  std::string before = s.substr(0, std::min(s.find_first_of("0123456789"), s.size()));
  for (const char* word :
       {"大于等于", "小于等于", "不低于", "不少于", "不高于", "不超过", "不大于",
        "不小于",   "大于",     "小于",   "等于",   "低于",   "高于",   "超过",
        "达到",     "≥",        "≤",      "＞",     "＜",     ">",      "<",
        "=",        "＝",       "≧",      "≦",      "±",      " "}) {  // ±3%以内 is a tolerance,
                                                                       // not a sentence
    for (size_t at; (at = before.find(word)) != std::string::npos;)
      before.erase(at, std::string(word).size());
  }
  for (unsigned char ch : before)
    if (ch >= 0x80) return true;  // a Chinese word left: 群众满意度达
  return false;
}

std::string ExcelDateNote(const Value& v) {
  if (!v.numeric || v.number < Rational(36526) || Rational(73051) < v.number) return "";
  long long days = 0;
  for (char ch : v.text)
    if (ch >= '0' && ch <= '9') days = days * 10 + (ch - '0');
  if (Rational(days) != v.number) return "";
  // Days since 1899-12-30 to a civil date (H. Hinnant's days_from_civil, inverted).
  long long z = days - 25569 + 719468;  // 25569 = 1970-01-01
  long long era = z / 146097, doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  long long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
  long long y = yoe + era * 400 + (m <= 2);
  return "（" + std::to_string(days) + "像是电子表格把日期" + std::to_string(y) + "年" +
         std::to_string(m) + "月" + std::to_string(d) + "日存成的序号）";
}

void Level2Rules(Context& c, const Row& r) {
  if (r.l1.level == Level1::kUnknown) {
    c.Add("T01", Severity::kError, r, "一级指标“" + Trim(r.source->level1) + "”不在规范结构中",
          "改为产出指标、效益指标、满意度指标或成本指标之一，或删去该行");
    return;
  }
  bool satisfaction_name = IsSatisfactionName(r.name);
  if (satisfaction_name && r.level1 == Level1::kOutput) {
    c.Add("T02", Severity::kWarning, r, "满意度“" + r.name + "”放在了产出指标下",
          "移到满意度指标/服务对象满意度指标",
          {{"一级", "满意度指标"}, {"二级", "服务对象满意度指标"}});
    return;
  }
  bool under_satisfaction = r.level2 == Level2::kSatisfaction ||
                            (r.level1 == Level1::kSatisfaction && r.level2 == Level2::kBlank);
  if (under_satisfaction && !satisfaction_name &&
      !HasAny(r.name, {"满意", "认可", "认同", "好评", "评价", "获得感", "幸福感", "投诉", "知晓",
                       "信任", "支持", "称赞", "口碑"})) {
    c.Add("T02", Severity::kWarning, r,
          "“" + r.name + "”放在满意度指标下，但它衡量的不是服务对象的满意程度",
          "满意度指标写问卷可验证的满意度（如“受益群众满意度≥90%”）；此项移到质量或效益指标");
    return;
  }
  static const std::set<std::pair<Level1, Level2>> kAllowed = {
      {Level1::kOutput, Level2::kQuantity},      {Level1::kOutput, Level2::kQuality},
      {Level1::kOutput, Level2::kTimeliness},    {Level1::kOutput, Level2::kCost},
      {Level1::kOutput, Level2::kBudgetControl}, {Level1::kEffect, Level2::kEconomic},
      {Level1::kEffect, Level2::kSocial},        {Level1::kEffect, Level2::kEcological},
      {Level1::kEffect, Level2::kSustainable},   {Level1::kEffect, Level2::kMixedEffect},
      {Level1::kEffect, Level2::kSatisfaction},  {Level1::kSatisfaction, Level2::kSatisfaction},
      {Level1::kCost, Level2::kEconomicCost},    {Level1::kCost, Level2::kSocialCost},
      {Level1::kCost, Level2::kEcoCost},         {Level1::kCost, Level2::kCost}};
  bool checkable = r.level1 == Level1::kOutput || r.level1 == Level1::kEffect ||
                   r.level1 == Level1::kSatisfaction || r.level1 == Level1::kCost;
  if (!checkable || r.level2 == Level2::kBlank) return;
  if (r.level2 == Level2::kUnknown || !kAllowed.count({r.level1, r.level2})) {
    const char* options =
        r.level1 == Level1::kOutput ? "数量指标、质量指标、时效指标、成本指标"
        : r.level1 == Level1::kEffect ? "经济效益指标、社会效益指标、生态效益指标、可持续影响指标"
        : r.level1 == Level1::kCost ? "经济成本指标、社会成本指标、生态环境成本指标"
                                    : "服务对象满意度指标";
    c.Add("T02", Severity::kWarning, r,
          "二级指标“" + Trim(r.source->level2) + "”不属于“" + Level1Name(r.level1) + "”",
          std::string("改为") + options + "之一，或移到相应的一级指标下");
  }
}

void QualitativeRules(Context& c, const Row& r) {
  const std::string& v = r.value.text;
  if (r.source->value_type == "定量" && !r.value.has_date)  // a date or deadline is measurable
    c.Add("T14", Severity::kWarning, r, "指标值类型为定量，指标值“" + v + "”却是定性的");
  std::string rate = RateWord(v);
  if (!rate.empty() && rate != RateWord(r.name)) {
    c.Add("T08", Severity::kError, r,
          "指标值“" + v + "”考察的是“" + rate + "”，与指标名称“" + r.name + "”不符", "=100%",
          {{"指标值", "=100%"}});
    return;
  }
  WordMeaningRules(c, r);
  switch (r.kind) {
    case Kind::kTimeliness: {
      if (r.value.has_date) return;
      std::string message = "时效指标写“" + v + "”，没有日期、期限或时长，无法考核";
      if (c.deadline.empty()) {
        c.Add("T10", Severity::kWarning, r, message,
              "写明截止日期，如“" + DeadlineVerb(r.name) +
                  "时间≤当年12月31日”，或时限如“≤10个工作日”");
      } else {
        std::string fixed = c.deadline + "前" + DeadlineVerb(r.name);
        c.Add("T10", Severity::kWarning, r, message, fixed, {{"指标值", fixed}});
      }
      return;
    }
    case Kind::kQuality: {
      if (v.find_first_of("0123456789") != std::string::npos) {
        // Figures inside prose (返本20%，分红按8%): measurable, but not as one value.
        c.Add("T23", Severity::kWarning, r,
              "质量指标把数值写在文字里（“" + v + "”），无法作为一个指标值考核",
              "拆成单独的指标，每项写比较符、数值和单位");
        return;
      }
      auto [rate_word, target] = QualityRate(v);
      std::string name = RateName(r.name, rate_word);
      std::vector<Fix> fixes = {{"指标值", target}};
      if (name != r.name) fixes.insert(fixes.begin(), {"三级", name});
      c.Add("T23", Severity::kWarning, r,
            "质量指标写“" + v + "”，是定性描述，而" + rate_word + "可以计量", name + target, fixes);
      return;
    }
    case Kind::kCost: {
      // 社会成本 and 生态环境成本 may be described in words (2021 central guidance); 经济成本 may
      // not.
      bool social_or_ecological =
          r.level2 == Level2::kSocialCost || r.level2 == Level2::kEcoCost ||
          HasAny(r.name, {"社会成本", "生态环境成本", "生态成本", "环境成本"});
      if (r.value.has_amount || social_or_ecological) return;
      std::string message = "成本指标写“" + v + "”，没有金额";
      auto total = c.Total();
      size_t cost_rows = 0;
      for (const auto& other : c.rows) cost_rows += other.kind == Kind::kCost && !other.placeholder;
      if (total && (TotalCostName(r.name) || cost_rows == 1)) {
        std::string fixed = "≤" + WanYuanText(*total);
        std::vector<Fix> fixes = {{"指标值", fixed}};
        if (Has(r.name, "率")) fixes.insert(fixes.begin(), {"三级", "项目总成本"});
        c.Add("T24", Severity::kWarning, r, message, "项目总成本" + fixed, fixes);
      } else {
        c.Add("T24", Severity::kWarning, r, message,
              "写明金额：单位成本如“≤X元/人”，总成本如“≤X万元”（不超过预算）");
      }
      return;
    }
    case Kind::kQuantity:
    case Kind::kSatisfaction: {
      std::string figure = ProseFigure(v);
      bool satisfaction = r.kind == Kind::kSatisfaction;
      if (!figure.empty() && (!satisfaction || EndsWith(figure, "%"))) {
        // The target is there, inside a sentence (群众满意度达95%以上。): readable, so advice.
        c.Add("T05", Severity::kInfo, r,
              "目标值写在句子里（“" + v + "”），应只写比较符、数值和单位", figure,
              {{"指标值", figure}});
      } else if (satisfaction && !MeasuredInPercent(r.name)) {
        // 群众幸福感 with “≥90%” would be T08 (not a rate): the name becomes the survey's rate.
        const std::string rate = SatisfactionRateName(r.name);
        c.Add("T05", Severity::kWarning, r, "满意度写“" + v + "”，应为问卷可验证的百分比",
              "“" + rate + "”≥90%", {{"三级", rate}, {"指标值", "≥90%"}});
      } else if (satisfaction) {
        c.Add("T05", Severity::kWarning, r, "满意度写“" + v + "”，应为问卷可验证的百分比", "≥90%",
              {{"指标值", "≥90%"}});
      } else {
        c.Add("T05", Severity::kWarning, r, "数量指标写“" + v + "”，没有目标数",
              "写出目标数及单位，如“≥X人次”");
      }
      return;
    }
    default:
      if (Quantifiable(r.name))
        c.Add("T05", Severity::kWarning, r, "“" + r.name + "”可以量化，却使用定性值“" + v + "”",
              Has(r.name, "率") ? "改为定量，如“≥95%”" : "改为定量，写出目标数及单位");
      else if (r.kind == Kind::kEffect && r.level2 != Level2::kEconomic && HedgedDirection(v))
        c.Add("T05", Severity::kInfo, r,
              "效益指标“" + r.name + "”写“" + v + "”，只说会有变化，没有可核实的程度",
              "写出可核实的目标，如“…达标率≥X%”“较上年提高X个百分点”；确难量化的，写明评判标准");
  }
}

void NumericRules(Context& c, const Row& r) {
  const Value& v = r.value;
  if (WrittenAsSentence(v.text)) {
    std::string figure = ProseFigure(v.text);
    if (!figure.empty())
      c.Add("T05", Severity::kInfo, r,
            "目标值写在句子里（“" + v.text + "”），应只写比较符、数值和单位", figure,
            {{"指标值", figure}});
  }
  if (r.source->value_type == "定性")
    c.Add("T14", Severity::kWarning, r, "指标值类型为定性，指标值“" + v.text + "”却是数值");
  bool percent = r.unit == "%";
  if (percent && !MeasuredInPercent(r.name) && r.kind != Kind::kCost)
    c.Add("T08", Severity::kWarning, r,
          "“" + r.name + "”不是比率，指标值" + v.text + "衡量的是什么不清楚",
          "把名称改为可计量的比率（如“…准确率”“…完成率”），或写出数量目标");
  if (!v.op_written) {
    std::string op = ComparatorFor(r);
    c.Add("T06", Severity::kInfo, r, "指标值“" + v.text + "”缺少比较符（≥、≤、=）", op + v.text,
          {{"指标值", op + v.text}});
  }
  if (r.kind == Kind::kTimeliness && !v.has_date &&
      (r.unit.empty() || r.unit.find_first_not_of("0123456789,.") == std::string::npos))
    c.Add("T10", Severity::kWarning, r,
          "时效指标只写了数字“" + v.text + "”，没有时间单位或日期，时限不明" + ExcelDateNote(v),
          "写明截止日期或时长，如“2025年12月31日前完成”“≤6个月”");
  if (r.kind == Kind::kCost && v.number.IsZero() && MoneyUnit(r.unit, r.name) &&
      r.level2 != Level2::kSocialCost && r.level2 != Level2::kEcoCost)
    c.Add("T24", Severity::kWarning, r,
          "成本指标“" + r.name + "”写“" + v.text + (v.unit.empty() ? r.unit : "") +
              "”，金额为零，无法考核（小额经费按万元取整后常成为0）",
          "写出实际金额，必要时以元为单位，如“≤1250元”");
  if (r.kind == Kind::kCost && !r.unit.empty() && r.unit != "%" && !MoneyUnit(r.unit, r.name) &&
      r.level2 != Level2::kSocialCost && r.level2 != Level2::kEcoCost &&
      !HasAny(r.name, {"社会成本", "生态环境成本", "生态成本", "环境成本"}))
    c.Add("T09", Severity::kWarning, r,
          "成本指标“" + r.name + "”的单位是“" + r.unit + "”，不是金额",
          "写成金额，如“≤350元/人·天”或“≤X万元”");
  MeaningRules(c, r);
  if (r.unit.empty()) {
    std::string implied = ImpliedUnit(r.name);
    std::string op = v.op_written ? "" : ComparatorFor(r);
    if (implied.empty())
      c.Add("T07", Severity::kWarning, r, "指标值“" + v.text + "”没有计量单位",
            "在指标值或计量单位列写明单位（%、人次、万元…）");
    else {
      // A satisfaction figure outside 80–100 (a score where the target belongs: 满意度 20) is
      // suggested as T12 would have it, never as a rate T12 rejects.
      std::string fixed = op + v.text + implied;
      if (implied == "%" && r.kind == Kind::kSatisfaction && v.number < Rational(80))
        fixed = "≥85%";
      else if (implied == "%" && r.kind == Kind::kSatisfaction && !(v.number < Rational(100)))
        fixed = "≥95%";
      c.Add("T07", Severity::kInfo, r,
            "指标值“" + v.text + "”没有写单位（按名称应为“" + implied + "”）", fixed,
            {{"指标值", fixed}});
    }
  } else if (!v.unit.empty() && !r.unit_column.empty()) {
    std::string column = r.unit_column == "百分比" ? "%" : r.unit_column;
    if (column != v.unit)
      c.Add("T27", Severity::kWarning, r,
            "指标值的单位“" + v.unit + "”与计量单位列“" + column + "”不一致", "统一为一个单位");
  }
  if (CountKindClash(r))
    c.Add("T27", Severity::kWarning, r,
          "“" + r.name + "”按" + ImpliedUnit(r.name) + "计，指标值的单位却是“" + r.unit + "”",
          "统一计数对象：按户写“≥X户”，按人写“≥X人”并改名为“…人数”");
  if (!percent && !r.unit.empty() && EndsWith(r.name, "率") &&
      HasAny(r.unit, {"人", "个", "次", "户", "元", "亩", "座", "公里"}))
    c.Add("T27", Severity::kWarning, r, "“" + r.name + "”是比率，单位却是“" + r.unit + "”",
          "写成百分比，或把名称改为数量");
  bool money_name = HasAny(r.name, {"成本", "资金", "金额", "费用", "经费"}) && !Has(r.name, "率");
  if (percent && (r.kind == Kind::kCost || (money_name && r.kind == Kind::kOther))) {
    auto total = c.Total();
    std::string fixed = total ? "≤" + WanYuanText(*total) : "";
    std::vector<Fix> fixes;
    if (total && TotalCostName(r.name)) {
      if (Has(r.name, "率")) fixes.push_back({"三级", "项目总成本"});
      fixes.push_back({"指标值", fixed});
    }
    c.Add("T09", Severity::kError, r, "成本指标“" + r.name + "”写成百分比" + v.text + "，应为金额",
          fixes.empty() ? "改为金额，如单位成本“≤X元/人”或总成本“≤X万元”" : "项目总成本" + fixed,
          fixes);
  }
  if (percent && (Rational(100) < v.number || v.number.IsNegative()) &&
      !HasAny(r.name, {"增长", "提高", "增加", "同比", "增幅"}))
    // A 满意度 gets what T12 accepts (never 100%); other rates are capped at 100%.
    c.Add("T11", Severity::kError, r, "比率目标" + v.text + "超出0–100%",
          r.kind == Kind::kSatisfaction ? "≥95%" : "=100%",
          {{"指标值", r.kind == Kind::kSatisfaction ? "≥95%" : "=100%"}});
  if (r.kind == Kind::kSatisfaction && percent) {
    if (v.number < Rational(80))
      c.Add("T12", Severity::kWarning, r, "满意度目标" + v.text + "低于通常的80%", "≥85%",
            {{"指标值", "≥85%"}});
    else if (v.number == Rational(100) && v.op != CompareOp::kLe && v.op != CompareOp::kLt)
      c.Add("T12", Severity::kWarning, r,
            "满意度目标定为100%不符合“合理可行”原则，也难以用抽样问卷验证", "≥95%",
            {{"指标值", "≥95%"}});
  }
}

}  // namespace

std::string DeadlineVerb(const std::string& name) {
  if (Has(name, "发放")) return "发放完毕";
  if (HasAny(name, {"拨付", "下达", "到位"})) return "拨付到位";
  if (Has(name, "支付")) return "支付完毕";
  if (HasAny(name, {"报送", "提交", "上报", "报告"})) return "提交";
  if (Has(name, "验收")) return "完成验收";
  return "完成";
}

void RowRules(Context& c) {
  bool any_level2 = false, shifted = false;
  for (const auto& r : c.rows) {
    any_level2 = any_level2 || r.level2 != Level2::kBlank;
    shifted = shifted || r.l1.shifted;
  }
  bool cost_target = false;
  for (const auto& r : c.rows)
    cost_target = cost_target || (r.kind == Kind::kCost && !r.placeholder);
  for (const auto& r : c.rows) {
    if (PlaceholderRow(c, r, cost_target)) continue;
    if (Trim(r.source->level3).empty())
      c.Add("T21", Severity::kError, r, "三级指标名称为空", "写明指标名称");
    else if (NotAName(r.source->level3))
      c.Add("T21", Severity::kWarning, r,
            "三级指标名称“" + Trim(r.source->level3) + "”不是指标名称（模板未填写）",
            "写明指标名称，如“项目总成本”；不适用的模板行删去");
    if (any_level2 && !shifted && r.level2 == Level2::kBlank && r.level1 != Level1::kUnknown)
      c.Add("T21", Severity::kWarning, r, "二级指标为空",
            "写明二级指标（如数量指标、社会效益指标）");
    if (r.value.full_width)  // the one full-width reading, said at the cell (issue 21)
      c.Add("T31", Severity::kInfo, r, HalfWidthNotice(r.value.typed, r.value.text), r.value.text,
            {{"指标值", r.value.text}});
    Level2Rules(c, r);
    if (UncheckableValue(c, r)) continue;
    if (r.value.numeric)
      NumericRules(c, r);
    else
      QualitativeRules(c, r);
  }
}

}  // namespace jixiao::targets
