// `jixiao new`: writes a case folder to fill in.
#include "casefile/scaffold.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "casefile/case_files.h"
#include "casefile/frameworks.h"
#include "casefile/target_rows.h"
#include "casefile/targets_framework.h"
#include "core/text.h"
#include "ingest/framework_loader.h"
#include "ingest/json.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

const char* kTargetsHeader =
    "一级,二级,三级,指标值类型,指标值,计量单位,实际值,出处依据,指标解释,评(扣)分标准";

bool SafeId(const std::string& id) {
  if (id.empty() || id.size() > 100) return false;
  for (unsigned char c : id)
    if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.')) return false;
  return id.find("..") == std::string::npos;
}

std::string ReadmeText(const std::string& case_id, const std::string& framework_id) {
  std::string out =
      "# 案例 " + case_id +
      "：待填写\n\n"
      "本目录由 `jixiao new` 生成，指标体系 `" +
      framework_id +
      ".json` 已复制在本目录中（移动到任何位置都能使用）。\n"
      "格式说明见 jixiao 随附的 docs/case-format.md。填写方式二选一：\n\n"
      "1. 直接编辑 case.json、各 CSV 表格和 narrative/ 中的文字；\n"
      "2. `jixiao sheet 本目录 -o 录入.xlsx` 生成录入工作簿，在 Excel 中填好后 "
      "`jixiao import 录入.xlsx 本目录` 导回。\n\n"
      "`jixiao validate 本目录` 列出尚未填写的内容。金额单位为元（表头写 `年初预算(万元)` "
      "则按万元读取）；CSV 为 UTF-8 或 GBK 编码。本项目没有某类数据时删去对应的文件。\n\n"
      "报告的附件放在 attachments/ 目录，文件名写编号和标题：“附件2-1 "
      "访谈情况分析报告.md”附在报告之后，"
      "“附件6-1 "
      "关于…的通知.pdf”列为另附并复制到报告旁；正文中写“（见附件2-1：访谈情况分析报告）”引用。\n\n"
      "## 各表格的表头与示例行\n\n";
  for (const TableSpec& t : CaseTables())
    out += std::string("### ") + t.file + "：" + t.purpose + "\n\n```csv\n" + t.header + "\n" +
           t.example + "\n```\n\n";
  return out;
}

// What goes in a section whose heading alone does not say it (issue 23: plan_content and
// plan_completion share a heading; intro's is the report title). docs/case-format.md lists them.
std::string SectionRole(const std::string& key) {
  if (key == "intro")
    return "（报告开头的引言，在“项目概况”之前：受谁委托、依据什么、对哪个项目和年度开展评价，"
           "一两段）";
  if (key == "plan_content")
    return "（计划表之前：本项目计划实施哪些内容、资金用于什么，引出下面的计划实施内容表）";
  if (key == "plan_completion")
    return "（计划表之后：各项内容的实际完成情况——完成数量和进度、与计划的差异及原因）";
  return "";
}

// The name a section is listed by: its heading, except where the heading does not tell it apart
// (trial 3, item 27): the text before 项目概况 sits under the report's title (“绩效评价报告”),
// and two sections share 项目计划实施内容及完成情况 (before and after the plan table).
std::string SectionName(const std::string& key, const std::string& heading,
                        const std::vector<std::pair<std::string, std::string>>& earlier) {
  if (key == "intro") return "引言";
  if (key == "plan_content") return heading + "：计划实施内容";
  if (key == "plan_completion") return heading + "：完成情况";
  int same = 1;
  for (const auto& [k, h] : earlier) same += h == heading || h.rfind(heading + "（第", 0) == 0;
  return same == 1 || heading.empty() ? heading : heading + "（第" + std::to_string(same) + "段）";
}

}  // namespace

