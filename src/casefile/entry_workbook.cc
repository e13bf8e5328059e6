// The data-entry workbook model, sheet by sheet.
#include "casefile/entry_workbook.h"

#include <algorithm>
#include <cstdlib>

#include "casefile/case_files.h"
#include "casefile/entry_guide_sheet.h"
#include "casefile/entry_layout.h"
#include "casefile/targets_framework.h"
#include "core/format.h"
#include "core/text.h"
#include "model/metric_names.h"

namespace jixiao {
namespace {

using doc::CellStyle;
using doc::DataValidation;

constexpr int kBlankRows = 30;  // empty input rows below the pre-filled ones

// Six decimals: ToDecimal(15) scaled by 10^15 and overflowed for any value from 9,224 up.
double ToDouble(const Rational& value) { return std::strtod(value.ToDecimal(6).c_str(), nullptr); }
double Yuan(Money m) { return static_cast<double>(m.fen) / 100.0; }

doc::Sheet DataSheet(const std::string& name, const std::vector<entry::Column>& columns) {
  doc::Sheet sheet;
  sheet.name = name;
  for (size_t c = 0; c < columns.size(); ++c) {
    sheet.Text(0, static_cast<int>(c), columns[c].header, CellStyle::kHeader);
    sheet.widths.push_back(columns[c].width);
  }
  sheet.freeze_rows = 1;
  sheet.header_first_row = sheet.header_last_row = 0;
  return sheet;
}

void Validate(doc::Sheet& sheet, int first_row, int last_row, int col, DataValidation::Kind kind,
              double min, double max, const std::string& title, const std::string& prompt,
              bool strict = false) {
  DataValidation v{first_row, col, last_row, col, kind, {}, min, max, strict, title, prompt};
  sheet.validations.push_back(v);
}

void List(doc::Sheet& sheet, int row, int col, const std::vector<std::string>& options,
          const std::string& title, const std::string& prompt, int last_row = -1) {
  DataValidation v{row,
                   col,
                   last_row < 0 ? row : last_row,
                   col,
                   DataValidation::Kind::kList,
                   options,
                   0,
                   0,
                   true,
                   title,
                   prompt};
  sheet.validations.push_back(v);
}

void PutMoney(doc::Sheet& sheet, int r, int c, std::optional<jixiao::Money> m) {
  if (m)
    sheet.Number(r, c, Yuan(*m), CellStyle::kInputYuan);
  else
    sheet.Text(r, c, "", CellStyle::kInputYuan);
}

void InputText(doc::Sheet& sheet, int r, int c, const std::string& text) {
  sheet.Text(r, c, text, CellStyle::kInputText);
}

void MoneyColumns(doc::Sheet& sheet, int last, std::initializer_list<int> cols) {
  for (int c : cols)
    Validate(sheet, 1, last, c, DataValidation::Kind::kDecimal, -1e13, 1e13, "金额（元）",
             "填数字，单位元，如 1471745.31；万元请换算成元，或把表头改成“(万元)”");
}

void BlankInputs(doc::Sheet& sheet, int from, int to, size_t cols) {
  for (int r = from; r <= to; ++r)
    for (size_t c = 0; c < cols; ++c)
      if (!sheet.At(r, static_cast<int>(c))) InputText(sheet, r, static_cast<int>(c), "");
}

doc::Sheet ProjectSheet(const Project& p) {
  doc::Sheet s = DataSheet(entry::kProject, {{"字段", 14}, {"内容", 50}, {"说明", 40}});
  const std::string* values[] = {&p.name,      &p.year,         &p.district,    &p.town, &p.unit,
                                 &p.authority, &p.commissioner, &p.evaluator,   &p.lead, &p.kind,
                                 &p.period,    &p.date,         &p.report_title};
  int r = 1;
  for (size_t i = 0; i < entry::ProjectFields().size(); ++i, ++r) {
    const auto& field = entry::ProjectFields()[i];
    s.Text(r, 0, field.label, CellStyle::kHeader);
    InputText(s, r, 1, *values[i]);
    s.Text(r, 2, field.hint, CellStyle::kNote);
  }
  return s;
}

doc::Sheet BudgetSheet(const Case& c) {
  doc::Sheet s = DataSheet(entry::kBudget, entry::BudgetColumns());
  int r = 1;
  for (const BudgetLine& line : c.budget.rows) {
    for (size_t i = 0; i < line.details.size(); ++i, ++r) {
      const BudgetDetail& d = line.details[i];
      InputText(s, r, 0, i == 0 ? line.seq : "");
      InputText(s, r, 1, i == 0 ? line.composition : "");
      InputText(s, r, 2, d.detail);
      InputText(s, r, 3, d.source);
      PutMoney(s, r, 4, d.initial);
      // 调整金额/调整后预算/实际支出 belong to the line (one merged cell in published tables).
      PutMoney(s, r, 5, i == 0 ? std::optional<jixiao::Money>(line.adjustment) : std::nullopt);
      PutMoney(s, r, 6, i == 0 ? std::optional<jixiao::Money>(line.adjusted) : std::nullopt);
      PutMoney(s, r, 7, i == 0 ? std::optional<jixiao::Money>(line.actual) : std::nullopt);
      if (d.unit_price) s.Number(r, 8, ToDouble(*d.unit_price), CellStyle::kInputNumber);
      if (d.quantity) s.Number(r, 9, ToDouble(*d.quantity), CellStyle::kInputNumber);
      InputText(s, r, 10, d.quantity_unit);
      InputText(s, r, 11, d.basis);
    }
  }
  if (c.budget_totals) {
    InputText(s, r, 0, "合计");
    PutMoney(s, r, 4, c.budget_totals->initial);
    PutMoney(s, r, 5, c.budget_totals->adjustment);
    PutMoney(s, r, 6, c.budget_totals->adjusted);
    PutMoney(s, r, 7, c.budget_totals->actual);
    ++r;
  }
  BlankInputs(s, 1, r + kBlankRows, entry::BudgetColumns().size());
  MoneyColumns(s, r + kBlankRows, {4, 5, 6, 7, 8});
  return s;
}

doc::Sheet FundingSheet(const Case& c) {
  doc::Sheet s = DataSheet(entry::kFunding, entry::FundingColumns());
  int r = 1;
  for (const FundingLine& f : c.funding.rows) {
    InputText(s, r, 0, f.source);
    PutMoney(s, r, 1, f.budget);
    PutMoney(s, r++, 2, f.received);
  }
  BlankInputs(s, 1, r + 10, 3);
  MoneyColumns(s, r + 10, {1, 2});
  return s;
}

doc::Sheet HistorySheet(const Case& c) {
  doc::Sheet s = DataSheet(entry::kHistory, entry::HistoryColumns());
  int r = 1;
  for (const HistoryRow& h : c.history.rows) {
    InputText(s, r, 0, h.year);
    PutMoney(s, r, 1, h.initial);
    PutMoney(s, r, 2, h.adjusted);
    PutMoney(s, r++, 3, h.actual);
  }
  BlankInputs(s, 1, r + 5, 4);
  MoneyColumns(s, r + 5, {1, 2, 3});
  return s;
}

double Serial(const Date& d) {  // Excel 1900-system serial of a date after 1900-03-01
  return static_cast<double>(d.DayNumber() + 25569);
}

doc::Sheet TransferSheet(const Case& c) {
  doc::Sheet s = DataSheet(entry::kTransfers, entry::TransferColumns());
  int r = 1;
  for (const Transfer& t : c.transfers.rows) {
    InputText(s, r, 0, t.item);
    PutMoney(s, r, 1, t.amount);
    s.Number(r, 2, Serial(t.due), CellStyle::kInputDate);
    s.Number(r++, 3, Serial(t.actual), CellStyle::kInputDate);
  }
  for (int row = r; row <= r + kBlankRows; ++row) {
    InputText(s, row, 0, "");
    PutMoney(s, row, 1, std::nullopt);
    s.Text(row, 2, "", CellStyle::kInputDate);
    s.Text(row, 3, "", CellStyle::kInputDate);
  }
  MoneyColumns(s, r + kBlankRows, {1});
  for (int col : {2, 3})
    Validate(s, 1, r + kBlankRows, col, DataValidation::Kind::kDate, 1990, 2100, "日期",
             "填日期，如 2024-06-20", true);
  return s;
}

doc::Sheet PlanSheet(const Case& c) {
  doc::Sheet s = DataSheet(entry::kPlan, entry::PlanColumns());
  int r = 1;
  for (const PlanRow& p : c.plan.rows) {
    InputText(s, r, 0, p.seq);
    InputText(s, r, 1, p.policy);
    InputText(s, r, 2, p.content);
    s.Number(r, 3, ToDouble(p.planned), CellStyle::kInputNumber);
    if (p.actual) s.Number(r, 4, ToDouble(*p.actual), CellStyle::kInputNumber);
    InputText(s, r++, 5, p.unit);
  }
  BlankInputs(s, 1, r + kBlankRows, 6);
  for (int col : {3, 4})
    Validate(s, 1, r + kBlankRows, col, DataValidation::Kind::kDecimal, 0, 1e12, "数量",
             "填数字；“合计”行与各行之和核对");
  return s;
}

doc::Sheet DisbursementSheet(const Case& c) {
  doc::Sheet s = DataSheet(entry::kDisbursements, entry::DisbursementColumns());
  int r = 1;
  for (const Disbursement& d : c.disbursements.rows) {
    s.Number(r, 0, d.month, CellStyle::kInputNumber);
    s.Number(r, 1, d.batch, CellStyle::kInputNumber);
    s.Number(r, 2, static_cast<double>(d.persons), CellStyle::kInputNumber);
    PutMoney(s, r, 3, d.amount);
    InputText(s, r++, 4, d.note);
  }
  BlankInputs(s, 1, r + kBlankRows, 5);
  Validate(s, 1, r + kBlankRows, 0, DataValidation::Kind::kWhole, 1, 12, "月份", "填 1–12", true);
  Validate(s, 1, r + kBlankRows, 1, DataValidation::Kind::kWhole, 1, 1000, "批次", "当月第几批",
           true);
  Validate(s, 1, r + kBlankRows, 2, DataValidation::Kind::kWhole, 0, 1e9, "人次", "非负整数", true);
  MoneyColumns(s, r + kBlankRows, {3});
  return s;
}

doc::Sheet TargetSheet(const Case& c) {
  doc::Sheet s = DataSheet(entry::kTargets, entry::TargetColumns());
  int r = 1;
  for (const TargetRow& t : c.targets.rows) {
    const std::string cells[] = {t.level1, t.level2, t.level3, t.value_type,  t.value,
                                 t.unit,   t.actual, t.source, t.explanation, t.criteria};
    for (int col = 0; col < 10; ++col) InputText(s, r, col, cells[col]);
    ++r;
  }
  BlankInputs(s, 1, r + 10, 10);
  Validate(s, 1, r + 10, 6, DataValidation::Kind::kAny, 0, 0, "实际值",
           "按指标值的写法填：数值如 98.9%、36500；定性如 及时、有效");
  return s;
}

doc::Sheet MetricSheet(const Framework& fw, const Case& c) {
  doc::Sheet s = DataSheet(entry::kMetrics, entry::MetricColumns());
  int r = 1;
  std::vector<std::string> done;
  auto row = [&](const std::string& name, const std::string& unit, const std::string& note) {
    InputText(s, r, 0, name);
    auto it = c.metrics.find(name);
    if (it != c.metrics.end())
      s.Number(r, 1, ToDouble(it->second.value), CellStyle::kInputNumber);
    else
      s.Text(r, 1, "", CellStyle::kInputNumber);
    InputText(s, r, 2, it != c.metrics.end() ? it->second.unit : unit);
    InputText(s, r, 3, it != c.metrics.end() ? it->second.source : "");
    s.Text(r++, 4, note, CellStyle::kNote);
    done.push_back(name);
  };
  std::vector<std::string> used;  // metrics some rule scores on
  fw.ForEach([&](const Indicator& node) {
    if (node.rule && !node.rule->metric.empty()) used.push_back(node.rule->metric);
  });
  for (const DeclaredMetric& m : fw.metrics)
    if (std::find(used.begin(), used.end(), m.name) != used.end())
      row(m.name, m.unit,
          m.description + (c.survey.present ? "（有问卷答卷时由答卷计算，可不填）" : ""));
  for (const auto& [name, m] : c.metrics)
    if (std::find(done.begin(), done.end(), name) == done.end()) row(name, m.unit, "");
  BlankInputs(s, 1, r + 5, 4);
  Validate(s, 1, r + 5, 1, DataValidation::Kind::kDecimal, -1e13, 1e13, "数值",
           "填数字；百分比按百分数填（98.9 表示 98.9%，单位列写 %）");
  return s;
}

std::string RuleHelp(const Indicator& leaf) {
  if (!leaf.rule) return "";
  const Rule& rule = *leaf.rule;
  std::string help = RuleTypeName(rule.type);
  if (rule.type == RuleType::kLevels) {
    help = "等级：";
    for (const auto& l : rule.levels) help += l.label + " ";
  } else if (rule.type == RuleType::kElements) {
    help = "要素：";
    for (size_t i = 0; i < rule.elements.size(); ++i)
      help += std::to_string(i + 1) + "." + rule.elements[i].text + " ";
  } else if (!rule.metric.empty()) {
    // Issue 23 §7: the bands/formula as the report states them (the 评分标准 text), and the
    // formula of a metric computed from the tables.
    help = "按指标值“" + rule.metric + "”计分";
    if (const DerivedMetricInfo* derived = FindDerivedMetric(rule.metric))
      help += "（" + rule.metric + " = " + derived->formula + "，由“" +
              entry::SheetOfFile(derived->needs) + "”表计算" +
              (*derived->terms ? std::string("；") + derived->terms : "") + "）";
    if (!leaf.criteria.empty() && !StartsWith(leaf.criteria, kTodoMark))
      help += "；评分标准：" + leaf.criteria;
  } else if (rule.type == RuleType::kTarget) {
    help = "按绩效目标“" + rule.target_name + "”的实际值计分";
    if (rule.national_bands)
      help +=
          "；定性三档：达成100%–80%（含）、部分达成80%–50%（含）、未达成50%"
          "–0；可选等级、填得分比例" +
          std::string(rule.partly ? "（部分达成未填比例时按" + FormatShare(*rule.partly) + "）"
                                  : "");
    else if (!leaf.criteria.empty() && !StartsWith(leaf.criteria, kTodoMark))
      help += "；评分标准：" + leaf.criteria;  // a number: how a shortfall is scored
  } else if (rule.type == RuleType::kDeduction) {
    help = "扣分制：在“扣分明细”中逐项填写";
  } else if (rule.type == RuleType::kTimeliness) {
    help = "按资金划拨时效计分";
  }
  return help;
}

doc::Sheet FindingSheet(const Framework& fw, const Case& c) {
  doc::Sheet s = DataSheet(entry::kFindings, entry::FindingColumns());
  s.freeze_cols = 2;
  int r = 1;
  fw.ForEach([&](const Indicator& node) {
    const auto it = c.findings.find(node.code);
    const Finding* f = it != c.findings.end() ? &it->second : nullptr;
    s.Text(r, 0, node.code, node.IsLeaf() ? CellStyle::kCenter : CellStyle::kHeader);
    s.Text(r, 1, std::string(static_cast<size_t>(node.level - 1) * 2, ' ') + node.name,
           node.IsLeaf() ? CellStyle::kText : CellStyle::kHeader);
    s.Number(r, 2, ToDouble(node.weight.ToRational()), CellStyle::kScore);
    s.Text(r, 3, RuleHelp(node), CellStyle::kNote);
    if (!node.IsLeaf()) {  // a summary row: shaded, nothing to type (import rejects a value)
      for (int col = 4; col <= 12; ++col) s.Text(r, col, "", CellStyle::kHeader);
      DataValidation locked{r,
                            4,
                            r,
                            12,
                            DataValidation::Kind::kNothing,
                            {},
                            0,
                            0,
                            true,
                            "汇总行",
                            "汇总行：得分为下级指标之和，不填；请把内容填到其下级指标的行"};
      s.validations.push_back(locked);
      ++r;
      return;
    }
    InputText(s, r, 4, f && f->value ? *f->value : "");
    InputText(s, r, 5, f && f->level ? *f->level : "");
    std::string met;
    if (f && f->has_met_elements) {
      for (int e : f->met_elements) met += (met.empty() ? "" : ",") + std::to_string(e);
      if (met.empty()) met = "无";
    }
    InputText(s, r, 6, met);
    if (f && f->override_score)
      s.Number(r, 7, ToDouble(f->override_score->score.ToRational()), CellStyle::kInputNumber);
    else
      s.Text(r, 7, "", CellStyle::kInputNumber);
    InputText(s, r, 8, f && f->override_score ? f->override_score->reason : "");
    InputText(s, r, 9, f ? f->analysis : "");
    InputText(s, r, 10, f ? f->summary : "");
    InputText(s, r, 11, f && f->share ? FormatShare(*f->share) : "");
    InputText(s, r, 12, f && f->not_applicable ? "是" : "");
    List(s, r, 12, {"是"}, "不适用",
         fw.not_applicable_within_level1
             ? "本指标不适用时选“是”：其分值在所属一级指标内按比例调剂"
             : "本指标不适用时选“是”：按百分制折算，其分值按比例计入其他指标");
    if (node.rule && node.rule->type == RuleType::kTarget && node.rule->national_bands) {
      List(s, r, 5, {"达成", "部分达成", "未达成"}, "等级", "定性目标：选达成、部分达成或未达成");
      Validate(s, r, r, 11, DataValidation::Kind::kAny, 0, 0, "得分比例",
               "在所选等级的档内填百分比：达成80%–100%，部分达成50%–80%（不含80%），未达成0–50%");
    }
    if (node.rule && node.rule->type == RuleType::kLevels) {
      std::vector<std::string> labels;
      for (const auto& l : node.rule->levels) labels.push_back(l.label);
      List(s, r, 5, labels, "等级", "从下拉列表中选择");
    }
    if (node.rule && node.rule->type == RuleType::kElements)
      Validate(s, r, r, 6, DataValidation::Kind::kAny, 0, 0, "满足的要素",
               "填要素序号，逗号分隔（如 1,3）；都不满足填“无”");
    Validate(s, r, r, 7, DataValidation::Kind::kDecimal, 0, ToDouble(node.weight.ToRational()),
             "调整后得分", "仅人工改分时填写（0 至分值），并写明调整原因", true);
    ++r;
  });
  return s;
}

doc::Sheet DeductionSheet(const Framework& fw, const Case& c) {
  doc::Sheet s = DataSheet(entry::kDeductions, entry::DeductionColumns());
  int r = 1;
  std::vector<std::string> codes;
  fw.ForEach([&](const Indicator& node) {
    if (node.IsLeaf()) codes.push_back(node.code);
  });
  fw.ForEach([&](const Indicator& node) {
    auto it = c.findings.find(node.code);
    if (it == c.findings.end()) return;
    for (const CaseDeduction& d : it->second.deductions) {
      InputText(s, r, 0, node.code);
      s.Text(r, 1, node.name, CellStyle::kNote);
      InputText(s, r, 2,
                d.amount.share ? FormatShare(d.amount.value) : ExactDecimal(d.amount.value));
      InputText(s, r++, 3, d.reason);
    }
  });
  BlankInputs(s, 1, r + kBlankRows, 4);
  for (int row = 1; row <= r + kBlankRows; ++row) {
    if (s.At(row, 1) && !s.At(row, 1)->text.empty()) continue;
    const std::string code_cell = doc::Ref(row, 0);
    s.FormulaText(row, 1, "IFERROR(VLOOKUP(" + code_cell + ",评价结论!A:B,2,FALSE),\"\")", "",
                  CellStyle::kNote);
  }
  List(s, 1, 0, codes, "编码", "选择被扣分的末级指标编码", r + kBlankRows);
  Validate(s, 1, r + kBlankRows, 2, DataValidation::Kind::kAny, 0, 0, "扣分",
           "分数如 0.75；比例如 25% 或 2/3（占该指标分值）");
  return s;
}

doc::Sheet ObservationSheet(const Case& c) {
  doc::Sheet s = DataSheet(entry::kObservations, entry::ObservationColumns());
  int r = 1;
  const std::pair<const char*, const std::vector<Observation>*> groups[] = {
      {"经验", &c.experiences}, {"问题", &c.problems}, {"建议", &c.suggestions}};
  for (const auto& [kind, list] : groups) {
    for (const Observation& o : *list) {
      InputText(s, r, 0, kind);
      InputText(s, r, 1, o.title);
      InputText(s, r, 2, o.text);
      std::string codes;
      for (const auto& code : o.indicators) codes += (codes.empty() ? "" : ",") + code;
      InputText(s, r++, 3, codes);
    }
  }
  BlankInputs(s, 1, r + 15, 4);
  List(s, 1, 0, {"经验", "问题", "建议"}, "类别", "经验、问题或建议", r + 15);
  Validate(s, 1, r + 15, 3, DataValidation::Kind::kAny, 0, 0, "相关指标",
           "相关的指标编码，逗号分隔（如 A21,B13）；报告在问题和建议中引用这些指标");
  return s;
}

}  // namespace

doc::Workbook BuildEntryWorkbook(const Framework& framework, const Case& c,
                                 const std::vector<std::string>& target_notes,
                                 EntryBookFor reader) {
  doc::Workbook book;
  book.title = c.project.name.empty() ? c.id + " 数据录入" : c.project.name + " 数据录入";
  book.sheets.push_back(EntryGuideSheet(framework, c, target_notes, reader));
  book.sheets.push_back(ProjectSheet(c.project));
  book.sheets.push_back(BudgetSheet(c));
  book.sheets.push_back(FundingSheet(c));
  book.sheets.push_back(HistorySheet(c));
  book.sheets.push_back(TransferSheet(c));
  book.sheets.push_back(PlanSheet(c));
  book.sheets.push_back(DisbursementSheet(c));
  book.sheets.push_back(TargetSheet(c));
  book.sheets.push_back(MetricSheet(framework, c));
  book.sheets.push_back(FindingSheet(framework, c));
  book.sheets.push_back(DeductionSheet(framework, c));
  book.sheets.push_back(ObservationSheet(c));
  return book;
}

}  // namespace jixiao
