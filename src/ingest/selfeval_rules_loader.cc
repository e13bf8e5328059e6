#include "ingest/selfeval_rules_loader.h"

#include "core/format.h"
#include "core/text.h"
#include "ingest/json.h"

namespace jixiao {
namespace {

std::vector<std::string> Strings(JsonReader& in, const JsonValue* v) {
  std::vector<std::string> out;
  if (!v || !in.Expect(*v, JsonValue::Type::kArray)) return out;
  for (const auto& item : v->items)
    if (auto s = in.String(item)) out.push_back(*s);
  return out;
}

// A percent written "90%" (share 9/10) or 90: returns the percent number 90.
std::optional<Rational> Percent(JsonReader& in, const JsonValue& v) {
  auto n = in.Number(v);
  if (!n) return n;
  if (v.IsString() && EndsWith(Trim(v.text), "%")) return *n * Rational(100);
  return n;
}

// A share written "80%" or 0.8.
std::optional<Rational> Share(JsonReader& in, const JsonValue& v) {
  auto n = in.Number(v);
  if (n && (*n < Rational(0) || *n > Rational(1))) {
    in.Error(v, "selfeval_rules.share", "比例应在 0%～100% 之间，如 \"80%\"");
    return std::nullopt;
  }
  return n;
}

std::vector<SelfEvalCategory> Categories(JsonReader& in, const JsonValue* v) {
  std::vector<SelfEvalCategory> out;
  if (!v || !in.Expect(*v, JsonValue::Type::kArray)) return out;
  for (const auto& item : v->items) {
    if (!in.Expect(item, JsonValue::Type::kObject)) continue;
    in.RejectUnknown(item, {"name", "synonyms", "points"});
    SelfEvalCategory c;
    if (const JsonValue* n = in.Member(item, "name", true))
      if (auto s = in.String(*n)) c.name = *s;
    c.synonyms = Strings(in, in.Member(item, "synonyms", false));
    if (const JsonValue* p = in.Member(item, "points", true))
      if (auto r = in.Number(*p)) c.points = *r;
    out.push_back(c);
  }
  return out;
}

// Reads "key": "a" and checks it is one of `allowed`; returns the index, or -1.
int Choice(JsonReader& in, const JsonValue& object, const std::string& key,
           const std::vector<std::string>& allowed, bool required) {
  const JsonValue* v = in.Member(object, key, required);
  if (!v) return -1;
  auto s = in.String(*v);
  if (!s) return -1;
  for (size_t i = 0; i < allowed.size(); ++i)
    if (*s == allowed[i]) return static_cast<int>(i);
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : "、") + ("\"" + a + "\"");
  in.Error(*v, "selfeval_rules.choice", "“" + *s + "”不是可用的取值，可写：" + list);
  return -1;
}

// budget.sources: [{name, synonyms?, points?}]; points on all or none, adding up to budget.points
// (checked by the caller once points is read).
void ReadSources(JsonReader& in, const JsonValue* list, SelfEvalBudgetRule& b) {
  if (!list || !in.Expect(*list, JsonValue::Type::kArray)) return;
  for (const auto& item : list->items) {
    if (!in.Expect(item, JsonValue::Type::kObject)) continue;
    in.RejectUnknown(item, {"name", "synonyms", "points"});
    SelfEvalSourceRule s;
    if (const JsonValue* n = in.Member(item, "name", true))
      if (auto t = in.String(*n)) s.name = *t;
    s.synonyms = Strings(in, in.Member(item, "synonyms", false));
    if (const JsonValue* p = in.Member(item, "points", false)) s.points = in.Number(*p);
    if (!b.sources.empty() && b.sources.front().points.has_value() != s.points.has_value())
      in.Error(item, "selfeval_rules.source_points",
               "资金来源“" + s.name + "”" + (s.points ? "写了" : "缺少") +
                   "分值：各资金来源要么都写分值（分别计分），要么都不写");
    b.sources.push_back(s);
  }
  if (b.SourcesScored()) {
    Rational sum(0);
    for (const auto& s : b.sources) sum = sum + s.points.value_or(Rational(0));
    if (sum != b.points)
      in.Error(*list, "selfeval_rules.source_points",
               "各资金来源分值之和" + TrimmedDecimal(sum) + "与预算执行分值" +
                   TrimmedDecimal(b.points) + "不符；请使两者相等");
  }
}

void ReadBudget(JsonReader& in, const JsonValue& v, SelfEvalBudgetRule& b) {
  if (!in.Expect(v, JsonValue::Type::kObject)) return;
  in.RejectUnknown(v, {"points", "formula", "base", "cap", "reason_below", "money_unit",
                       "adjustment_reason", "sources"});
  if (const JsonValue* a = in.Member(v, "adjustment_reason", false))
    if (in.Expect(*a, JsonValue::Type::kBool)) b.adjustment_reason = a->boolean;
  if (const JsonValue* p = in.Member(v, "points", true))
    if (auto r = in.Number(*p)) b.points = *r;
  Choice(in, v, "formula", {"rate_times_points"}, false);
  if (const JsonValue* base = in.Member(v, "base", false)) {
    if (auto s = in.String(*base); s && *s != "full_year")
      in.Error(*base, "selfeval_rules.budget_base",
               "执行率只能以调整后的全年预算数为分母（\"full_year\"），不得用年初预算数");
  }
  if (const JsonValue* c = in.Member(v, "cap", false)) {
    if (in.Expect(*c, JsonValue::Type::kBool)) b.cap = c->boolean;
  }
  if (const JsonValue* r = in.Member(v, "reason_below", false))
    if (auto p = Percent(in, *r)) b.reason_below = *p;
  if (int u = Choice(in, v, "money_unit", {"万元", "元"}, false); u >= 0)
    b.money_unit = u == 0 ? "万元" : "元";
  ReadSources(in, in.Member(v, "sources", false), b);  // after points: their sum is checked
}

void ReadWeights(JsonReader& in, const JsonValue& v, SelfEvalRules& r) {
  if (!in.Expect(v, JsonValue::Type::kObject)) return;
  in.RejectUnknown(v, {"mode", "rows_total", "categories", "goal_blocks"});
  int mode = Choice(in, v, "mode", {"printed", "weight_column", "categories", "goal_blocks"}, true);
  if (mode >= 0) r.weight_mode = static_cast<SelfEvalWeightMode>(mode);
  if (const JsonValue* t = in.Member(v, "rows_total", false))
    if (auto n = in.Number(*t)) r.rows_total = *n;
  r.categories = Categories(in, in.Member(v, "categories", mode == 2));
  r.goal_blocks = Categories(in, in.Member(v, "goal_blocks", false));
}

void ReadBands(JsonReader& in, const JsonValue& v, SelfEvalRules& r) {
  if (!in.Expect(v, JsonValue::Type::kObject)) return;
  in.RejectUnknown(v, {"bands"});
  const JsonValue* bands = in.Member(v, "bands", true);
  if (!bands || !in.Expect(*bands, JsonValue::Type::kArray)) return;
  for (const auto& item : bands->items) {
    if (!in.Expect(item, JsonValue::Type::kObject)) continue;
    in.RejectUnknown(item, {"level", "synonyms", "min", "max"});
    SelfEvalBand b;
    if (const JsonValue* l = in.Member(item, "level", true))
      if (auto s = in.String(*l)) b.level = *s;
    b.synonyms = Strings(in, in.Member(item, "synonyms", false));
    if (const JsonValue* m = in.Member(item, "min", true))
      if (auto s = Share(in, *m)) b.min_share = *s;
    if (const JsonValue* m = in.Member(item, "max", true))
      if (auto s = Share(in, *m)) b.max_share = *s;
    if (b.max_share < b.min_share)
      in.Error(item, "selfeval_rules.band", "档次“" + b.level + "”的 max 小于 min");
    r.bands.push_back(b);
  }
}

void ReadSatisfaction(JsonReader& in, const JsonValue& v, SelfEvalSatisfaction& s) {
  if (!in.Expect(v, JsonValue::Type::kObject)) return;
  in.RejectUnknown(v, {"keywords", "mode", "step", "deduct"});
  if (const JsonValue* k = in.Member(v, "keywords", false)) s.keywords = Strings(in, k);
  int mode = Choice(in, v, "mode", {"met_full", "rate_times_weight", "step_deduct"}, true);
  if (mode >= 0) s.mode = static_cast<SatisfactionMode>(mode);
  if (const JsonValue* st = in.Member(v, "step", mode == 2))
    if (auto p = Percent(in, *st)) s.step = *p;
  if (const JsonValue* d = in.Member(v, "deduct", mode == 2))
    if (auto p = in.Number(*d)) s.deduct = *p;
  if (s.step <= Rational(0)) in.Error(v, "selfeval_rules.step", "step 应大于 0，如 \"5%\"");
}

void ReadGrades(JsonReader& in, const JsonValue& v, SelfEvalRules& r) {
  if (!in.Expect(v, JsonValue::Type::kArray)) return;
  for (const auto& item : v.items) {
    if (!in.Expect(item, JsonValue::Type::kObject)) continue;
    in.RejectUnknown(item, {"name", "synonyms", "min"});
    SelfEvalGrade g;
    if (const JsonValue* n = in.Member(item, "name", true))
      if (auto s = in.String(*n)) g.name = *s;
    g.synonyms = Strings(in, in.Member(item, "synonyms", false));
    if (const JsonValue* m = in.Member(item, "min", true))
      if (auto s = in.Number(*m)) g.min = *s;
    if (!r.grades.empty() && !(g.min < r.grades.back().min))
      in.Error(item, "selfeval_rules.grades", "等级应从高到低排列，min 逐级递减");
    r.grades.push_back(g);
  }
}

}  // namespace