// Narrative keys in template order with the heading above each: [[narrative:KEY]].
std::vector<std::pair<std::string, std::string>> NarrativeSections(const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> out;
  auto list = ReadFileInside(dir, "sections.txt");
  if (!list) return out;
  std::istringstream files(*list);
  for (std::string name; std::getline(files, name);) {
    name = Trim(name);
    if (name.empty() || name[0] == '#') continue;
    auto text = ReadFileInside(dir, name);
    if (!text) continue;
    std::istringstream lines(*text);
    std::string heading;
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty() && line[0] == '#') {
        heading = line.substr(line.find_first_not_of('#'));
        for (size_t open; (open = heading.find("{{")) != std::string::npos;) {
          size_t close = heading.find("}}", open);
          heading.erase(open, close == std::string::npos ? std::string::npos : close + 2 - open);
        }
        if (size_t attr = heading.find("{-}"); attr != std::string::npos) heading.erase(attr);
        heading = Trim(heading);
      }
      for (size_t pos = 0; (pos = line.find("[[narrative:", pos)) != std::string::npos;) {
        size_t end = line.find("]]", pos);
        if (end == std::string::npos) break;
        std::string key = line.substr(pos + 12, end - pos - 12);
        bool seen = false;
        for (const auto& [k, h] : out) seen = seen || k == key;
        if (!seen && SafeId(key)) out.emplace_back(key, SectionName(key, heading, out));
        pos = end;
      }
    }
  }
  return out;
}

const std::vector<TableSpec>& CaseTables() {
  static const std::vector<TableSpec> kTables = {
      {"budget.csv",
       "序号,项目构成,项目明细,资金来源,年初预算,调整金额,调整后预算,实际支出,单价,数量,单位,依据",
       "1,社区医疗互助帮困、照护资金,社区医疗互助帮困资金,镇级,\"546,000.00\",\"249,265.75\",\"795,"
       "265.75\","
       "\"795,265.75\",1200.00,455,人次,闵医保发〔2023〕4号",
       "预算明细（一行一个明细；同一序号的多行属于同一预算行；单位为数量的单位，各行单位相同时表中"
       "才合计数量；可有一行“合计”）"},
      {"funding.csv", "资金来源,预算金额,到位金额", "区级,\"361,000.00\",\"361,000.00\"",
       "资金来源与到位情况"},
      {"history.csv", "年度,年初预算,调整后预算,实际支出",
       "2023,\"950,000.00\",\"1,155,200.00\",\"1,155,200.00\"", "历年预算与支出"},
      {"plan.csv", "序号,政策,内容,计划数量,实际数量,单位",
       "1,区级政策医疗救助,区级政策医疗救助,130,128,人次",
       "计划实施内容及完成情况（可有一行“合计”，与各行之和核对）"},
      {"disbursements.csv", "月份,批次,人次,金额,备注", "1月,1,112,56307.81,-", "逐月发放明细"},
      {"transfers.csv", "事项,金额,截止日期,实际日期",
       "承担困难群众2024年参加城乡居民医保资金,\"4,281.25\",2024-11-14,2024-11-15",
       "资金划拨事项及时效"},
      {"targets.csv", kTargetsHeader,
       "产出指标,数量指标,救助对象覆盖率,定量,≥95%,%,98.5%,工作计划,"
       "覆盖的救助对象占应救助对象的比例,",
       "绩效目标及实际完成值"},
  };
  return kTables;
}

