// Row rules by meaning and scale: what a numeric value says against its name, its category and
// the project's funds — a count of 1 of the project itself (T28), a transfer count at the wrong
// scale (T29), a duration under 时效 (T10), a timeliness name with a count (T08), money listed as
// an output quantity (T02). Contract: rules only append issues.
#include "core/format.h"
#include "core/text.h"
#include "targets/rules.h"

namespace jixiao::targets {
namespace {

bool HasAny(const std::string& s, std::initializer_list<const char*> parts) {
  for (const char* p : parts)
    if (s.find(p) != std::string::npos) return true;
  return false;
}

// The value as shown with its unit, also when the unit is in the 计量单位 column (≥1 | 年 -> ≥1年).
std::string WithUnit(const Row& r) { return r.value.text + (r.value.unit.empty() ? r.unit : ""); }

// Units of a length of time (a duration), not of a count per period (1次/月).
bool DurationUnit(const std::string& unit) {
  for (const char* u : {"年", "个月", "月", "天", "日", "周", "小时", "个工作日", "工作日", "分钟"})
    if (unit == u) return true;
  return false;
}

// A 时效 duration that says how long something lasts (维持时效 ≥1年, 资格有效 3年), not when or
// how fast the work is done (办结时限 ≤10个工作日, 完成时限 ≤6个月): a minimum length, or a name of
// validity or upkeep, with no word of getting the work done.
bool LastingNotDeadline(const Row& r) {
  if (r.kind != Kind::kTimeliness || !DurationUnit(r.unit)) return false;
  if (HasAny(r.name,
             {"完成", "办结", "发放", "拨付", "到位", "验收", "支付", "提交", "上报", "报送",
              "开工", "竣工", "响应", "处理", "审核", "兑现", "时限", "用时", "下达"}))
    return false;
  bool minimum = r.value.op == CompareOp::kGe || r.value.op == CompareOp::kGt;
  return minimum || HasAny(r.name, {"有效", "维持", "保持", "持续", "资格", "寿命", "保修", "质保",
                                    "保质", "使用年限", "运行"});
}

// An on-time target whose limit is the whole budget year or more (按时交纳税费 =1年, 及时拨付 12个
// 月): every annual target is within the year, so it names no deadline. A limit (≤6个月) is one.
bool YearAsLimit(const Row& r) {
  if (r.kind != Kind::kTimeliness || !r.value.numeric || r.value.op == CompareOp::kLe ||
      r.value.op == CompareOp::kLt || !HasAny(r.name, {"按时", "及时", "按期", "如期", "准时"}))
    return false;
  if (r.unit == "年") return !(r.value.number < Rational(1));
  if (r.unit == "个月" || r.unit == "月") return !(r.value.number < Rational(12));
  if (r.unit == "天" || r.unit == "日") return !(r.value.number < Rational(365));
  return false;
}

// A name about being on time (按时发放, 及时兑现) whose value is a count (≥1人/年): the value
// measures how many, not whether it was on time. Rates, dates and count names (按时发放人数) are
// not this.
bool TimelinessNameWithCount(const Row& r) {
  return HasAny(r.name, {"按时", "及时", "按期", "准时", "如期"}) &&
         !HasAny(r.name, {"率", "人数", "户数", "人次", "次数", "天数", "数量", "个数", "金额"}) &&
         !r.unit.empty() && r.unit != "%" && !DurationUnit(r.unit) && !r.value.has_date &&
         r.unit.find_first_not_of("0123456789,.") != std::string::npos;  // 44,561 is no unit
}

// Who receives a transfer, named by the program or the group (低保对象, 特困供养人员, 孤儿): their
// count is paid per head, as a 救助/补贴 count is.
bool TransferCount(const std::string& name) {
  return HasAny(
      name, {"救助", "补助", "补贴", "资助", "慰问", "发放", "低保", "特困", "五保", "供养", "孤儿",
             "优抚", "抚恤", "津贴", "困难群众", "贫困人口", "建档立卡", "脱贫人口", "监测对象"});
}

// Scale: a count of 1 of the project itself for a large budget (T28), and a recipient count whose
// implied amount per head is far below any transfer the budget could be (T29).
void ScaleRules(Context& c, const Row& r) {
  auto total = c.Total();
  if (!total || r.kind != Kind::kQuantity) return;
  const Rational wan(1000000);  // fen in one 万元
  Rational fen(total->fen);
  bool one_item = r.value.number == Rational(1) &&
                  HasAny(r.unit, {"项", "场", "届", "次", "期", "种", "类"}) &&
                  r.unit.size() <= 3 &&
                  HasAny(r.name, {"举办", "开展", "组织", "召开", "实施", "完成", "打造", "举行"});
  if (one_item && !(fen < Rational(100) * wan))
    c.Add("T28", Severity::kWarning, r,
          "数量指标“" + r.name + "”只有" + r.value.text + "，只计项目本身，衡量不了" +
              WanYuanText(*total) + "的产出",
          "写出项目内的产出量，如场次、参与人数、天数、服务人次");
  bool transfer = TransferCount(r.name) && (r.unit == "人" || r.unit == "户" || r.unit == "人次");
  if (transfer && !r.value.number.IsZero() && !r.value.number.IsNegative() &&
      fen < Rational(10000) * r.value.number) {
    Rational per = fen / Rational(100) / r.value.number;  // 元 per head
    c.Add("T29", Severity::kWarning, r,
          "按预算" + WanYuanText(*total) + "计，每" + r.unit + "仅" + FormatQuantity(per, "元") +
              "，数量与资金规模不符，可能是所属资金或上级任务的总数",
          "写本项目资金覆盖的数量，或核对预算");
  }
}

// A generic count of beneficiaries (受益人数, 覆盖人口, 服务人次) — not a transfer, so no per-head
// amount is owed — at a scale no budget of this size fits: under 1元 per head (the area's
// population, not the project's), or over 50万元 per head (a handful of people). A notice with both
// figures: the unit knows whether the count is right.
void BeneficiaryScale(Context& c, const Row& r) {
  auto total = c.Total();
  if (!total || TransferCount(r.name) || r.value.number.IsZero() || r.value.number.IsNegative())
    return;
  if (!(r.unit == "人" || r.unit == "户" || r.unit == "人次")) return;
  if (!HasAny(r.name, {"受益", "覆盖", "惠及", "服务对象", "服务人", "辐射"})) return;
  Rational fen(total->fen);
  Rational per = fen / Rational(100) / r.value.number;  // 元 per head
  std::string figures = "按预算" + WanYuanText(*total) + "、" +
                        FormatQuantity(r.value.number, r.unit) + "计，每" + r.unit + "约" +
                        FormatQuantity(per, "元");
  if (per < Rational(1))
    c.Add("T29", Severity::kInfo, r,
          figures + "，受益数量可能是所在地区或上级资金的总数，而非本项目直接受益的数量",
          "写本项目直接受益的人数（或户数），并说明口径");
  else if (Rational(500000) < per)
    c.Add("T29", Severity::kInfo, r, figures + "，受益数量相对资金规模偏少，请核对是否漏计",
          "写本项目全部直接受益的人数（或户数），并说明口径");
}

// A rate of something bad (逾期, 差错, 投诉, 事故 …) whose target asks for a high value
// (逾期发放率 ≥100%): the target reads the wrong way round.
void WrongWayRate(Context& c, const Row& r) {
  if (r.unit != "%" || r.value.number.IsZero()) return;
  if (!HasAny(r.name, {"率", "比例", "占比"})) return;
  if (!HasAny(r.name, {"逾期", "超期", "延误", "差错", "误差", "投诉", "事故", "违规", "违纪",
                       "失误", "变质", "损失", "故障", "返工", "流失", "失败", "不合格"}))
    return;
  if (HasAny(r.name, {"降低", "下降", "减少", "控制", "整改", "处理", "办结", "查处", "处置"}))
    return;
  bool high = r.value.op == CompareOp::kGe || r.value.op == CompareOp::kGt ||
              !(r.value.number < Rational(50));
  if (!high) return;
  c.Add("T08", Severity::kWarning, r,
        "“" + r.name + "”越低越好，目标却写“" + r.value.text + "”，指标值与名称的方向相反",
        "写成上限，如“≤" +
            std::string(HasAny(r.name, {"逾期", "事故", "违规", "违纪"}) ? "0" : "5") +
            "%”，或改为正向指标（如“按时发放率=100%”）");
}

// Words that state a direction (有所提高, 明显改善, 程度较高) and no level anyone could check.
bool VagueWord(const std::string& v) {
  if (v.find_first_of("0123456789") != std::string::npos || v.size() > 24) return false;
  return HasAny(v, {"较高", "较好",   "较大", "较强", "有所", "显著", "明显",
                    "逐步", "进一步", "不断", "稳步", "大幅", "提升", "提高",
                    "改善", "增强",   "加强", "完善", "良好", "促进", "推动"}) ||
         v == "高" || v == "好" || v == "强" ||
         // A bare verb of change (增加, 降低) names no quantity; 增加岗位 names one (DOMAIN:
         // doubtful).
         v == "增加" || v == "增长" || v == "扩大" || v == "减少" || v == "降低" || v == "减轻" ||
         v == "下降" || v == "上升";
}

}  // namespace

void MeaningRules(Context& c, const Row& r) {
  if (LastingNotDeadline(r))
    c.Add("T10", Severity::kWarning, r,
          "时效指标“" + r.name + "”写的是持续多久（" + WithUnit(r) +
              "），不是何时完成或多快完成，无法考核是否按时",
          c.deadline.empty() ? "写明完成或发放的截止日期，如“当年12月31日前" +
                                   DeadlineVerb(r.name) + "”；持续时长可作为可持续影响指标"
                             : "写明截止日期，如“" + c.deadline + "前" + DeadlineVerb(r.name) +
                                   "”；持续时长可作为可持续影响指标");
  if (!LastingNotDeadline(r) && YearAsLimit(r))
    c.Add("T10", Severity::kWarning, r,
          "时效指标“" + r.name + "”的时限是“" + WithUnit(r) +
              "”，即整个预算年度，没有写明何时完成，无法考核是否按时",
          c.deadline.empty()
              ? "写明截止日期，如“当年12月31日前" + DeadlineVerb(r.name) + "”"
              : "写明截止日期，如“" + c.deadline + "前" + DeadlineVerb(r.name) + "”");
  if (TimelinessNameWithCount(r))
    c.Add("T08", Severity::kWarning, r,
          "“" + r.name + "”说的是是否按时，指标值“" + WithUnit(r) + "”却是数量，衡量不了时效",
          "写成时限（如“每月10日前发放”）或比率（如“按时发放率=100%”），并放到时效指标下");
  bool money = false;  // 元, 万元/年, 元/人 — not 单元
  for (const char* u : {"元", "万元", "亿元", "千元"}) money = money || StartsWith(r.unit, u);
  if (r.level2 == Level2::kQuantity && money)
    c.Add("T02", Severity::kWarning, r,
          "数量指标“" + r.name + "”填的是金额（" + WithUnit(r) + "），是投入，不是产出",
          "数量指标写资金换来的产出（完成的件数、人次、面积等）；金额写到成本指标");
  // Staff hired and trips made (聘用调解员人数, 出差人次) are what the money pays for, not what
  // the project delivers; reviewers differ on deducting for it, so a notice.
  if (r.level2 == Level2::kQuantity &&
      HasAny(r.name, {"聘用", "聘请", "招聘", "雇用", "雇佣", "临聘", "出差", "差旅"}))
    c.Add("T02", Severity::kInfo, r,
          "数量指标“" + r.name + "”计的是投入的人员或差旅，不是项目提供的产出",
          "写这些人员完成的工作量，如调解案件数、服务人次、检查户数");
  ScaleRules(c, r);
  BeneficiaryScale(c, r);
  WrongWayRate(c, r);
}

void WordMeaningRules(Context& c, const Row& r) {
  // 经济效益 can always be counted (增收, 节约), so a direction alone is advice to give a figure.
  // 社会/生态效益 and 可持续影响 in words (显著改善, 稳步提高) are passed by reviewers (DOMAIN:
  // doubtful at most; every such row in the corpus was judged clean): no finding.
  if (r.kind != Kind::kEffect || r.level2 != Level2::kEconomic || !VagueWord(r.value.text)) return;
  c.Add("T30", Severity::kInfo, r,
        "经济效益指标“" + r.name + "”写“" + r.value.text + "”，只说了方向，没有可核实的目标",
        "写出可核实的数值，如“节约资金≥X万元”“带动增收≥X万元”“成本降低≥X%”");
}

}  // namespace jixiao::targets
