// `jixiao import`: case.json's project, metrics and findings from the workbook; the tables via
// entry_import_tables.cc; then one atomic write, after the result has loaded as a case.
#include "casefile/entry_import.h"

#include <filesystem>
#include <set>

#include "casefile/entry_layout.h"
#include "casefile/entry_reader.h"
#include "core/amount.h"
#include "core/format.h"
#include "core/quantity.h"
#include "core/text.h"
#include "ingest/case_loader.h"
#include "ingest/json.h"
#include "model/target_value.h"

namespace jixiao {
namespace {

using entry::SheetReader;

JsonValue ProjectJson(const XlsxWorkbook& book, JsonValue project, Diagnostics& diags) {
  SheetReader in(book, entry::kProject, diags);
  if (!in.present()) return project;
  int field = in.Column("字段"), content = in.Column("内容");
  for (int r = 2; r <= in.LastRow(); ++r) {
    const std::string label = in.Text(r, field);
    if (label.empty()) continue;
    bool known = false;
    for (const auto& f : entry::ProjectFields()) {
      if (label != f.label) continue;
      known = true;
      // An empty cell keeps an existing placeholder but adds no key the case did not have.
      if (!in.Text(r, content).empty() || project.Find(f.key))
        JsonSet(project, f.key, JsonString(in.Text(r, content)));
    }
    if (!known)
      in.Error(r, field, "import.project_field",
               "未知字段“" + label + "”：项目信息的字段名请勿改动");
  }
  return project;
}

// The unit of one 指标数据 row: the 单位 cell, checked against the framework's declaration (a
// value typed into the unit column, "99.2%", or a unit with no exact conversion is an error at
// that cell); else the declared unit; else the unit written with the value.
std::optional<std::string> MetricUnit(SheetReader& in, int row, int unit_col,
                                      const std::string& metric, const DeclaredMetric* declared) {
  std::string unit = NormalizeWidth(in.Text(row, unit_col));
  if (unit.size() >= 2 && unit.front() == '(' && unit.back() == ')')
    unit = Trim(unit.substr(1, unit.size() - 2));
  if (unit.empty()) return declared ? declared->unit : "";
  const bool digits = unit.find_first_of("0123456789") != std::string::npos;
  if (digits || ParseQuantity(unit).quantity) {
    in.Error(row, unit_col, "import.metric_unit",
             "“单位”列填的是“" + in.Text(row, unit_col) +
                 "”，不是单位：数值请填在“数值”列，这里只写单位" +
                 (declared && !declared->unit.empty() ? "（指标体系规定为“" + declared->unit + "”）"
                                                      : "（如 %、人、万元）"));
    return std::nullopt;
  }
  if (declared && !declared->unit.empty() && !UnitFactor(unit, declared->unit)) {
    in.Error(row, unit_col, "import.metric_unit",
             "指标值“" + metric + "”的单位应为“" + declared->unit + "”（见指标体系），这里填的是“" +
                 unit + "”，两者之间没有确定的换算");
    return std::nullopt;
  }
  return unit;
}

JsonValue MetricsJson(const XlsxWorkbook& book, const Framework& fw, Diagnostics& diags) {
  JsonValue metrics = JsonObject();
  SheetReader in(book, entry::kMetrics, diags);
  if (!in.present()) return metrics;
  int name = in.Column("指标名称"), value = in.Column("数值"), unit = in.Column("单位"),
      source = in.Column("数据来源");
  for (int r = 2; r <= in.LastRow(); ++r) {
    const std::string metric = in.Text(r, name);
    if (metric.empty() && !in.Text(r, value).empty())
      in.Error(r, name, "import.blank", "填了数值但没有指标名称");
    if (metric.empty() || in.Text(r, value).empty()) continue;  // not entered
    auto unit_text = MetricUnit(in, r, unit, metric, fw.FindMetric(metric));
    if (!unit_text) continue;
    const XlsxCell& cell = in.Cell(r, value);
    std::optional<Rational> number;
    if (cell.type == XlsxCell::Type::kNumber && cell.date.empty()) {
      number = in.Number(r, value, true, true);
      if (number && unit_text->empty() && cell.style == XlsxNumberStyle::kPercent) *unit_text = "%";
    } else if (cell.type == XlsxCell::Type::kText) {  // "98.9%", "1,568人", "0.0129万元/人"
      QuantityParse parsed = ParseQuantity(in.Text(r, value));
      std::string error = parsed.error;
      if (parsed.quantity && unit_text->empty()) *unit_text = parsed.quantity->unit;
      if (parsed.quantity) number = ToUnit(*parsed.quantity, *unit_text, &error);
      if (!number)
        in.Error(r, value, "import.number",
                 "“" + in.Text(r, value) + "”无法读作“" + metric + "”的数值" +
                     (error.empty() ? "" : "（" + error + "）") + "：请填数字，如 98.9 或 98.9%");
    } else {
      number = in.Number(r, value, true, true);  // booleans, errors, dates: located refusals
    }
    if (!number) continue;
    if (unit_text->empty()) {
      in.Error(r, unit, "import.metric_unit",
               "指标值“" + metric + "”缺少单位：请在“单位”列填写（如 %、人、万元）");
      continue;
    }
    if (in.Text(r, source).empty())
      in.Error(r, source, "import.metric_source", "指标值“" + metric + "”缺少数据来源，请注明出处");
    JsonValue m = JsonObject();
    JsonSet(m, "value", JsonNumber(ExactDecimal(*number)));
    JsonSet(m, "unit", JsonString(*unit_text));
    JsonSet(m, "source", JsonString(in.Text(r, source)));
    if (metrics.Find(metric))
      in.Error(r, name, "import.duplicate", "指标值“" + metric + "”重复出现，请只保留一行");
    JsonSet(metrics, metric, std::move(m));
  }
  return metrics;
}

// Deductions by indicator code, from 扣分明细.
std::map<std::string, JsonValue> DeductionsJson(const XlsxWorkbook& book, const Framework& fw,
                                                Diagnostics& diags) {
  std::map<std::string, JsonValue> out;
  SheetReader in(book, entry::kDeductions, diags);
  if (!in.present()) return out;
  int code = in.Column("编码"), amount = in.Column("扣分"), reason = in.Column("原因");
  // Per leaf: points typed so far and the first row, to warn when they pass the weight.
  std::map<std::string, std::pair<Rational, int>> taken;
  for (int r = 2; r <= in.LastRow(); ++r) {
    const std::string c = in.Text(r, code), a = in.Text(r, amount), why = in.Text(r, reason);
    if (a.empty() && why.empty()) continue;
    const Indicator* leaf = fw.Find(c);
    if (c.empty() || !leaf || !leaf->IsLeaf()) {
      in.Error(
          r, code, "import.code",
          c.empty() ? "请填写被扣分的末级指标编码" : "“" + c + "”不是指标体系中的末级指标编码");
      continue;
    }
    if (why.empty()) in.Error(r, reason, "import.blank", "每项扣分都必须写明原因");
    const XlsxCell& cell = in.Cell(r, amount);
    if (in.RejectDate(r, amount, "扣分（分数如 0.75，或比例如 25%、2/3）")) continue;
    JsonValue value;
    auto& [points, first_row] = taken.try_emplace(c, Rational(0), r).first->second;
    if (cell.type == XlsxCell::Type::kNumber && cell.style == XlsxNumberStyle::kPercent) {
      auto v = Rational::Parse(cell.text);
      value = JsonString(ExactDecimal(*v * Rational(100)) + "%");
      points += *v * leaf->weight.ToRational();
    } else {
      std::string error;
      auto parsed = Amount::Parse(a, &error);
      if (!parsed) {
        in.Error(r, amount, "import.deduction",
                 "扣分“" + a + "”无法读取（" + error +
                     "）：填分数（如 0.75）或占分值的比例（如 25%、2/3）");
        continue;
      }
      value =
          parsed->share ? JsonString(NormalizeWidth(a)) : JsonNumber(ExactDecimal(parsed->value));
      points += parsed->PointsOf(leaf->weight.ToRational());
    }
    JsonValue d = JsonObject();
    JsonSet(d, "amount", std::move(value));
    JsonSet(d, "reason", JsonString(why));
    if (!out.count(c)) out[c] = JsonArray();
    out[c].items.push_back(std::move(d));
  }
  // Issue 21: more than the leaf's weight is counted as the weight — said at the leaf's first row.
  for (const auto& [c, sum] : taken) {
    const Rational weight = fw.Find(c)->weight.ToRational();
    if (weight < sum.first)
      diags.Warning("import.deduction_capped", in.Where(sum.second, amount),
                    CappedDeductionsMessage(c, sum.first, weight, "分值"));
  }
  return out;
}

// 等级 and 得分比例 of a target leaf with the national bands: the level one of 达成/部分达成/
// 未达成, the share (65%, 65 or 0.65) inside that level's band; errors at their cells.
void ReadTargetLevel(SheetReader& in, int r, int level_col, int share_col, const std::string& code,
                     JsonValue& f) {
  const std::string label = in.Text(r, level_col);
  std::optional<Attainment> level;
  if (!label.empty()) {
    level = AttainmentFromLabel(label);
    if (!level)
      in.Error(r, level_col, "import.level",
               "等级“" + label + "”不是指标 " + code +
                   " 的可选等级（达成、部分达成、未达成），请从下拉列表选择");
    else
      JsonSet(f, "level", JsonString(label));
  }
  const std::string text = in.Text(r, share_col);
  if (text.empty()) return;
  auto value = in.Number(r, share_col, false, true);
  if (!value) return;
  const bool percent = text.find('%') != std::string::npos ||
                       in.Cell(r, share_col).style == XlsxNumberStyle::kPercent;
  Rational share = percent || Rational(1) < *value ? *value / Rational(100) : *value;
  if (!level) {
    in.Error(r, share_col, "import.share",
             "填了得分比例，请先在“等级”列选择达成、部分达成或未达成（比例须在该档之内）");
    return;
  }
  if (!InNationalBand(*level, share)) {
    in.Error(r, share_col, "import.share",
             "得分比例 " + FormatShare(share) + " 不在“" + label + "”档 " +
                 NationalBandText(*level) + " 之内：请改为档内比例或改选等级");
    return;
  }
  JsonSet(f, "share", JsonString(FormatShare(share)));
}

JsonValue FindingsJson(const XlsxWorkbook& book, const Framework& fw, Diagnostics& diags) {
  JsonValue findings = JsonObject();
  std::map<std::string, JsonValue> deductions = DeductionsJson(book, fw, diags);
  SheetReader in(book, entry::kFindings, diags);
  if (!in.present()) return findings;
  int code = in.Column("编码"), value = in.Column("业绩值"), level = in.Column("等级"),
      met = in.Column("满足的要素"), score = in.Column("调整后得分"), why = in.Column("调整原因"),
      analysis = in.Column("分析"), summary = in.Column("摘要用语", false),
      share = in.Column("得分比例", false), not_applicable = in.Column("不适用", false);
  std::set<std::string> seen;
  for (int r = 2; r <= in.LastRow(); ++r) {
    const std::string c = in.Text(r, code);
    if (c.empty()) continue;
    const Indicator* node = fw.Find(c);
    if (!node) {
      in.Error(r, code, "import.code", "“" + c + "”不是指标体系中的指标编码");
      continue;
    }
    seen.insert(c);
    if (!node->IsLeaf()) {  // summary rows are shaded: their score is the sum of the leaves
      for (int col : {value, level, met, score, why, analysis, summary, share, not_applicable})
        if (col > 0 && !in.Text(r, col).empty())
          in.Error(r, col, "import.summary_row",
                   "“" + c + " " + node->name +
                       "”是汇总行（得分为下级指标之和），不填评价内容：请清空此格，"
                       "把内容填到其下级指标的行");
      continue;
    }
    JsonValue f = JsonObject();
    if (const std::string na = in.Text(r, not_applicable); na == "是") {
      JsonValue yes;
      yes.type = JsonValue::Type::kBool;
      yes.boolean = true;
      JsonSet(f, "not_applicable", std::move(yes));
    } else if (!na.empty()) {
      in.Error(r, not_applicable, "import.not_applicable",
               "“不适用”列只填“是”（本指标不适用）或留空，实际为“" + na + "”");
    }
    if (!in.Text(r, value).empty()) JsonSet(f, "value", JsonString(in.Text(r, value)));
    const std::string label = in.Text(r, level);
    const Rule* banded =
        node->rule && node->rule->type == RuleType::kTarget && node->rule->national_bands
            ? &*node->rule
            : nullptr;
    if (banded) {
      ReadTargetLevel(in, r, level, share, c, f);
    } else if (!in.Text(r, share).empty()) {
      in.Error(r, share, "import.share",
               "指标 " + c + " 不是按定性三档计分的绩效目标，请清空“得分比例”");
    }
    if (!label.empty() && !banded) {
      const Rule* rule = node->rule ? &*node->rule : nullptr;
      if (!rule || rule->type != RuleType::kLevels) {
        in.Error(r, level, "import.level", "指标 " + c + " 不按等级评分，请清空“等级”");
      } else {
        std::string labels;
        bool ok = false;
        for (const auto& l : rule->levels) {
          ok = ok || l.label == label;
          labels += (labels.empty() ? "" : "、") + l.label;
        }
        if (!ok)
          in.Error(r, level, "import.level",
                   "等级“" + label + "”不在指标 " + c + " 的可选等级中（" + labels +
                       "），请从下拉列表选择");
        JsonSet(f, "level", JsonString(label));
      }
    }
    const std::string met_text = NormalizeWidth(in.Text(r, met));
    if (!met_text.empty()) {
      JsonValue list = JsonArray();
      const size_t elements =
          node->rule && node->rule->type == RuleType::kElements ? node->rule->elements.size() : 0;
      if (elements == 0)
        in.Error(r, met, "import.elements", "指标 " + c + " 不按要素评分，请清空“满足的要素”");
      if (met_text != "无" && elements > 0) {
        std::string item;
        for (size_t i = 0; i <= met_text.size(); ++i) {
          const bool sep = i == met_text.size() || met_text[i] == ',' || met_text[i] == ' ' ||
                           met_text.compare(i, 3, "、") == 0;
          if (!sep) {
            item += met_text[i];
            continue;
          }
          if (met_text.compare(i, 3, "、") == 0) i += 2;
          if (item.empty()) continue;
          auto n = Rational::Parse(item);
          if (!n || n->den() != 1 || n->num() < 1 || n->num() > static_cast<int64_t>(elements))
            in.Error(r, met, "import.elements",
                     "“" + item + "”不是要素序号（1–" + std::to_string(elements) + "）");
          else
            list.items.push_back(JsonNumber(std::to_string(n->num())));
          item.clear();
        }
      }
      if (elements > 0) JsonSet(f, "met_elements", std::move(list));
    }
    if (auto it = deductions.find(c); it != deductions.end()) JsonSet(f, "deductions", it->second);
    if (!in.Text(r, score).empty()) {
      auto s = in.Number(r, score, true);
      auto exact = s ? Score::Exact(*s) : std::nullopt;
      if (s && (!exact || s->IsNegative() || node->weight.ToRational() < *s))
        in.Error(
            r, score, "import.override",
            "调整后得分应在 0 至 " + FormatScoreNumber(node->weight) + " 分之间，最多两位小数");
      if (in.Text(r, why).empty())
        in.Error(r, why, "import.blank", "填了调整后得分，请写明调整原因");
      if (exact) {
        JsonValue o = JsonObject();
        JsonSet(o, "score", JsonNumber(ExactDecimal(exact->ToRational())));
        JsonSet(o, "reason", JsonString(in.Text(r, why)));
        JsonSet(f, "override", std::move(o));
      }
    }
    if (!in.Text(r, analysis).empty()) JsonSet(f, "analysis", JsonString(in.Text(r, analysis)));
    if (!in.Text(r, summary).empty()) JsonSet(f, "summary", JsonString(in.Text(r, summary)));
    if (!f.members.empty()) JsonSet(findings, c, std::move(f));
  }
  for (const auto& [c, list] : deductions) {
    if (seen.count(c)) continue;
    JsonValue f = JsonObject();
    JsonSet(f, "deductions", list);
    JsonSet(findings, c, std::move(f));
  }
  return findings;
}

}  // namespace

// 经验问题建议 -> experiences, problems, suggestions (in sheet order).
void entry::ImportObservations(const XlsxWorkbook& book, const Framework& fw, JsonValue& root,
                               Diagnostics& diags) {
  SheetReader in(book, entry::kObservations, diags);
  if (!in.present()) return;
  int kind = in.Column("类别"), title = in.Column("标题"), text = in.Column("内容"),
      codes = in.Column("相关指标");
  JsonValue lists[3] = {JsonArray(), JsonArray(), JsonArray()};
  const char* kinds[3] = {"经验", "问题", "建议"};
  for (int r = 2; r <= in.LastRow(); ++r) {
    if (in.RowBlank(r)) continue;
    const std::string k = in.Text(r, kind);
    int which = -1;
    for (int i = 0; i < 3; ++i)
      if (k == kinds[i]) which = i;
    if (which < 0) {
      in.Error(r, kind, "import.observation_kind", "类别“" + k + "”应为 经验、问题 或 建议");
      continue;
    }
    if (in.Text(r, title).empty()) in.Error(r, title, "import.blank", "请填写标题");
    JsonValue o = JsonObject();
    JsonSet(o, "title", JsonString(in.Text(r, title)));
    JsonSet(o, "text", JsonString(in.Text(r, text)));
    JsonValue list = JsonArray();
    std::string item;
    const std::string all = NormalizeWidth(in.Text(r, codes)) + ",";
    for (size_t i = 0; i < all.size(); ++i) {
      const bool sep = all[i] == ',' || all[i] == ' ' || all.compare(i, 3, "、") == 0;
      if (!sep) {
        item += all[i];
        continue;
      }
      if (all.compare(i, 3, "、") == 0) i += 2;
      if (item.empty()) continue;
      if (!fw.Find(item))
        in.Error(r, codes, "import.code", "“" + item + "”不是指标体系中的指标编码");
      list.items.push_back(JsonString(item));
      item.clear();
    }
    if (!list.items.empty()) JsonSet(o, "indicators", std::move(list));
    lists[which].items.push_back(std::move(o));
  }
  JsonSet(root, "experiences", std::move(lists[0]));
  JsonSet(root, "problems", std::move(lists[1]));
  JsonSet(root, "suggestions", std::move(lists[2]));
}

std::string GuideValue(const XlsxWorkbook& book, const std::string& label) {
  const XlsxSheet* guide = book.Find(entry::kGuide);
  if (!guide) return "";
  for (int r = 1; r <= guide->max_row && r <= 50; ++r)
    if (Trim(guide->At(r, 1).text) == label) return Trim(guide->At(r, 2).text);
  return "";
}

bool ImportWorkbook(const XlsxWorkbook& book, const ImportTarget& target, Diagnostics& diags,
                    std::string& summary) {
  const size_t errors_before = diags.ErrorCount();
  std::string dir = target.case_dir;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  JsonValue root = JsonObject();
  const std::string case_json = dir + "/case.json";
  if (IsRegularFile(case_json)) {
    try {
      root = ReadJsonFile(case_json);
    } catch (const InputError& e) {
      diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
      return false;
    }
  } else {
    std::string id = GuideValue(book, entry::kGuideCaseId);
    const std::string base = std::filesystem::path(dir).filename().string();
    JsonSet(root, "id", JsonString(base.empty() ? id : base));
    JsonSet(root, "framework", JsonString(target.framework_ref));
  }
  const JsonValue* old_project = root.Find("project");
  JsonValue project = ProjectJson(book, old_project ? *old_project : JsonObject(), diags);
  JsonSet(root, "project", std::move(project));
  JsonSet(root, "metrics", MetricsJson(book, *target.framework, diags));
  JsonSet(root, "findings", FindingsJson(book, *target.framework, diags));
  entry::ImportObservations(book, *target.framework, root, diags);
  CaseFiles files;
  entry::ImportTables(book, files, diags);
  if (diags.ErrorCount() != errors_before) return false;
  const size_t target_actuals = entry::TargetActuals(files);

  std::vector<std::string> remove;
  size_t tables = 0;
  for (auto it = files.begin(); it != files.end();) {
    if (it->second.empty()) {
      remove.push_back(it->first);
      it = files.erase(it);
    } else {
      ++tables;
      ++it;
    }
  }
  files["case.json"] = JsonText(root);
  if (target.framework_copy) files[target.framework_copy->first] = target.framework_copy->second;
  try {
    WriteCaseFolder(dir, files, true, remove, [&](const std::string& temp) {
      Diagnostics check;
      if (LoadCase(temp, check)) return true;
      for (const Diagnostic& d : check.items()) {
        Location where = d.where;
        if (StartsWith(where.file, temp)) where.file = dir + where.file.substr(temp.size());
        diags.Add(d.severity, d.code, where, "导入结果无法作为案例读取：" + d.message);
      }
      return false;
    });
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return false;
  }
  if (diags.ErrorCount() != errors_before) return false;
  summary = "已导入到 " + dir + "：项目信息、" +
            std::to_string(root.Find("metrics")->members.size()) + " 个指标值、" +
            (target_actuals ? std::to_string(target_actuals) + " 个绩效目标实际值、" : "") +
            std::to_string(root.Find("findings")->members.size()) + " 条评价结论、" +
            std::to_string(tables) + " 张数据表。\n";
  return true;
}

}  // namespace jixiao