std::optional<SelfEvalRules> ParseSelfEvalRules(const std::string& file,
                                                const std::string& json_text, Diagnostics& diags) {
  size_t errors_before = diags.ErrorCount();
  JsonValue root = ParseJson(file, json_text);
  JsonReader in(file, diags);
  SelfEvalRules r;
  r.file = file;
  if (!in.Expect(root, JsonValue::Type::kObject)) return std::nullopt;
  in.RejectUnknown(root, {"kind", "id", "name", "title", "basis", "budget", "weights",
                          "quantitative", "qualitative", "satisfaction", "not_applicable",
                          "rounding", "grades", "execution_row_keywords", "bare_value"});
  if (const JsonValue* k = in.Member(root, "kind", true))
    if (auto s = in.String(*k); s && *s != "selfeval-rules")
      in.Error(*k, "selfeval_rules.kind", "kind 应为 \"selfeval-rules\"（这不是自评表规则文件）");
  if (const JsonValue* v = in.Member(root, "id", true))
    if (auto s = in.String(*v)) r.id = *s;
  if (const JsonValue* v = in.Member(root, "title", true))
    if (auto s = in.String(*v)) r.title = *s;
  if (const JsonValue* v = in.Member(root, "name", false))
    if (auto s = in.String(*v)) r.name = *s;
  r.basis = Strings(in, in.Member(root, "basis", false));
  if (const JsonValue* v = in.Member(root, "budget", true)) ReadBudget(in, *v, r.budget);
  if (const JsonValue* v = in.Member(root, "weights", true)) ReadWeights(in, *v, r);
  if (const JsonValue* v = in.Member(root, "quantitative", false)) {
    if (in.Expect(*v, JsonValue::Type::kObject)) {
      in.RejectUnknown(*v, {"met", "ge", "le", "cap"});
      Choice(in, *v, "met", {"full"}, false);
      Choice(in, *v, "ge", {"actual_over_target"}, false);
      Choice(in, *v, "le", {"target_over_actual"}, false);
      if (const JsonValue* c = in.Member(*v, "cap", false))
        if (in.Expect(*c, JsonValue::Type::kBool)) r.cap_quantitative = c->boolean;
    }
  }
  if (const JsonValue* v = in.Member(root, "qualitative", true)) ReadBands(in, *v, r);
  if (const JsonValue* v = in.Member(root, "satisfaction", false))
    ReadSatisfaction(in, *v, r.satisfaction);
  if (int na = Choice(in, root, "not_applicable", {"rescale", "drop"}, false); na >= 0)
    r.rescale_not_applicable = na == 0;
  if (int ro = Choice(in, root, "rounding", {"exact", "0.01", "0.1", "whole_down"}, true); ro >= 0)
    r.rounding = static_cast<SelfEvalRounding>(ro);
  if (const JsonValue* v = in.Member(root, "grades", true)) ReadGrades(in, *v, r);
  if (const JsonValue* v = in.Member(root, "execution_row_keywords", false))
    r.execution_row_keywords = Strings(in, v);
  if (int b = Choice(in, root, "bare_value", {"ge"}, false); b >= 0) r.bare_value_is_ge = true;
  if (r.grades.empty()) in.Error(root, "selfeval_rules.grades", "grades 至少写一个等级");
  if (r.bands.empty()) in.Error(root, "selfeval_rules.bands", "qualitative.bands 至少写一个档次");
  Rational sum = 0;
  for (const auto& c : r.categories) sum += c.points;
  if (!r.categories.empty() && sum != r.rows_total)
    in.Error(root, "selfeval_rules.categories",
             "categories 的分值合计为" + sum.ToString() + "，应等于 rows_total（" +
                 r.rows_total.ToString() + "）");
  Rational blocks = 0;
  for (const auto& c : r.goal_blocks) blocks += c.points;
  if (!r.goal_blocks.empty() && blocks != r.rows_total)
    in.Error(root, "selfeval_rules.goal_blocks",
             "goal_blocks 的分值合计为" + blocks.ToString() + "，应等于 rows_total（" +
                 r.rows_total.ToString() + "）");
  if (r.budget.points + r.rows_total != Rational(100))
    in.Error(root, "selfeval_rules.total",
             "budget.points（" + r.budget.points.ToString() + "）与 weights.rows_total（" +
                 r.rows_total.ToString() + "）之和应为100");
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  return r;
}

std::optional<SelfEvalRules> LoadSelfEvalRules(const std::string& file, Diagnostics& diags) {
  std::string why;
  auto bytes = ReadFileBytes(file, &why);
  if (!bytes) {
    diags.Error("selfeval_rules.read", {file, 0, 0, ""}, "无法读取规则文件：" + why);
    return std::nullopt;
  }
  return ParseSelfEvalRules(file, *bytes, diags);
}

bool IsSelfEvalRulesFile(const std::string& file) {
  auto bytes = ReadFileBytes(file);
  if (!bytes) return false;
  try {
    JsonValue root = ParseJson(file, *bytes);
    const JsonValue* kind = root.IsObject() ? root.Find("kind") : nullptr;
    return kind && kind->IsString() && kind->text == "selfeval-rules";
  } catch (const InputError&) {
    return false;
  }
}

}  // namespace jixiao
