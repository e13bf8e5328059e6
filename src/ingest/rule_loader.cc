#include "ingest/rule_loader.h"

#include "core/format.h"
#include "ingest/value_reader.h"

namespace jixiao {
namespace {

std::optional<Rational> Fraction(JsonReader& in, const JsonValue& v) {
  auto f = ReadNumber(in, v);
  if (f && (f->IsNegative() || Rational(1) < *f)) {
    in.Error(v, "rule.fraction",
             "得分比例应在 0 到 1 之间（可写 0.5、\"50%\"、\"2/3\"），实际为“" + v.text + "”");
    return std::nullopt;
  }
  return f;
}

std::optional<CompareOp> ReadOp(JsonReader& in, const JsonValue& v) {
  auto text = in.String(v);
  if (!text) return std::nullopt;
  static const std::pair<const char*, CompareOp> kOps[] = {
      {">=", CompareOp::kGe}, {"≥", CompareOp::kGe}, {">", CompareOp::kGt}, {"<=", CompareOp::kLe},
      {"≤", CompareOp::kLe},  {"<", CompareOp::kLt}, {"=", CompareOp::kEq}, {"==", CompareOp::kEq}};
  for (const auto& [symbol, op] : kOps)
    if (*text == symbol) return op;
  in.Error(v, "rule.op", "比较符“" + *text + "”无效，可用 >=、>、<=、<、=（或 ≥、≤）");
  return std::nullopt;
}

std::optional<Direction> ReadDirection(JsonReader& in, const JsonValue* v) {
  if (!v) return Direction::kHigher;
  auto text = in.String(*v);
  if (!text) return std::nullopt;
  if (*text == "higher") return Direction::kHigher;
  if (*text == "lower") return Direction::kLower;
  in.Error(*v, "rule.direction",
           "direction 只能是 higher（越高越好）或 lower（越低越好），实际为“" + *text + "”");
  return std::nullopt;
}

bool ReadMetric(JsonReader& in, const JsonValue& v, Rule& rule) {
  const JsonValue* metric = in.Member(v, "metric", true);
  if (!metric) return false;
  auto name = in.String(*metric);
  if (!name || name->empty()) return false;
  rule.metric = *name;
  if (const JsonValue* abs = in.Member(v, "absolute", false)) {
    if (!in.Expect(*abs, JsonValue::Type::kBool)) return false;
    rule.absolute = abs->boolean;
  }
  return true;
}

bool ReadLevels(JsonReader& in, const JsonValue& v, Rule& rule) {
  const JsonValue* levels = in.Member(v, "levels", true);
  if (!levels || !in.Expect(*levels, JsonValue::Type::kArray)) return false;
  bool ok = !levels->items.empty();
  if (!ok)
    in.Error(*levels, "rule.levels",
             "levels 至少需要一个档次，如 {\"label\": \"充分\", \"fraction\": 1}");
  for (const auto& item : levels->items) {
    if (!in.Expect(item, JsonValue::Type::kObject)) {
      ok = false;
      continue;
    }
    in.RejectUnknown(item, {"label", "fraction"});
    const JsonValue* label = in.Member(item, "label", true);
    const JsonValue* fraction = in.Member(item, "fraction", true);
    if (!label || !fraction) {
      ok = false;
      continue;
    }
    auto l = in.String(*label);
    auto f = Fraction(in, *fraction);
    if (l && f)
      rule.levels.push_back({*l, *f});
    else
      ok = false;
  }
  return ok;
}

bool ReadElements(JsonReader& in, const JsonValue& v, Rule& rule, Score weight) {
  const JsonValue* elements = in.Member(v, "elements", true);
  if (!elements || !in.Expect(*elements, JsonValue::Type::kArray)) return false;
  bool ok = true;
  Rational sum;
  for (const auto& item : elements->items) {
    if (!in.Expect(item, JsonValue::Type::kObject)) {
      ok = false;
      continue;
    }
    in.RejectUnknown(item, {"text", "fraction", "points"});
    const JsonValue* text = in.Member(item, "text", true);
    const JsonValue* fraction = item.Find("fraction");
    const JsonValue* points = item.Find("points");
    if (!text || (fraction == nullptr) == (points == nullptr)) {
      if (text)
        in.Error(item, "rule.element",
                 "每个要素须且只须给出 fraction（占分值比例）或 points（分数）之一");
      ok = false;
      continue;
    }
    auto t = in.String(*text);
    std::optional<Rational> resolved;
    if (fraction) {
      if (auto f = Fraction(in, *fraction)) resolved = *f * weight.ToRational();
    } else if (auto a = ReadAmount(in, *points)) {
      resolved = a->PointsOf(weight.ToRational());
    }
    if (!t || !resolved) {
      ok = false;
      continue;
    }
    sum += *resolved;
    rule.elements.push_back({*t, *resolved});
  }
  if (ok && sum != weight.ToRational()) {
    in.Error(*elements, "rule.elements_sum",
             "各要素分数合计为" + FormatPoints(sum) + "，应等于该指标分值" + FormatScore(weight));
    ok = false;
  }
  return ok;
}

bool ReadBands(JsonReader& in, const JsonValue& v, Rule& rule) {
  if (!ReadMetric(in, v, rule)) return false;
  const JsonValue* bands = in.Member(v, "bands", true);
  if (!bands || !in.Expect(*bands, JsonValue::Type::kArray)) return false;
  bool ok = !bands->items.empty();
  if (!ok) in.Error(*bands, "rule.bands", "bands 至少需要一个区间");
  for (size_t i = 0; i < bands->items.size(); ++i) {
    const JsonValue& item = bands->items[i];
    if (!in.Expect(item, JsonValue::Type::kObject)) {
      ok = false;
      continue;
    }
    in.RejectUnknown(item, {"op", "value", "fraction"});
    Band band;
    const JsonValue* op = item.Find("op");
    const JsonValue* value = item.Find("value");
    const JsonValue* fraction = in.Member(item, "fraction", true);
    if (!fraction) {
      ok = false;
      continue;
    }
    if (op) {
      auto parsed = ReadOp(in, *op);
      if (!value) {
        in.Error(item, "json.missing", "有比较符 op 的区间必须给出 value");
        ok = false;
        continue;
      }
      auto number = ReadNumber(in, *value);
      if (!parsed || !number) {
        ok = false;
        continue;
      }
      band.op = *parsed;
      band.value = *number;
    } else if (value) {
      in.Error(*value, "rule.band_default", "缺省区间（无 op）不应有 value；若需比较请加上 op");
      ok = false;
      continue;
    } else if (i + 1 != bands->items.size()) {
      in.Error(item, "rule.band_default",
               "缺省区间（无 op）必须放在最后，否则其后的区间永远不会被使用");
      ok = false;
      continue;
    }
    auto f = Fraction(in, *fraction);
    if (!f) {
      ok = false;
      continue;
    }
    band.fraction = *f;
    rule.bands.push_back(band);
  }
  return ok;
}

bool ReadLinear(JsonReader& in, const JsonValue& v, Rule& rule) {
  if (!ReadMetric(in, v, rule)) return false;
  const JsonValue* full_at = in.Member(v, "full_at", true);
  const JsonValue* per = in.Member(v, "per", true);
  const JsonValue* deduct = in.Member(v, "deduct", true);
  if (!full_at || !per || !deduct) return false;
  auto f = ReadNumber(in, *full_at);
  auto p = ReadNumber(in, *per);
  auto d = ReadAmount(in, *deduct);
  auto direction = ReadDirection(in, v.Find("direction"));
  if (!f || !p || !d || !direction) return false;
  if (!(Rational(0) < *p)) {
    in.Error(*per, "rule.per", "per（每多少单位扣分）必须大于 0");
    return false;
  }
  rule.full_at = *f;
  rule.per = *p;
  rule.deduct = *d;
  rule.direction = *direction;
  if (const JsonValue* steps = v.Find("steps")) {
    auto s = in.String(*steps);
    if (!s) return false;
    if (*s == "exact")
      rule.steps = StepMode::kExact;
    else if (*s == "started")
      rule.steps = StepMode::kStarted;
    else if (*s == "completed")
      rule.steps = StepMode::kCompleted;
    else {
      in.Error(*steps, "rule.steps",
               "steps 只能是 exact（按比例）、started（不足一档按一档）或 completed（满一档才扣）");
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<Rule> ReadRule(JsonReader& in, const JsonValue& v, Score weight) {
  if (!in.Expect(v, JsonValue::Type::kObject)) return std::nullopt;
  const JsonValue* type = in.Member(v, "type", true);
  if (!type) return std::nullopt;
  auto type_name = in.String(*type);
  if (!type_name) return std::nullopt;
  Rule rule;
  rule.where = in.Where(v);
  bool ok = false;
  if (*type_name == "deduction") {
    rule.type = RuleType::kDeduction;
    in.RejectUnknown(v, {"type"});
    ok = true;
  } else if (*type_name == "levels") {
    rule.type = RuleType::kLevels;
    in.RejectUnknown(v, {"type", "levels"});
    ok = ReadLevels(in, v, rule);
  } else if (*type_name == "elements") {
    rule.type = RuleType::kElements;
    in.RejectUnknown(v, {"type", "elements"});
    ok = ReadElements(in, v, rule, weight);
  } else if (*type_name == "ratio") {
    rule.type = RuleType::kRatio;
    in.RejectUnknown(v, {"type", "metric", "target", "direction", "absolute"});
    const JsonValue* target = in.Member(v, "target", true);
    auto direction = ReadDirection(in, v.Find("direction"));
    ok = ReadMetric(in, v, rule) && target && direction;
    if (ok) {
      auto t = ReadNumber(in, *target);
      ok = t.has_value();
      if (ok && !(Rational(0) < *t)) {
        in.Error(*target, "rule.target",
                 "ratio 规则的目标值 target 必须大于 0（否则无法计算完成比例）");
        ok = false;
      }
      if (ok) rule.target = *t;
      rule.direction = direction.value_or(Direction::kHigher);
    }
  } else if (*type_name == "bands") {
    rule.type = RuleType::kBands;
    in.RejectUnknown(v, {"type", "metric", "bands", "absolute"});
    ok = ReadBands(in, v, rule);
  } else if (*type_name == "linear") {
    rule.type = RuleType::kLinear;
    in.RejectUnknown(
        v, {"type", "metric", "full_at", "direction", "per", "deduct", "steps", "absolute"});
    ok = ReadLinear(in, v, rule);
  } else if (*type_name == "target") {
    rule.type = RuleType::kTarget;
    in.RejectUnknown(v, {"type", "target", "partly", "bands"});
    const JsonValue* target = in.Member(v, "target", true);
    auto name = target ? in.String(*target) : std::nullopt;
    ok = name && !name->empty();
    if (ok) rule.target_name = *name;
    if (const JsonValue* partly = v.Find("partly")) {
      rule.partly = Fraction(in, *partly);
      ok = ok && rule.partly.has_value();
    }
    if (const JsonValue* bands = v.Find("bands")) {
      auto text = in.String(*bands);
      rule.national_bands = text && *text == "national";
      if (text && !rule.national_bands) {
        in.Error(*bands, "rule.target_bands",
                 "target 规则的 bands 目前只支持 \"national\"（达成 100–80%、部分达成 80–50%、"
                 "未达成 50–0%），实际为“" +
                     *text + "”");
        ok = false;
      }
      if (rule.national_bands && rule.partly &&
          (*rule.partly < Rational(1, 2) || !(*rule.partly < Rational(4, 5)))) {
        in.Error(v, "rule.target_bands", "partly 应在部分达成档 [50%, 80%) 之内");
        ok = false;
      }
    }
  } else if (*type_name == "timeliness") {
    rule.type = RuleType::kTimeliness;
    in.RejectUnknown(v, {"type", "source", "per_item", "per_day"});
    const JsonValue* source = in.Member(v, "source", true);
    auto s = source ? in.String(*source) : std::nullopt;
    ok = s.has_value();
    if (ok && *s != "transfers") {
      in.Error(*source, "rule.source",
               "timeliness 规则的 source 目前只支持 transfers（transfers.csv）");
      ok = false;
    }
    rule.source = s.value_or("");
    const JsonValue* per_item = v.Find("per_item");
    const JsonValue* per_day = v.Find("per_day");
    if (ok && (per_item == nullptr) == (per_day == nullptr)) {
      in.Error(v, "rule.timeliness",
               "timeliness 规则须且只须给出 per_item（每项扣分）或 per_day（每天扣分）之一");
      ok = false;
    }
    if (ok && per_item) {
      rule.per_item = ReadAmount(in, *per_item);
      ok = rule.per_item.has_value();
    }
    if (ok && per_day) {
      rule.per_day = ReadAmount(in, *per_day);
      ok = rule.per_day.has_value();
    }
  } else {
    in.Error(*type, "rule.unknown_type",
             "未知的评分规则类型“" + *type_name +
                 "”，可用：deduction、levels、elements、ratio、bands、linear、target、timeliness");
  }
  if (!ok) return std::nullopt;
  return rule;
}

}  // namespace jixiao
