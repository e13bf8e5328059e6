// Deriving 产出/效益/满意度 leaves of a framework from 绩效目标表 rows.
#include "casefile/targets_framework.h"

#include <algorithm>
#include <map>

#include "casefile/case_files.h"
#include "core/format.h"
#include "core/text.h"
#include "model/target_value.h"

namespace jixiao {
namespace {

// "产出指标" -> "产出", "社会效益指标" -> "社会效益".
std::string Core(const std::string& name) {
  std::string s = Trim(name);
  for (const char* suffix : {"指标", "目标"})
    if (EndsWith(s, suffix) && s.size() > std::string(suffix).size())
      s = s.substr(0, s.size() - std::string(suffix).size());
  return s;
}

std::string Member(const JsonValue& object, const std::string& key) {
  const JsonValue* v = object.Find(key);
  return v ? v->text : "";
}

// Older and variant tables by meaning: 效果 is 效益; a row about 满意 (满意度, 满意率) belongs
// to the satisfaction indicator whatever its 一级/二级 say; 可持续发展 is 可持续影响.
std::string ByMeaning(std::string core) {
  for (size_t at = core.find("效果"); at != std::string::npos; at = core.find("效果", at))
    core.replace(at, std::string("效果").size(), "效益");
  if (StartsWith(core, "可持续")) return "可持续";
  return core;
}

bool AboutSatisfaction(const RawTargetRow& row) {
  for (const std::string* text : {&row.level3, &row.level2, &row.level1})
    if (text->find("满意") != std::string::npos) return true;
  return false;
}

bool HasAny(const std::string& text, std::initializer_list<const char*> terms) {
  for (const char* t : terms)
    if (text.find(t) != std::string::npos) return true;
  return false;
}

// A row with a blank 二级: the 二级 its name points to, by key terms ("" when the 一级 is
// neither 产出 nor 效益/效果). 效益 rows default to 社会效益, 产出 rows to 数量.
std::string ImpliedLevel2(const std::string& level1, const std::string& name) {
  if (level1.find("产出") != std::string::npos) {
    if (HasAny(name, {"及时", "时限", "时间", "按时", "期限", "进度"})) return "时效";
    if (HasAny(name, {"成本", "单价", "费用", "节约"})) return "成本";
    if (HasAny(name, {"合格", "达标", "准确", "质量", "规范", "按标准"})) return "质量";
    return "数量";
  }
  if (level1.find("效益") != std::string::npos || level1.find("效果") != std::string::npos) {
    if (HasAny(name, {"经济", "增收", "收入", "产值", "利润"})) return "经济效益";
    if (HasAny(name, {"生态", "环境", "绿化", "污染", "排放", "节能"})) return "生态效益";
    if (HasAny(name, {"可持续", "长效", "持续"})) return "可持续";
    return "社会效益";
  }
  return "";
}

// Whether `inner` lies in the subtree under `outer` (itself excluded).
bool Inside(const JsonValue& outer, const JsonValue* inner) {
  const JsonValue* children = outer.Find("children");
  if (!children || !children->IsArray()) return false;
  for (const JsonValue& child : children->items)
    if (&child == inner || Inside(child, inner)) return true;
  return false;
}

struct Candidate {
  JsonValue* node = nullptr;
  int level = 0;
  int quality = 0;  // 3 exact, 2 node name contains the core, 1 core contains the node's name
};

void Search(JsonValue& node, int level, const std::string& core, Candidate& best) {
  if (!node.IsObject()) return;
  const std::string name = Core(Member(node, "name"));
  int quality = 0;
  if (level >= 2 && !name.empty()) {
    if (name == core)
      quality = 3;
    else if (name.find(core) != std::string::npos)
      quality = 2;
    else if (core.find(name) != std::string::npos)
      quality = 1;
  }
  if (quality > best.quality || (quality == best.quality && quality > 0 && level < best.level))
    best = {&node, level, quality};
  JsonValue* children = const_cast<JsonValue*>(node.Find("children"));
  if (children && children->IsArray() && level < 3)
    for (JsonValue& child : children->items) Search(child, level + 1, core, best);
}

// A row the framework files elsewhere than under the 一级 the unit wrote, or by a reading of its
// own (`why`), is listed: the unit's table is never changed without a word. targets.csv keeps
// the 一级/二级 as written.
void ReportPlacement(const JsonValue& indicators, const RawTargetRow& row, const JsonValue& node,
                     std::string why, Diagnostics& diags) {
  const JsonValue* top = nullptr;
  for (const JsonValue& t : indicators.items)
    if (&t == &node || Inside(t, &node)) top = &t;
  if (!top) return;
  const std::string top_name = Member(*top, "name"), wrote = Core(row.level1);
  const bool other_level1 = !wrote.empty() && top_name.find(wrote) == std::string::npos &&
                            top_name.find(ByMeaning(wrote)) == std::string::npos &&
                            wrote.find(Core(top_name)) == std::string::npos;
  if (!other_level1 && why.empty()) return;
  if (why.empty())
    why = "指标体系没有一级“" + row.level1 + "”，按二级“" +
          (row.level2.empty() ? row.level3 : row.level2) + "”归入";
  const std::string written = row.level1 + (row.level2.empty() ? "" : "/" + row.level2);
  diags.Warning("targets.row_replaced", row.where,
                "绩效目标“" + row.level3 + "”申报表写在“" + written + "”下，指标体系放在“" +
                    top_name + (&node == top ? "" : "/" + Member(node, "name")) + "”下（" + why +
                    "）；评分按指标体系的位置，targets.csv 与报告的绩效目标表仍按申报表所写");
}

std::string Criteria(const RawTargetRow& row) {
  if (!UsableTargetValue(row.value))
    return std::string(kTodoMark) + "绩效目标表中“" + row.level3 +
           "”没有可用的指标值：请在 targets.csv 补上指标值（如“≥95%”“及时”），再删去本标记";
  const TargetValue value = TargetValue::Parse(row.value);
  std::string shown = row.value + (value.quantitative && value.unit.empty() ? row.unit : "");
  if (EndsWith(shown, "。")) shown.resize(shown.size() - std::string("。").size());  // "15万元。"
  if (!value.quantitative)
    return "指标值“" + row.value +
           "”。按定性指标三档计分：达成得分值的100%～80%（含），部分达成（如“基本" + row.value +
           "”）得80%～50%（含），未达成得50%～0；未另填得分比例时，达成得满分，部分达成得50%，"
           "未达成不得分（评价人可在录入工作簿“评价结论”表选等级、在档内填得分比例）。";
  return "指标值" + shown +
         "。达到指标值得满分；未达到按实际值÷指标值×分值计分（“≤”类指标按指标值÷实际值×分值），"
         "满分为止。";
}

}  // namespace

std::vector<Score> SplitWeight(Score weight, size_t parts) {
  std::vector<Score> out;
  if (parts == 0) return out;
  const int64_t n = static_cast<int64_t>(parts);
  const int64_t each = weight.hundredths / n, extra = weight.hundredths % n;
  for (int64_t i = 0; i < n; ++i) out.push_back(Score{each + (i < extra ? 1 : 0)});
  return out;
}

bool UsableTargetValue(const std::string& value_in) {
  const std::string value = Trim(value_in);
  for (const char* placeholder : {"", "—", "-", "/", "无", "待定", "——", "－"})
    if (value == placeholder) return false;
  return true;
}

void CostCeilings(std::vector<RawTargetRow>& rows, Diagnostics& diags) {
  for (RawTargetRow& row : rows) {
    if (!UsableTargetValue(row.value) ||
        !IsCostCeiling(row.level1, row.level2, TargetValue::Parse(row.value), row.unit))
      continue;
    const std::string ceiling = "≤" + NormalizeComparatorWords(row.value);
    diags.Warning("targets.cost_ceiling", row.value_where,
                  "成本指标“" + row.level3 + "”的指标值“" + row.value +
                      "”没有比较符：成本指标是上限，案例的 targets.csv 写为“" + ceiling +
                      "”，实际成本不超过即达成（单位的原表未改）；如单位本意是恰好等于，请在 "
                      "targets.csv 改为“=" +
                      NormalizeComparatorWords(row.value) + "”");
    row.value = ceiling;
  }
}

std::optional<JsonValue> FrameworkFromTargets(const JsonValue& base,
                                              const std::vector<RawTargetRow>& rows,
                                              const std::string& new_id, Diagnostics& diags) {
  JsonValue fw = base;
  JsonValue* indicators = const_cast<JsonValue*>(fw.Find("indicators"));
  if (!indicators || !indicators->IsArray()) {
    diags.Error("targets.framework", {base.path, 0, 0, "$.indicators"}, "指标体系没有 indicators");
    return std::nullopt;
  }
  // Group rows by the node they land under, in table order.
  std::vector<JsonValue*> order;
  std::map<JsonValue*, std::vector<const RawTargetRow*>> groups;
  for (const RawTargetRow& row : rows) {
    auto place = [&](const std::string& l1, const std::string& l2) {
      Candidate best;
      for (JsonValue& top : indicators->items)
        if (Member(top, "name").find(l1) != std::string::npos ||
            l1.find(Core(Member(top, "name"))) != std::string::npos)
          Search(top, 1, l2, best);
      if (!best.node)
        for (JsonValue& top : indicators->items) Search(top, 1, l2, best);
      return best;
    };
    const std::string l1 = Core(row.level1),
                      l2 = Core(row.level2.empty() ? row.level1 : row.level2);
    Candidate best;
    std::string why;  // a placement other than by the 一级/二级 as written (issue 23 §4)
    if (AboutSatisfaction(row) && l2.find("满意") == std::string::npos) {
      best = place("满意度", "满意度");
      if (best.node) why = "名称含“满意”，按满意度指标计分";
    }
    if (!best.node && Trim(row.level2).empty()) {
      const std::string implied = ImpliedLevel2(row.level1, row.level3);
      if (!implied.empty()) best = place(ByMeaning(l1), implied);
      if (best.node) why = "二级留空，按名称归入“" + implied + "”";
    }
    if (!best.node) best = place(l1, l2);
    if (!best.node) {
      best = place(ByMeaning(l1), ByMeaning(l2));
      if (best.node && ByMeaning(l1) != l1) why = "“" + l1 + "”按含义读作“" + ByMeaning(l1) + "”";
    }
    if (best.node) ReportPlacement(*indicators, row, *best.node, why, diags);
    if (!best.node) {
      diags.Warning("targets.unplaced", row.where,
                    "绩效目标“" + row.level3 + "”（" + row.level1 + "/" + row.level2 +
                        "）在指标体系中找不到对应的二级指标，未加入指标体系；请手工加入");
      continue;
    }
    if (!groups.count(best.node)) order.push_back(best.node);
    groups[best.node].push_back(&row);
  }
  // A node under another placed node would be replaced with its parent's children: its rows
  // join the outer node's (never lost, never written into a replaced node).
  for (JsonValue* outer : order)
    for (JsonValue*& inner : order)
      if (inner && outer && inner != outer && Inside(*outer, inner)) {
        auto& rows_out = groups[outer];
        rows_out.insert(rows_out.end(), groups[inner].begin(), groups[inner].end());
        groups.erase(inner);
        inner = nullptr;
      }
  order.erase(std::remove(order.begin(), order.end(), nullptr), order.end());
  std::vector<std::string> not_used;
  for (JsonValue* node : order) {
    const auto& members = groups[node];
    auto weight = Rational::Parse(Member(*node, "weight"));
    auto exact = weight ? Score::Exact(*weight) : std::nullopt;
    if (!exact) continue;
    const std::vector<Score> parts = SplitWeight(*exact, members.size());
    const std::string code = Member(*node, "code");
    JsonValue children = JsonArray();
    for (size_t i = 0; i < members.size(); ++i) {
      const RawTargetRow& row = *members[i];
      JsonValue leaf = JsonObject();
      std::string index = std::to_string(i + 1);
      if (members.size() > 9 && index.size() < 2) index = "0" + index;
      JsonSet(leaf, "code", JsonString(code + index));
      JsonSet(leaf, "name", JsonString(row.level3));
      JsonSet(leaf, "weight", JsonNumber(ExactDecimal(parts[i].ToRational())));
      std::string explanation = row.explanation;
      if (!row.criteria.empty()) not_used.push_back(row.level3 + "（" + row.criteria + "）");
      JsonSet(leaf, "explanation", JsonString(explanation));
      JsonSet(leaf, "criteria", JsonString(Criteria(row)));
      JsonValue rule = JsonObject();
      JsonSet(rule, "type", JsonString("target"));
      JsonSet(rule, "target", JsonString(row.level3));
      if (UsableTargetValue(row.value) && !TargetValue::Parse(row.value).quantitative) {
        // The national three bands; 部分达成 defaults to the low end of its band
        // (docs/case-format.md).
        JsonSet(rule, "partly", JsonString("50%"));
        JsonSet(rule, "bands", JsonString("national"));
      }
      JsonSet(leaf, "rule", std::move(rule));
      if (!UsableTargetValue(row.value))
        diags.Warning(
            "targets.value_missing", row.value_where,
            "“" + row.level3 + "”没有可用的指标值，已作为待完善的指标加入（validate 会列出）");
      children.items.push_back(std::move(leaf));
    }
    // A leaf that becomes a parent loses its rule and its criteria (they described the old rule).
    const bool was_leaf = node->Find("rule") != nullptr;
    auto& m = node->members;
    for (auto it = m.begin(); it != m.end();)
      it = it->first == "rule" || it->first == "children" || (was_leaf && it->first == "criteria")
               ? m.erase(it)
               : it + 1;
    JsonSet(*node, "children", std::move(children));
  }
  if (!not_used.empty()) {
    std::string list;
    for (const auto& item : not_used) list += (list.empty() ? "" : "；") + item;
    diags.Warning(
        "targets.criteria_not_used", {rows.front().where.file, 0, 0, ""},
        std::to_string(not_used.size()) +
            " 个目标的评(扣)分标准未照搬进指标体系：这些指标按 target 规则计分（达到指标值"
            "得满分，否则按实际值与指标值之比），评分标准文字已按该规则写出；如需按原标准计分，"
            "请在指标体系中改用相应规则。原标准：" +
            list);
  }
  JsonSet(fw, "id", JsonString(new_id));
  return fw;
}

}  // namespace jixiao
