// Table rules: structure and completeness of the whole table (T03, T04, T13, T19, T20, T21 for a
// table without 二级), 其中/合计 rows against their parts (T25), outputs restated as effects (T26).
#include <map>
#include <set>

#include "core/format.h"
#include "core/text.h"
#include "targets/rules.h"
#include "targets/terms.h"

namespace jixiao::targets {
namespace {

bool Has(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

void StructureRules(Context& c) {
  std::set<std::string> old_names, shifted_names, generic_names;
  std::vector<Fix> old_fixes, shifted_fixes, generic_fixes;
  std::string generic_lines;  // 第2、3、4
  for (const auto& r : c.rows) {
    std::string raw = Trim(r.source->level1);
    if (r.l1.old_structure) {
      old_names.insert(raw);
      const char* to = r.l1.level == Level1::kOutput   ? "产出指标"
                       : r.l1.level == Level1::kEffect ? "效益指标"
                       : r.l1.level == Level1::kImpact ? "效益指标"
                                                       : "";
      if (*to) old_fixes.push_back({"一级", to, false, r.line});
    }
    if (r.l1.level == Level1::kGeneric) {  // "绩效指标": outside the four since 财预〔2021〕101号
      generic_names.insert(raw);
      generic_lines += (generic_lines.empty() ? "第" : "、") + std::to_string(r.line);
      if (r.level1 != Level1::kGeneric && r.level1 != Level1::kBlank)
        generic_fixes.push_back({"一级", Level1Name(r.level1), false, r.line});
    }
    if (r.l1.shifted) {
      shifted_names.insert(raw);
      shifted_fixes.push_back({"一级", Level1Name(r.level1), false, r.line});
      if (Trim(r.source->level2).empty()) shifted_fixes.push_back({"二级", raw, false, r.line});
    }
  }
  auto join = [](const std::set<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : "、") + n;
    return out;
  };
  if (!old_names.empty()) {
    Issue& x = c.AddTable(
        "T20", Severity::kWarning, "指标结构",
        "本表使用旧版结构（" + join(old_names) +
            "），按现行产出/效益/满意度/成本结构检查：预期产出→产出指标，效果、影响力→效益指标，"
            "投入、过程类（资金到位、预算执行、制度建设）不作绩效目标",
        "一级指标改为产出指标、效益指标、满意度指标、成本指标");
    x.fixes = old_fixes;
  }
  if (!generic_names.empty()) {
    Issue& x = c.AddTable(
        "T20", Severity::kWarning, "指标结构",
        "一级指标“" + join(generic_names) + "”（" + generic_lines +
            "行）不在现行结构中：财预〔2021〕101号起一级指标为产出指标、效益指标、满意度指标、"
            "成本指标；这些行按二级读取",
        "一级按二级改为产出指标、效益指标、满意度指标或成本指标");
    x.fixes = generic_fixes;
  }
  if (!shifted_names.empty()) {
    Issue& x = c.AddTable("T20", Severity::kWarning, "指标结构",
                          "一级指标栏写的是二级类别（" + join(shifted_names) +
                              "），缺少产出/效益/满意度层级；按所属一级读取",
                          "一级写产出指标等，数量/质量/时效/成本指标移到二级");
    x.fixes = shifted_fixes;
  }
  bool any_level2 = false, any_shifted = !shifted_names.empty();
  for (const auto& r : c.rows) any_level2 = any_level2 || r.level2 != Level2::kBlank;
  if (!any_level2 && !any_shifted && !c.rows.empty())
    c.AddTable("T21", Severity::kWarning, "二级指标",
               "全表没有二级指标，指标未按数量、质量、时效、效益等分类",
               "补充二级指标（数量指标、质量指标、时效指标、成本指标、社会效益指标、满意度指标…）");
}

void CompletenessRules(Context& c) {
  bool output = false, quantity = false, quality = false, timeliness = false, effect = false,
       satisfaction = false, cost = false, cost_target = false;
  size_t count = 0, outputs = 0;
  for (const auto& r : c.rows) {
    if (r.placeholder) continue;
    ++count;
    Kind by_name = KindFromName(r.name);
    bool is_output = r.level1 == Level1::kOutput;
    output = output || is_output;
    outputs += is_output;
    auto in_output = [&](Kind k, Level2 l2) {
      return (is_output || r.level1 == Level1::kBlank) &&
             (r.level2 == l2 || r.kind == k || by_name == k);
    };
    quantity = quantity || in_output(Kind::kQuantity, Level2::kQuantity);
    quality = quality || in_output(Kind::kQuality, Level2::kQuality);
    timeliness = timeliness || in_output(Kind::kTimeliness, Level2::kTimeliness);
    effect = effect || r.level1 == Level1::kEffect || r.level1 == Level1::kImpact;
    satisfaction = satisfaction || r.kind == Kind::kSatisfaction;
    bool cost_row =
        r.kind == Kind::kCost || r.level2 == Level2::kBudgetControl || r.level1 == Level1::kCost;
    cost = cost || cost_row;
    // A cost block of zeros (经济成本 0 | 0.00%, the template left as it was) sets no target.
    // (≥0% is a floor, if a poor one: T09 says so.)
    bool zero = r.value.numeric && r.value.number.IsZero() && r.value.op == CompareOp::kEq;
    cost_target = cost_target || (cost_row && !zero);
  }
  if (!output) {
    c.AddTable("T03", Severity::kWarning, "产出指标", "缺少产出指标", "补充数量、质量、时效指标");
  } else {
    for (auto [present, name] :
         {std::pair{quantity, "数量"}, std::pair{quality, "质量"}, std::pair{timeliness, "时效"}})
      if (!present)
        c.AddTable("T03", Severity::kWarning, std::string("产出指标/") + name,
                   std::string("缺少产出指标中的“") + name + "”类目标",
                   std::string("补充") + name + "指标" +
                       (std::string(name) == "时效" && !c.deadline.empty()
                            ? "，如“" + c.deadline + "前完成”"
                            : ""));
  }
  if (!effect)
    c.AddTable("T03", Severity::kWarning, "效益指标", "缺少效益指标",
               "补充社会效益、经济效益、可持续影响等指标");
  if (!satisfaction)
    c.AddTable("T03", Severity::kWarning, "满意度指标", "缺少满意度指标",
               "补充服务对象满意度，如“≥90%”");
  if (!cost)
    c.AddTable("T04", Severity::kWarning, "成本指标",
               "没有成本目标；现行规定要求每个项目设置成本指标",
               c.Total() ? "补充成本指标，如“项目总成本≤" + WanYuanText(*c.Total()) + "”"
                         : "补充成本指标（经济成本：总成本、单位成本等）");
  else if (!cost_target)
    c.AddTable("T04", Severity::kWarning, "成本指标",
               "成本指标都写0，没有成本目标；现行规定要求每个项目设置成本指标",
               c.Total() ? "写出成本金额，如“项目总成本≤" + WanYuanText(*c.Total()) + "”"
                         : "写出成本金额（经济成本：总成本、单位成本等）");
  if (count < 5 || outputs < 3)
    c.AddTable("T19", Severity::kWarning, "全表",
               "共" + std::to_string(count) + "个指标（产出" + std::to_string(outputs) +
                   "个），不足以反映项目的产出和效益",
               "将总目标细化分解为不少于5个指标，其中产出指标不少于3个");
}

void DuplicateRule(Context& c) {
  std::set<std::string> seen;
  for (const auto& r : c.rows) {
    if (r.placeholder || r.name.empty() || NotAName(r.name)) continue;
    if (!seen.insert(r.name).second)
      c.Add("T13", Severity::kWarning, r, "三级指标“" + r.name + "”重复出现",
            "合并重复的指标，或改为更具体的名称");
  }
}

// Units that count things and can be summed across children (180只 + 12头 = 192只).
bool CountUnit(const std::string& u) {
  static const std::set<std::string> kCount = {"只",   "头", "个", "人", "户", "次",
                                               "人次", "匹", "羽", "株", "棵"};
  return kCount.count(u) > 0;
}

bool Summable(const Row& parent, const Row& part) {
  if (!part.value.numeric || part.unit == "%") return false;
  return part.unit == parent.unit || (CountUnit(part.unit) && CountUnit(parent.unit));
}

std::string Shown(const std::vector<const Row*>& parts) {
  std::string shown;
  for (const Row* p : parts) shown += (shown.empty() ? "" : "+") + TrimmedDecimal(p->value.number);
  return shown;
}

// A 合计 against the rows above it: a reviewer asks for the mismatch to be corrected (warning).
void CheckTotal(Context& c, const Row& total, const std::vector<const Row*>& parts) {
  if (parts.empty() || !total.value.numeric || total.unit == "%") return;
  Rational sum;
  for (const Row* p : parts) {
    if (!Summable(total, *p)) return;
    sum += p->value.number;
  }
  if (sum != total.value.number)
    c.Add("T25", Severity::kWarning, total,
          "合计" + total.value.text + "与明细之和" + Shown(parts) + "=" + TrimmedDecimal(sum) +
              total.unit + "不符",
          "核对明细或合计，使两者一致");
}

// A row with 其中 parts. Parts above the total are a defect (warning). Parts below it are
// uncertain: 其中 may list only some parts, or the rest may follow as sibling rows (其中 500, then
// 700 beside it) — quiet when the following siblings complete the total, else a notice.
void CheckParts(Context& c, const Row& total, const std::vector<const Row*>& parts,
                const std::vector<const Row*>& siblings) {
  if (!total.value.numeric || total.unit == "%") return;
  Rational sum;
  for (const Row* p : parts) {
    if (!Summable(total, *p)) return;
    sum += p->value.number;
  }
  if (sum == total.value.number) return;
  if (total.value.number < sum) {
    c.Add("T25", Severity::kWarning, total,
          "其中各项之和" + Shown(parts) + "=" + TrimmedDecimal(sum) + total.unit + "超过了总数" +
              total.value.text,
          "核对其中各项或总数，使其中各项之和不超过总数");
    return;
  }
  Rational with = sum;
  for (const Row* s : siblings) {
    if (!Summable(total, *s)) break;
    with += s->value.number;
    if (with == total.value.number) return;
    if (total.value.number < with) break;
  }
  c.Add("T25", Severity::kInfo, total,
        "其中各项之和" + Shown(parts) + "=" + TrimmedDecimal(sum) + total.unit + "小于总数" +
            total.value.text + "；若其中只列了部分，可不理会，若应是全部明细，请核对",
        "列全明细，或在名称中写明“其中”只含部分");
}

void TotalRules(Context& c) {
  for (size_t i = 0; i < c.rows.size(); ++i) {
    const Row& r = c.rows[i];
    if (r.child || r.placeholder) continue;
    std::vector<const Row*> children, siblings;
    size_t j = i + 1;
    for (; j < c.rows.size() && c.rows[j].child; ++j) children.push_back(&c.rows[j]);
    for (; j < c.rows.size() && c.rows[j].level2 == r.level2 && !c.rows[j].total; ++j)
      if (!c.rows[j].placeholder) siblings.push_back(&c.rows[j]);
    if (!children.empty()) CheckParts(c, r, children, siblings);
    if (r.total) {
      std::vector<const Row*> parts;
      for (size_t k = i; k-- > 0;) {
        const Row& p = c.rows[k];
        if (p.total || p.level2 != r.level2) break;
        if (!p.child && !p.placeholder) parts.insert(parts.begin(), &p);
      }
      CheckTotal(c, r, parts);
    }
  }
}

// Whether an effect's name states a change (提升, 受益, 覆盖 …) the output's name does not already
// hold; with no output, whether it states one at all.
bool NewChangeWord(const std::string& effect, const std::string& output = "") {
  for (const char* w :
       {"提升", "提高", "改善", "增加", "增收", "增长",   "降低", "下降", "减少", "促进",
        "带动", "保障", "满足", "覆盖", "受益", "节约",   "优化", "缓解", "改变", "水平",
        "能力", "意识", "收入", "就业", "满意", "知晓",   "率",   "影响", "推动", "助力",
        "完善", "健全", "减轻", "加强", "增强", "进一步", "稳定", "长效", "发展"})
    if (effect.find(w) != std::string::npos && output.find(w) == std::string::npos) return true;
  return false;
}

// A value that states a change (明显提升, 进一步完善); 影响可持续 or 效果良好 states none.
bool ValueChange(const std::string& s) {
  for (const char* w : {"提升", "提高", "改善", "增加", "增收", "增长", "降低", "下降", "减少",
                        "减轻", "完善", "健全", "加强", "增强", "缓解", "优化"})
    if (s.find(w) != std::string::npos) return true;
  return false;
}

// Terms most output rows share (食品安全 in every row of a food-safety project): they name the
// project, not one output.
std::set<std::string> SubjectTerms(const Context& c) {
  std::map<std::string, int> rows_with;
  int outputs = 0;
  for (const auto& o : c.rows) {
    if (o.level1 != Level1::kOutput || o.placeholder) continue;
    ++outputs;
    for (const auto& t : KeyTerms(o.name)) ++rows_with[t];
  }
  std::set<std::string> subject;
  for (const auto& [term, n] : rows_with)
    if (n >= 3 && 2 * n >= outputs) subject.insert(term);
  return subject;
}

// A name that opens with what the project does (打造, 举办, 出租 …), not with what changes.
bool NamedByAction(const std::string& name) {
  for (const char* v : {"打造", "举办", "开展", "组织", "实施", "建设", "完成", "新建", "改造",
                        "购置", "发放", "培训", "召开", "修建", "出租"})
    if (StartsWith(name, v)) return true;
  return false;
}

void RestatedOutputRule(Context& c) {
  const auto subject = SubjectTerms(c);
  for (const auto& e : c.rows) {
    if (e.placeholder || e.kind != Kind::kEffect) continue;
    bool action = false;
    for (const char* w :
         {"发放率", "完成率", "执行率", "支出率", "拨付率", "到位率", "下达率", "兑现率", "支付率",
          "结余率", "应发尽发", "应保尽保", "应补尽补", "应助尽助", "应享尽享"})
      action = action || Has(e.name, w);
    // The project's own action done in full (出租闲置房屋,减少…闲置率 =100%: every room let) is
    // the output's execution, whatever change word the name adds.
    action = action || (e.value.numeric && e.unit == "%" && e.value.number == Rational(100) &&
                        e.value.op != CompareOp::kLe && e.value.op != CompareOp::kLt &&
                        NamedByAction(e.name));
    // Restated: one name holds (nearly) every key term of the other (清算8个安置小区…物业费 ⊃
    // 安置小区物业费).
    const Row* same = nullptr;
    auto effect_terms = KeyTerms(e.name);
    for (const auto& o : c.rows) {
      if (o.level1 != Level1::kOutput || o.placeholder) continue;
      auto output_terms = KeyTerms(o.name);
      if (output_terms.size() < 3 || effect_terms.size() < 3) continue;
      // Nearly all (≥80%) of one name's terms are in the other.
      auto within = [](const std::set<std::string>& a, const std::set<std::string>& b) {
        size_t shared = 0;
        for (const auto& t : a) shared += b.count(t);
        return shared * 5 >= a.size() * 4;
      };
      if (within(output_terms, effect_terms) || within(effect_terms, output_terms)) same = &o;
    }
    // In other words: an effect named by what was done (打造…品牌活动, 举办…) or by the same thing
    // as an output, with no change it brings (提升, 增收, 改善 …) beyond the output's own words
    // (覆盖 in both 布点全覆盖 and 全覆盖,绿色环保), judged by a word (效果良好).
    if (!same && !action && !e.value.numeric && !ValueChange(e.value.text)) {
      bool done = NamedByAction(e.name);
      for (const auto& o : c.rows)
        if (!same && o.level1 == Level1::kOutput && !o.placeholder &&
            !NewChangeWord(e.name, o.name) &&
            (done || (SameThing(o.name, e.name, subject) && !DifferentWords(o.name, e.name))) &&
            Similarity(o.name, e.name, subject) > 0)
          same = &o;
    }
    // The same target again: an effect whose value repeats an output's count or length exactly
    // (≥360天 after the 时效 row ≥360天), with no change in its name.
    if (!same && !action && e.value.numeric && !e.unit.empty() && e.unit != "%" &&
        !NewChangeWord(e.name))
      for (const auto& o : c.rows)
        if (!same && o.level1 == Level1::kOutput && !o.placeholder && o.value.numeric &&
            o.unit == e.unit && o.value.number == e.value.number && o.value.op == e.value.op)
          same = &o;
    // A value that is only a date or period (保障期限 2020年1月--2020年11月) says when, not what
    // changed.
    bool timing = e.value.date_only;
    if (same || action || timing)
      c.Add("T26", Severity::kWarning, e,
            same ? "效益指标“" + e.name + "”重复了产出指标“" + same->name + "”（第" +
                       std::to_string(same->line) + "行）"
            : timing ? "效益指标“" + e.name + "”的指标值“" + e.value.text +
                           "”只是时间，衡量的是执行进度，不是效益"
                     : "效益指标“" + e.name + "”衡量的是产出或执行进度，不是效益",
            "效益指标写产出带来的变化（受益对象状况的改善、成本的节约等），不重复产出");
  }
}

}  // namespace

void TableRules(Context& c) {
  StructureRules(c);
  CompletenessRules(c);
  DuplicateRule(c);
  TotalRules(c);
  RestatedOutputRule(c);
}

}  // namespace jixiao::targets
