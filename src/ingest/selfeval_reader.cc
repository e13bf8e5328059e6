#include "ingest/selfeval_reader.h"

#include "core/limits.h"
#include "core/quantity.h"
#include "core/text.h"
#include "ingest/csv.h"
#include "ingest/half_width.h"
#include "ingest/selfeval_reader_internal.h"
#include "ingest/target_rows.h"

namespace jixiao {

PrintedNumber ReadPrintedNumber(const std::string& raw, const Location& where, bool percent_ok) {
  PrintedNumber n{Trim(raw), where, std::nullopt, ""};
  // A figure typed in full width ("１３") is kept in ASCII, as the scored form prints it.
  if (HalfWidthReading wide = ReadHalfWidth(n.text); !wide.error.empty()) {
    n.error = wide.error;
    return n;
  } else {
    n.text = wide.text;
  }
  std::string t = Trim(NormalizeWidth(n.text));
  if (t.empty() || t == "-" || t == "—" || t == "/" || IsNotApplicableText(t)) return n;
  QuantityParse q = ParseQuantity(t);
  if (!q.quantity) {
    n.error = "“" + n.text + "”不是有效数值：" + q.error;
    return n;
  }
  const std::string& unit = q.quantity->unit;
  if (!(unit.empty() || unit == "分" || (percent_ok && unit == "%"))) {
    n.error = "“" + n.text + "”带有单位“" + unit + "”，此处应只写数字" +
              (percent_ok ? "（或百分数，如 80.4%）" : "（或带“分”，如 10分）");
    return n;
  }
  if (Rational(limits::kMaxPoints) < q.quantity->value.Abs()) {
    n.error = "“" + n.text + "”超出分值上限（绝对值最大 100,000，见 docs/limits.md）";
    return n;
  }
  n.value = q.quantity->value;
  return n;
}

namespace selfeval_internal {

PrintedText Printed(const CsvCells& cells, const CsvRow& row, const CsvColumn& col) {
  return {cells.Text(row, col), cells.Where(row, col)};
}

PrintedNumber Number(const CsvCells& cells, const CsvRow& row, const CsvColumn& col,
                     bool percent_ok, Diagnostics& diags) {
  const std::string typed = cells.Text(row, col);
  PrintedNumber n = ReadPrintedNumber(typed, cells.Where(row, col), percent_ok);
  if (n.error.empty() && n.text != typed)
    diags.Add(Severity::kInfo, "input.half_width", n.where, HalfWidthNotice(typed, n.text));
  if (!n.error.empty()) diags.Error("selfeval.number", n.where, n.error);
  return n;
}

}  // namespace selfeval_internal

namespace {

using selfeval_internal::Number;
using selfeval_internal::Printed;

void ReadForm(const CsvTable& csv, SelfEvaluation& form, Diagnostics& diags) {
  CsvCells cells(csv, diags);
  TargetColumns t = FindTargetColumns(csv);
  CsvColumn actual = FirstColumn(csv, {"实际完成值", "全年实际值", "实际值", "实际完成情况"});
  CsvColumn weight = FirstColumn(csv, {"分值", "权重", "指标分值", "指标权重"});
  CsvColumn score = FirstColumn(csv, {"得分", "自评得分", "实际得分"});
  CsvColumn reason = FirstColumn(csv, {"偏差原因", "偏差原因分析及改进措施", "偏差原因分析",
                                       "未完成原因和改进措施", "未完成原因分析"});
  CsvColumn nature = FirstColumn(csv, {"指标性质"});
  CsvColumn unit = FirstColumn(csv, {"度量单位", "计量单位"});
  CsvColumn level = FirstColumn(csv, {"完成程度", "达成程度", "评价档次", "档次"});
  std::vector<std::string> missing;
  if (!t.level3.present()) missing.push_back("三级指标");
  if (!t.value.present()) missing.push_back("年度指标值");
  if (!actual.present()) missing.push_back("实际完成值");
  if (!score.present()) missing.push_back("得分");
  if (!missing.empty()) {
    std::string header, names;
    for (const auto& h : csv.header) header += (header.empty() ? "" : ",") + h;
    for (const auto& m : missing) names += (names.empty() ? "" : "、") + ("“" + m + "”");
    diags.Error("csv.missing_column", {csv.file, 1, 0, ""},
                "表头缺少" + names +
                    "列；自评表应有 一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,"
                    "偏差原因；当前表头为：" +
                    header);
    return;
  }
  for (const auto& row : csv.rows) {
    SelfEvalRow r;
    r.line = row.line;
    r.level1 = Printed(cells, row, t.level1);
    r.level2 = Printed(cells, row, t.level2);
    r.level3 = Printed(cells, row, t.level3);
    r.nature = Printed(cells, row, nature);
    r.target = Printed(cells, row, t.value);
    r.target_unit = Printed(cells, row, unit);
    r.actual = Printed(cells, row, actual);
    r.reason = Printed(cells, row, reason);
    r.level = Printed(cells, row, level);
    if (!form.rows.empty()) {  // merged cells: a blank 一级/二级 continues the row above
      const SelfEvalRow& above = form.rows.back();
      bool continues = r.level1.blank();
      if (continues) r.level1.text = above.level1.text;
      if (r.level2.blank() && (continues || r.level1.text == above.level1.text))
        r.level2.text = above.level2.text;
    }
    r.template_row = IsTemplateText(r.level3.text);
    if (r.template_row) {  // kept as printed, never read as figures
      r.weight = {cells.Text(row, weight), cells.Where(row, weight), std::nullopt, ""};
      r.score = {cells.Text(row, score), cells.Where(row, score), std::nullopt, ""};
      form.rows.push_back(r);
      continue;
    }
    r.weight = Number(cells, row, weight, true, diags);
    r.score = Number(cells, row, score, false, diags);
    // 指标值 and 实际完成值 by the one full-width reading, with its 提示 at the cell (issue 21).
    // A comma it cannot read ("完成1，2号楼") leaves the text as typed for the value reader.
    for (PrintedText* cell : {&r.target, &r.actual})
      if (const HalfWidthReading wide = ReadHalfWidth(cell->text);
          wide.changed && wide.error.empty()) {
        diags.Add(Severity::kInfo, "input.half_width", cell->where,
                  HalfWidthNotice(cell->text, wide.text));
        cell->text = wide.text;
      }
    std::string target = r.target.text;
    if (!r.target_unit.blank() && !target.empty() && !EndsWith(target, r.target_unit.text))
      target += r.target_unit.text;
    // 云南: 指标性质 holds the comparator (≥ ≤ = …) when the layout splits it.
    for (const char* op :
         {"≥", "≤", "=", ">", "<", "≧", "≦", "═", "﹦", "⩾", "⩽", "＝", "＞", "＜", ">=", "<="})
      if (r.nature.text == op && !target.empty()) target = r.nature.text + target;
    r.parsed_target = ReadSelfEvalTarget(target);
    std::string actual_text = r.actual.text;
    if (!r.target_unit.blank() && !actual_text.empty()) {
      TargetValue bare = TargetValue::Parse(actual_text);
      if (bare.quantitative && bare.unit.empty()) actual_text += r.target_unit.text;
    }
    r.parsed_actual = TargetValue::Parse(actual_text);
    r.not_applicable = IsNotApplicableText(r.score.text) || IsNotApplicableText(r.actual.text);
    form.rows.push_back(r);
  }
}

}  // namespace

SelfEvaluation ReadSelfEvalCsv(const SelfEvalCsvInput& input, const std::string& money_unit,
                               Diagnostics& diags) {
  SelfEvaluation form;
  form.source = input.name;
  form.layout = "csv";
  CsvTable csv = ParseCsvBytes(input.name + "/form.csv", input.form_csv);
  ReadForm(csv, form, diags);
  if (input.budget_csv)
    selfeval_internal::ReadBudget(ParseCsvBytes(input.name + "/budget.csv", *input.budget_csv),
                                  money_unit, form.budget, diags);
  if (input.summary_csv)
    selfeval_internal::ReadSummary(ParseCsvBytes(input.name + "/summary.csv", *input.summary_csv),
                                   form, diags);
  if (input.project_csv)
    selfeval_internal::ReadProject(ParseCsvBytes(input.name + "/project.csv", *input.project_csv),
                                   form, diags);
  for (const auto& [name, points] : input.block_points)
    if (auto p = Rational::Parse(points)) form.block_points[name] = *p;
  return form;
}

SelfEvalCsvInput ReadSelfEvalFolderFiles(const std::string& dir) {
  SelfEvalCsvInput in;
  in.name = dir;
  if (EndsWith(dir, "/form.csv") && IsRegularFile(dir))  // the form.csv itself was named
    in.name = dir.substr(0, dir.size() - std::string("/form.csv").size());
  else if (dir == "form.csv" && IsRegularFile(dir))
    in.name = ".";
  while (in.name.size() > 1 && in.name.back() == '/') in.name.pop_back();
  auto read = [&](const char* file, bool required) -> std::optional<std::string> {
    std::string path = in.name + "/" + file;
    if (!IsRegularFile(path)) {
      if (required)
        throw InputError{{Severity::kError,
                          "selfeval.missing_file",
                          {path, 0, 0, ""},
                          IsDirectory(dir)
                              ? std::string("自评表文件夹中没有 form.csv；请放入指标表"
                                            "（列：一级指标,二级指标,三级指标,年度指标值,"
                                            "实际完成值,分值,得分,偏差原因）")
                              : std::string("找不到自评表文件夹“") + dir + "”"}};
      return std::nullopt;
    }
    std::string why;
    auto bytes = ReadFileBytes(path, &why);
    if (!bytes)
      throw InputError{
          {Severity::kError, "file.unreadable", {path, 0, 0, ""}, "无法读取文件：" + why}};
    return bytes;
  };
  in.form_csv = *read("form.csv", true);
  in.budget_csv = read("budget.csv", false);
  in.summary_csv = read("summary.csv", false);
  in.project_csv = read("project.csv", false);
  return in;
}

}  // namespace jixiao
