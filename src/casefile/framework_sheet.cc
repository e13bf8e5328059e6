#include "casefile/framework_sheet.h"

#include <string>

#include "core/text.h"
#include "ingest/framework_workbook.h"
#include "ingest/json.h"

namespace jixiao {
namespace {

using doc::CellStyle;

std::string Compact(const JsonValue& v) {
  switch (v.type) {
    case JsonValue::Type::kNull:
      return "null";
    case JsonValue::Type::kBool:
      return v.boolean ? "true" : "false";
    case JsonValue::Type::kNumber:
      return v.text;
    case JsonValue::Type::kString:
      return JsonQuoted(v.text);
    case JsonValue::Type::kArray: {
      std::string out = "[";
      for (size_t i = 0; i < v.items.size(); ++i) out += (i ? ", " : "") + Compact(v.items[i]);
      return out + "]";
    }
    case JsonValue::Type::kObject: {
      std::string out = "{";
      for (size_t i = 0; i < v.members.size(); ++i)
        out +=
            (i ? ", " : "") + JsonQuoted(v.members[i].first) + ": " + Compact(v.members[i].second);
      return out + "}";
    }
  }
  return "";
}

std::string Str(const JsonValue& object, const char* key) {
  const JsonValue* v = object.Find(key);
  return v ? (v->IsString() || v->IsNumber() ? v->text : Compact(*v)) : "";
}

// A number as a number cell when it is a plain decimal (Excel keeps 15 digits); else as text.
void PutNumber(doc::Sheet& s, int r, int c, const JsonValue* v) {
  if (!v) return;
  if (v->IsNumber() && v->text.find_first_not_of("0123456789.-") == std::string::npos &&
      v->text.size() <= 15)
    s.Number(r, c, std::stod(v->text), CellStyle::kInputNumber);
  else
    s.Text(r, c, v->text, CellStyle::kInputText);
}

doc::Sheet Guide() {
  doc::Sheet s;
  s.name = fwbook::kGuideSheet;
  s.widths = {110};
  s.Text(0, 0, "指标体系表（可在 Excel 中修改后，在“指标体系与自评规则”页上传）",
         CellStyle::kTitle);
  const char* lines[] = {
      "“体系”页：A 列是项目名，B "
      "列填内容。标识（id）只用字母、数字和连字符，不能与随附的指标体系相同；"
      "再次上传同一标识即保存为新版本。",
      "依据：每行一个文件名。等级：每行“等级名 最低分”，如“优 90”，从高到低，最后一档最低分为 0。",
      "录入数据：评分要用的数据项（名称、单位、说明），按随附模板的写法；没有可留空。取整：0."
      "01（四舍五入到 "
      "0.01 分，默认）或 whole_down（按整分向下取整）。不适用：rescale（按百分制折算，默认）或 "
      "within_level1（在所属一级指标内调剂）。",
      "“指标”页：每行一个指标。指标名称写在一级～四级中对应的一列，下级指标紧接在上级之后；编码在全"
      "表唯一。",
      "分值：最多两位小数；同一上级之下各指标的分值之和须等于上级的分值，一级指标之和等于总分。",
      "评分方法（只给末级指标填写）：扣分制（按发现的问题逐项扣分）、分档评分（levels：各档名称与得"
      "分比例）、"
      "要素评分（elements：各要素与分值）、比率评分（ratio：metric 数据项、target "
      "目标值、direction "
      "higher/"
      "lower）、区间评分（bands：op、value、fraction）、差距扣分（linear：full_at、per、deduct、"
      "direction）、目标完成度（target：绩效目标表中的三级指标名称）、及时性扣分（timeliness：sourc"
      "e、"
      "per_item 或 per_day）。",
      "评分参数：照抄同类指标的写法，形如 {\"metric\": \"实际完成率\", \"target\": "
      "100}；扣分制不需要参数。"
      "各参数的含义见随附文档 docs/rules.md。",
      "请直接填写内容，不要用公式。上传时按与 JSON "
      "指标体系相同的规则检查，每个错误都会指明工作表和单元格，"
      "有错误时什么也不保存。",
  };
  int r = 2;
  for (const char* line : lines) s.Text(r++, 0, line);
  return s;
}

doc::Sheet Info(const JsonValue& root) {
  doc::Sheet s;
  s.name = fwbook::kInfoSheet;
  s.widths = {12, 90};
  s.Text(0, 0, "项目", CellStyle::kHeader);
  s.Text(0, 1, "内容", CellStyle::kHeader);
  int r = 1;
  auto row = [&](const char* label, const std::string& value) {
    s.Text(r, 0, label, CellStyle::kHeader);
    if (!value.empty()) s.Text(r, 1, value, CellStyle::kInputText);
    ++r;
  };
  row("标识", Str(root, "id"));
  row("名称", Str(root, "title"));
  std::string basis;
  if (const JsonValue* b = root.Find("basis"))
    for (const auto& item : b->items) basis += (basis.empty() ? "" : "\n") + item.text;
  row("依据", basis);
  s.Text(r, 0, "总分", CellStyle::kHeader);
  PutNumber(s, r++, 1, root.Find("total"));
  std::string grades;
  if (const JsonValue* g = root.Find("grades"))
    for (const auto& item : g->items)
      grades += (grades.empty() ? "" : "\n") + Str(item, "label") + " " + Str(item, "min");
  row("等级", grades);
  row("录入数据", root.Find("metrics") ? Compact(*root.Find("metrics")) : "");
  row("取整", Str(root, "rounding"));
  row("不适用", Str(root, "not_applicable"));
  return s;
}

void Rows(doc::Sheet& s, const JsonValue& node, int level, int& r) {
  using namespace fwbook;
  s.Text(r, kCode - 1, Str(node, "code"), CellStyle::kInputText);
  s.Text(r, kLevel1 + level - 2, Str(node, "name"), CellStyle::kInputText);
  PutNumber(s, r, kWeight - 1, node.Find("weight"));
  if (const JsonValue* rule = node.Find("rule"); rule && rule->IsObject()) {
    std::string kind = Str(*rule, "type");
    const char* method = MethodName(kind);
    s.Text(r, kMethod - 1, method ? method : kind, CellStyle::kInputText);
    JsonValue params = *rule;
    params.members.clear();
    for (const auto& m : rule->members)
      if (m.first != "type") params.members.push_back(m);
    if (!params.members.empty()) s.Text(r, kParams - 1, Compact(params), CellStyle::kInputText);
  }
  if (std::string e = Str(node, "explanation"); !e.empty())
    s.Text(r, kExplain - 1, e, CellStyle::kInputText);
  if (std::string c = Str(node, "criteria"); !c.empty())
    s.Text(r, kCriteria - 1, c, CellStyle::kInputText);
  ++r;
  if (const JsonValue* children = node.Find("children"))
    for (const auto& child : children->items) Rows(s, child, level + 1, r);
}

}  // namespace

std::optional<doc::Workbook> FrameworkWorkbook(const std::string& file,
                                               const std::string& json_text, Diagnostics& diags) {
  JsonValue root;
  try {
    root = ParseJson(file, json_text);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return std::nullopt;
  }
  if (!root.IsObject()) {
    diags.Error("framework_book.json", {file, root.line, root.column, "$"},
                "指标体系文件的顶层须是对象 {…}");
    return std::nullopt;
  }
  doc::Workbook book;
  book.title = Str(root, "title");
  book.sheets.push_back(Guide());
  book.sheets.push_back(Info(root));
  doc::Sheet rows;
  rows.name = fwbook::kRowsSheet;
  rows.widths = {8, 12, 14, 18, 14, 7, 11, 40, 40, 60};
  const char* heads[] = {"编码", "一级指标", "二级指标", "三级指标", "四级指标",
                         "分值", "评分方法", "评分参数", "指标解释", "评分标准"};
  for (int c = 0; c < 10; ++c) rows.Text(0, c, heads[c], CellStyle::kHeader);
  rows.freeze_rows = 1;
  int r = 1;
  if (const JsonValue* list = root.Find("indicators"))
    for (const auto& node : list->items) Rows(rows, node, 1, r);
  book.sheets.push_back(std::move(rows));
  return book;
}

}  // namespace jixiao
