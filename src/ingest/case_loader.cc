#include "ingest/case_loader.h"

#include "core/text.h"
#include "ingest/json.h"
#include "ingest/value_reader.h"

namespace jixiao {
namespace {

std::string StringMember(JsonReader& in, const JsonValue& object, const std::string& key) {
  const JsonValue* v = object.Find(key);
  if (!v) return "";
  return in.String(*v).value_or("");
}

void ReadProject(JsonReader& in, const JsonValue& v, Project& p) {
  if (!in.Expect(v, JsonValue::Type::kObject)) return;
  in.RejectUnknown(v, {"name", "year", "district", "town", "unit", "authority", "commissioner",
                       "evaluator", "lead", "kind", "period", "date", "report_title"});
  if (const JsonValue* name = in.Member(v, "name", true)) p.name = in.String(*name).value_or("");
  if (const JsonValue* year = v.Find("year")) {
    p.year = year->IsNumber() ? year->text : in.String(*year).value_or("");
  }
  p.district = StringMember(in, v, "district");
  p.town = StringMember(in, v, "town");
  p.unit = StringMember(in, v, "unit");
  p.authority = StringMember(in, v, "authority");
  p.commissioner = StringMember(in, v, "commissioner");
  p.evaluator = StringMember(in, v, "evaluator");
  p.lead = StringMember(in, v, "lead");
  p.kind = StringMember(in, v, "kind");
  p.period = StringMember(in, v, "period");
  p.date = StringMember(in, v, "date");
  p.report_title = StringMember(in, v, "report_title");
}

void ReadMetrics(JsonReader& in, const JsonValue& v, Case& c) {
  if (!in.Expect(v, JsonValue::Type::kObject)) return;
  for (const auto& [name, item] : v.members) {
    if (!in.Expect(item, JsonValue::Type::kObject)) continue;
    in.RejectUnknown(item, {"value", "unit", "source"});
    const JsonValue* value = in.Member(item, "value", true);
    if (!value) continue;
    const JsonValue* unit_field = item.Find("unit");
    std::string unit = unit_field ? in.String(*unit_field).value_or("") : "";
    std::string written;
    if (!unit_field) {  // the unit may come with the value: "99.2%", "329人"
      QuantityParse parsed = ParseQuantity(value->text);
      if (parsed.quantity) unit = parsed.quantity->unit;
      if (unit.empty()) {
        in.Error(
            item, "json.missing",
            "指标值“" + name +
                "”缺少单位：请写 \"unit\"（如 \"%\"、\"人\"），或在值中带单位（如 \"99.2%\"）");
        continue;
      }
    }
    auto number = ReadQuantity(in, *value, unit, &written);
    if (!number) continue;
    MetricValue m{*number, unit, StringMember(in, item, "source"), in.Where(item), value->text};
    if (unit == "%" && written.empty() && Rational(0) < *number && *number <= Rational(1)) {
      in.diags().Warning("metric.percent_fraction", in.Where(*value),
                         "指标值“" + name + "”为" + number->ToString() + "，单位为%，即" +
                             number->ToString() + "%；若指" + (*number * Rational(100)).ToString() +
                             "%，请写 " + (*number * Rational(100)).ToString() + " 或 \"" +
                             (*number * Rational(100)).ToString() + "%\"；确为" +
                             number->ToString() + "%时请写 \"" + number->ToString() + "%\"");
    }
    if (m.source.empty()) {
      in.Error(item, "case.metric_source",
               "指标值“" + name + "”缺少 source（数据来源说明），请注明出处");
    }
    c.metrics[name] = m;
  }
}

void ReadDeductions(JsonReader& in, const JsonValue& v, Finding& f) {
  if (!in.Expect(v, JsonValue::Type::kArray)) return;
  for (const auto& item : v.items) {
    if (!in.Expect(item, JsonValue::Type::kObject)) continue;
    in.RejectUnknown(item, {"amount", "reason"});
    const JsonValue* amount = in.Member(item, "amount", true);
    const JsonValue* reason = in.Member(item, "reason", true);
    if (!amount || !reason) continue;
    auto value = ReadAmount(in, *amount, "case.deduction");
    auto text = in.String(*reason);
    if (!value || !text) continue;
    if (Trim(*text).empty()) {
      in.Error(*reason, "case.deduction_reason", "每项扣分都必须写明原因 reason");
      continue;
    }
    f.deductions.push_back({*value, *text, in.Where(item)});
  }
}

void ReadFindings(JsonReader& in, const JsonValue& v, Case& c) {
  if (!in.Expect(v, JsonValue::Type::kObject)) return;
  for (const auto& [code, item] : v.members) {
    if (!in.Expect(item, JsonValue::Type::kObject)) continue;
    in.RejectUnknown(item, {"value", "level", "share", "met_elements", "deductions", "override",
                            "analysis", "summary", "not_applicable"});
    Finding f;
    f.where = in.Where(item);
    if (const JsonValue* value = item.Find("value")) f.value = in.String(*value);
    if (const JsonValue* level = item.Find("level")) f.level = in.String(*level);
    if (const JsonValue* na = item.Find("not_applicable")) {
      if (na->type == JsonValue::Type::kBool)
        f.not_applicable = na->boolean;
      else
        in.Error(*na, "case.not_applicable", "not_applicable 应为 true 或 false");
    }
    if (const JsonValue* share = item.Find("share")) {
      f.share = ReadNumber(in, *share);
      f.share_where = in.Where(*share);
      if (f.share && (f.share->IsNegative() || Rational(1) < *f.share)) {
        in.Error(*share, "case.share",
                 "得分比例应在 0 到 100% 之间（如 \"65%\"），实际为“" + share->text + "”");
        f.share.reset();
      }
    }
    if (const JsonValue* met = item.Find("met_elements")) {
      f.has_met_elements = in.Expect(*met, JsonValue::Type::kArray);
      for (const auto& n : met->items) {
        auto i = in.Integer(n);
        if (i && (*i < 0 || *i > 10000)) {
          in.Error(n, "case.met_elements", "要素序号应在 0–10000 之间，实际为“" + n.text + "”");
        } else if (i) {
          f.met_elements.push_back(static_cast<int>(*i));
        }
      }
    }
    if (const JsonValue* deductions = item.Find("deductions")) ReadDeductions(in, *deductions, f);
    if (const JsonValue* o = item.Find("override")) {
      if (in.Expect(*o, JsonValue::Type::kObject)) {
        in.RejectUnknown(*o, {"score", "reason"});
        const JsonValue* score = in.Member(*o, "score", true);
        const JsonValue* reason = in.Member(*o, "reason", true);
        auto s = score ? in.Number(*score) : std::nullopt;
        auto r = reason ? in.String(*reason) : std::nullopt;
        auto exact = s ? Score::Exact(*s) : std::nullopt;
        if (s && !exact) in.Error(*score, "case.override_score", "调整后得分最多两位小数");
        if (exact && r) f.override_score = ScoreOverride{*exact, *r, in.Where(*o)};
      }
    }
    f.analysis = StringMember(in, item, "analysis");
    f.summary = Trim(StringMember(in, item, "summary"));
    c.findings[code] = f;
  }
}

void ReadObservations(JsonReader& in, const JsonValue& v, std::vector<Observation>& out) {
  if (!in.Expect(v, JsonValue::Type::kArray)) return;
  for (const auto& item : v.items) {
    if (!in.Expect(item, JsonValue::Type::kObject)) continue;
    in.RejectUnknown(item, {"title", "text", "indicators"});
    Observation o;
    if (const JsonValue* t = in.Member(item, "title", true)) o.title = in.String(*t).value_or("");
    o.text = StringMember(in, item, "text");
    if (const JsonValue* codes = item.Find("indicators")) {
      if (in.Expect(*codes, JsonValue::Type::kArray))
        for (const auto& code : codes->items)
          if (auto s = in.String(code)) o.indicators.push_back(*s);
    }
    out.push_back(o);
  }
}

// case.json "survey": what the evaluator states of a survey without its responses.
void ReadSurveyStatement(JsonReader& in, const JsonValue& v, SurveyStatement& out) {
  if (!in.Expect(v, JsonValue::Type::kObject)) return;
  in.RejectUnknown(v, {"sample", "valid", "method"});
  out.where = in.Where(v);
  for (const char* key : {"sample", "valid"}) {
    const JsonValue* n = v.Find(key);
    if (!n) continue;
    auto count = in.Integer(*n);
    if (count && *count <= 0) {
      in.Error(*n, "case.survey",
               std::string(key == std::string("sample") ? "样本量" : "有效问卷数") +
                   "应为正整数（份），请改正或删去这一项");
      count.reset();
    }
    (key == std::string("sample") ? out.sample : out.valid) = count;
  }
  out.method = Trim(StringMember(in, v, "method"));
  if (out.sample && out.valid && *out.valid > *out.sample)
    in.Error(*v.Find("valid"), "case.survey",
             "有效问卷数" + std::to_string(*out.valid) + "份多于样本量" +
                 std::to_string(*out.sample) + "份：请核对 sample（发放或回收的问卷份数）和 valid");
}

void ReadNarrative(JsonReader& in, const JsonValue& v, const std::string& dir, Case& c) {
  if (!in.Expect(v, JsonValue::Type::kObject)) return;
  for (const auto& [key, item] : v.members) {
    auto file = in.String(item);
    if (!file) continue;
    // Narrative files are read from narrative/ only: no absolute path, no "..", no symlink out.
    std::string path = dir + "/narrative/" + *file;
    if (!IsPlainRelativePath(*file) || !IsInside(path, dir + "/narrative")) {
      in.Error(item, "case.narrative_path",
               "叙述文件“" + *file +
                   "”必须位于案例的 narrative/ 目录内：请只写文件名（如 background.md），"
                   "不要用绝对路径、“..”或指向目录外的符号链接");
      continue;
    }
    std::string why;
    auto text = ReadFileBytes(path, &why);
    if (!text) {
      in.Error(item, "case.narrative_missing",
               "无法读取叙述文件 narrative/" + *file + "：" + why + "，请检查文件名");
      continue;
    }
    if (!IsValidUtf8(*text)) {
      in.Error(item, "case.narrative_encoding",
               "叙述文件 narrative/" + *file + " 必须是 UTF-8 编码");
      continue;
    }
    c.narrative[key] = *text;
  }
}

}  // namespace

TargetProject LoadTargetProject(const std::string& file, Diagnostics& diags) {
  TargetProject p;
  JsonValue root;
  try {
    root = ReadJsonFile(file);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return p;
  }
  JsonReader in(file, diags);
  if (!in.Expect(root, JsonValue::Type::kObject)) return p;
  in.RejectUnknown(root,
                   {"项目名称", "项目类别", "主管部门", "实施单位", "计划开始日期", "计划完成日期",
                    "项目资金总额", "其中财政资金", "其他资金", "总目标", "年度目标", "年度"});
  p.present = true;
  p.name = StringMember(in, root, "项目名称");
  p.category = StringMember(in, root, "项目类别");
  p.authority = StringMember(in, root, "主管部门");
  p.unit = StringMember(in, root, "实施单位");
  p.start_date = StringMember(in, root, "计划开始日期");
  p.end_date = StringMember(in, root, "计划完成日期");
  p.overall_goal = StringMember(in, root, "总目标");
  p.annual_goal = StringMember(in, root, "年度目标");
  if (const JsonValue* y = root.Find("年度")) {
    p.year = y->IsNumber() ? y->text : StringMember(in, root, "年度");
    p.year_where = file + " 年度";
  }
  p.overall_goal_given = root.Find("总目标") != nullptr;
  p.annual_goal_given = root.Find("年度目标") != nullptr;
  const std::pair<const char*, std::optional<Money>*> amounts[] = {
      {"项目资金总额", &p.total_funds},
      {"其中财政资金", &p.fiscal_funds},
      {"其他资金", &p.other_funds}};
  for (const auto& [key, target] : amounts) {
    const JsonValue* v = root.Find(key);
    if (!v) continue;
    auto number = in.Number(*v);
    if (!number) continue;
    Rational fen = *number * Rational(1000000);
    if (fen.den() != 1) {
      in.Error(*v, "target.amount", std::string(key) + "以万元为单位，最多六位小数");
      continue;
    }
    *target = Money{fen.num()};
  }
  return p;
}

std::string CaseIdOf(const std::string& dir_in) {
  std::string dir = dir_in;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  size_t slash = dir.find_last_of('/');
  std::string id = slash == std::string::npos ? dir : dir.substr(slash + 1);
  try {
    JsonValue root = ReadJsonFile(dir + "/case.json");
    if (const JsonValue* v = root.Find("id"); v && v->IsString()) id = v->text;
  } catch (const InputError&) {
  }
  return id;
}

std::optional<Case> LoadCase(const std::string& dir_in, Diagnostics& diags) {
  std::string dir = dir_in;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  if (!IsDirectory(dir)) {
    diags.Error("case.not_directory", {dir, 0, 0, ""},
                "案例路径不是目录，请给出包含 case.json 的案例目录");
    return std::nullopt;
  }
  size_t errors_before = diags.ErrorCount();
  std::string file = dir + "/case.json";
  std::string why;
  auto bytes = ReadFileBytes(file, &why);
  if (!bytes && !PathExists(file)) {
    diags.Error(
        "case.missing_case_json", {file, 0, 0, ""},
        "案例目录中没有 case.json：请至少提供 case.json（framework、project、findings 等）");
    return std::nullopt;
  }
  if (!bytes) {
    diags.Error("file.unreadable", {file, 0, 0, ""}, "无法读取 case.json：" + why);
    return std::nullopt;
  }
  JsonValue root;
  try {
    root = ParseJson(file, *bytes);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return std::nullopt;
  }
  JsonReader in(file, diags);
  if (!in.Expect(root, JsonValue::Type::kObject)) return std::nullopt;
  in.RejectUnknown(root, {"id", "framework", "project", "metrics", "findings", "experiences",
                          "problems", "suggestions", "narrative", "survey"});
  Case c;
  c.dir = dir;
  size_t slash = dir.find_last_of('/');
  c.id = slash == std::string::npos ? dir : dir.substr(slash + 1);
  if (const JsonValue* id = root.Find("id")) c.id = in.String(*id).value_or(c.id);
  if (const JsonValue* fw = in.Member(root, "framework", true)) {
    c.framework_ref = in.String(*fw).value_or("");
    c.framework_ref_where = in.Where(*fw);
  }
  if (const JsonValue* p = in.Member(root, "project", true)) ReadProject(in, *p, c.project);
  if (const JsonValue* m = root.Find("metrics")) ReadMetrics(in, *m, c);
  if (const JsonValue* f = root.Find("findings")) ReadFindings(in, *f, c);
  if (const JsonValue* e = root.Find("experiences")) ReadObservations(in, *e, c.experiences);
  if (const JsonValue* p = root.Find("problems")) ReadObservations(in, *p, c.problems);
  if (const JsonValue* s = root.Find("suggestions")) ReadObservations(in, *s, c.suggestions);
  if (const JsonValue* n = root.Find("narrative")) ReadNarrative(in, *n, dir, c);
  if (const JsonValue* s = root.Find("survey")) ReadSurveyStatement(in, *s, c.survey_statement);
  LoadCaseTables(dir, c, diags);
  LoadSurvey(dir, c.survey, diags);
  LoadAttachments(dir, c.attachments, diags);
  if (diags.ErrorCount() != errors_before) return std::nullopt;
  return c;
}

}  // namespace jixiao