bool NewCase(const NewCaseOptions& options, Diagnostics& diags, std::string& summary) {
  std::string dir = options.dir;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  std::error_code ec;
  if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec))) {
    diags.Error("new.exists", {dir, 0, 0, ""}, "目录已存在且不为空：请换一个新的案例目录名");
    return false;
  }
  const std::string case_id = fs::path(dir).filename().string();
  std::string fw_file = options.framework;
  if (!EndsWith(fw_file, ".json") && fw_file.find('/') == std::string::npos) {
    auto found = FindShippedFramework(fw_file);
    if (!found) {
      std::string ids;
      for (const auto& id : ShippedFrameworkIds()) ids += (ids.empty() ? "" : "、") + id;
      diags.Error("new.framework", {options.framework, 0, 0, ""},
                  "找不到随附的指标体系“" + options.framework + "”；可用的 id：" +
                      (ids.empty() ? "（无）" : ids) +
                      "；也可给出指标体系 .json 的路径，或设置 JIXIAO_INDICATORS 指向指标体系目录" +
                      ShippedIndicatorsHint());
      return false;
    }
    fw_file = *found;
  }
  auto framework = LoadFramework(fw_file, diags);
  if (!framework) return false;
  auto fw_bytes = ReadFileBytes(fw_file);
  if (!fw_bytes) return false;
  std::string fw_id = SafeId(framework->id) ? framework->id : "framework";
  std::string fw_text = *fw_bytes;

  CaseFiles files;
  std::string targets_csv = std::string(kTargetsHeader) + "\n";
  size_t target_count = 0;
  std::map<std::string, std::string> from_table;  // 项目名称/主管部门/实施单位 above the header
  if (!options.targets.empty()) {
    std::vector<RawTargetRow> rows = ReadTargetTable(options.targets, diags, &from_table);
    if (diags.HasErrors()) return false;
    if (from_table.empty() && !options.targets_header.empty()) {
      Diagnostics ignored;  // the rows of the first version are not used, only its header block
      ReadTargetTable(options.targets_header, ignored, &from_table);
    }
    if (!from_table.empty()) {  // what came from the table's header block, said once
      static const std::pair<const char*, const char*> kShown[] = {{"name", "项目名称"},
                                                                   {"authority", "主管部门"},
                                                                   {"unit", "实施单位"},
                                                                   {"year", "年度"},
                                                                   {"funds", "资金"}};
      std::string read;
      for (const auto& [key, label] : kShown)
        if (from_table.count(key))
          read += (read.empty() ? "" : "；") + std::string(label) + " " + from_table[key];
      diags.Add(
          Severity::kInfo, "new.project_from_table", {options.targets, 0, 0, ""},
          "项目信息取自申报表表头：" + read +
              (from_table.count("funds") ? "（资金请在“资金来源”表中按预算与到位情况核对填写）"
                                         : ""));
    }
    if (rows.empty()) {
      diags.Error("new.targets_empty", {options.targets, 0, 0, ""}, "绩效目标表中没有指标行");
      return false;
    }
    CostCeilings(rows, diags);
    JsonValue base;
    try {
      base = ParseJson(fw_file, fw_text);
    } catch (const InputError& e) {
      diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
      return false;
    }
    fw_id = SafeId(case_id) ? case_id + "-framework" : "framework";
    auto derived = FrameworkFromTargets(base, rows, fw_id, diags);
    if (!derived) return false;
    fw_text = JsonText(*derived);
    auto checked = ParseFramework(dir + "/" + fw_id + ".json", fw_text, diags);
    if (!checked) return false;
    framework = std::move(checked);
    std::string changes;
    for (const Diagnostic& d : diags.items())
      if (d.code == "targets.row_dropped" || d.code == "targets.row_replaced" ||
          d.code == "targets.unplaced" || d.code == "targets.cost_ceiling") {
        Location where = d.where;
        where.file = std::filesystem::path(where.file).filename().string();
        changes += where.ToString() + " " + d.message + "\n";
      }
    if (!changes.empty()) files[kTargetChangesFile] = changes;
    for (const RawTargetRow& r : rows) {
      // The unit's （待确认） is a status, never text in the evaluator's values (issue 21).
      if (r.pending)
        diags.Warning("new.target_pending", r.value_where,
                      "“" + r.level3 + "”（指标值 " + r.value +
                          "）是单位采纳修改建议后尚未确认的行：已按修改后的值取用，“待确认”"
                          "标记未带入评价；请向项目单位核实后再据此评分");
      // The unit's own 实际完成值 is carried as the 实际值, for the evaluator to confirm.
      if (!r.actual.empty())
        diags.Warning("targets.actual_from_table", r.actual_where,
                      "“" + r.level3 + "”的实际值“" + r.actual +
                          "”取自单位表中的实际完成值，已写入 targets.csv 的实际值：这是单位自报的"
                          "数，请对照佐证材料核实（不符时在录入工作簿改写）后再据此评分");
      targets_csv += CsvLine({r.level1, r.level2, r.level3, r.value_type,
                              UsableTargetValue(r.value) ? r.value : std::string(kTodoMark), r.unit,
                              r.actual, r.source, r.explanation, r.criteria});
      ++target_count;
    }
  }
  files[fw_id + ".json"] = fw_text;

  JsonValue root = JsonObject();
  JsonSet(root, "id", JsonString(case_id));
  JsonSet(root, "framework", JsonString(fw_id));
  JsonValue project = JsonObject();
  for (const char* key : {"name", "year", "district", "town", "unit", "authority", "commissioner",
                          "evaluator", "lead", "kind", "period", "date"}) {
    auto given = options.project.find(key);
    std::string value = from_table.count(key) ? from_table[key] : "";
    if (given != options.project.end() && !given->second.empty()) value = given->second;
    JsonSet(project, key, JsonString(value));
  }
  JsonSet(root, "project", std::move(project));
  JsonSet(root, "metrics", JsonObject());
  JsonValue findings = JsonObject();
  framework->ForEach([&](const Indicator& node) {
    if (!node.IsLeaf()) return;
    JsonValue f = JsonObject();
    JsonSet(f, "value", JsonString(""));
    if (node.rule && node.rule->type == RuleType::kLevels) JsonSet(f, "level", JsonString(""));
    JsonSet(f, "analysis", JsonString(""));
    JsonSet(findings, node.code, std::move(f));
  });
  JsonSet(root, "findings", std::move(findings));
  for (const char* key : {"experiences", "problems", "suggestions"})
    JsonSet(root, key, JsonArray());
  JsonValue narrative = JsonObject();
  for (const auto& [key, heading] : NarrativeSections(options.templates_dir)) {
    JsonSet(narrative, key, JsonString(key + ".md"));
    files["narrative/" + key + ".md"] = std::string(kStubMark) + (heading.empty() ? key : heading) +
                                        SectionRole(key) +
                                        "：请在此写本节正文，写好后删去这一行。\n";
  }
  JsonSet(root, "narrative", std::move(narrative));
  files["case.json"] = JsonText(root);
  for (const TableSpec& t : CaseTables())
    files[t.file] =
        std::string(t.file) == "targets.csv" ? targets_csv : std::string(t.header) + "\n";
  files["README.md"] = ReadmeText(case_id, fw_id);
  try {
    const fs::path parent = fs::path(dir).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    WriteCaseFolder(dir, files, false);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return false;
  }
  summary = "已创建案例目录 " + dir + "：case.json、" + std::to_string(CaseTables().size()) +
            " 张数据表（只有表头）、" + std::to_string(root.Find("narrative")->members.size()) +
            " 个叙述文件、指标体系 " + fw_id + ".json" +
            (options.targets.empty()
                 ? std::string()
                 : "（由绩效目标表生成，" + std::to_string(target_count) + " 个目标）") +
            (from_table.empty() ? std::string()
                                : "；项目信息取自申报表表头：" +
                                      [&] {
                                        std::string list;
                                        for (const auto& [k, v] : from_table)
                                          list += (list.empty() ? "" : "、") + v;
                                        return list;
                                      }()) +
            (files.count(kTargetChangesFile)
                 ? "；申报表中未加入或改放的行已逐条列出（见上方警告、" +
                       std::string(kTargetChangesFile) + " 和录入工作簿的“说明”表）"
                 : std::string()) +
            "。\n下一步：jixiao validate " + dir + " 列出待填写的内容；或 jixiao sheet " + dir +
            " -o 录入.xlsx 生成录入工作簿。\n";
  return true;
}

}  // namespace jixiao
