#include "app/entry_app.h"

#include <cstdlib>
#include <exception>
#include <map>
#include <sstream>

#include "app/pipeline.h"
#include "casefile/entry_import.h"
#include "casefile/entry_layout.h"
#include "casefile/entry_workbook.h"
#include "casefile/frameworks.h"
#include "casefile/scaffold.h"
#include "core/text.h"
#include "ingest/case_loader.h"
#include "ingest/framework_loader.h"
#include "ingest/json.h"
#include "ingest/xlsx.h"
#include "model/table_needs.h"
#include "render/render.h"

namespace jixiao {
namespace {

// Issue 23 §6: once imported, the case is scored and a typed 业绩值 that differs from the computed
// figure is warned at its workbook cell (评价结论, 业绩值 column), where the user typed it, rather
// than at case.json. Other problems are left to validate/score (the case may be incomplete).
void CheckTypedValues(const XlsxWorkbook& book, const std::string& case_dir, Diagnostics& diags) {
  const XlsxSheet* sheet = nullptr;
  for (const XlsxSheet& s : book.sheets)
    if (s.name == entry::kFindings) sheet = &s;
  if (!sheet) return;
  int code_col = 0, value_col = 0;
  for (int c = 1; c <= sheet->max_col; ++c) {
    const std::string header = Trim(sheet->At(1, c).text);
    if (header == "编码") code_col = c;
    if (StartsWith(header, "业绩值")) value_col = c;
  }
  if (!code_col || !value_col) return;
  Diagnostics scored;
  EvaluateCaseDir(case_dir, scored);
  for (const Diagnostic& d : scored.items()) {
    if (d.code != "finding.value_differs" || !StartsWith(d.where.path, "$.findings.")) continue;
    const std::string code = d.where.path.substr(std::string("$.findings.").size());
    for (int r = 2; r <= sheet->max_row; ++r)
      if (Trim(sheet->At(r, code_col).text) == code) {
        diags.Warning(d.code, CellLocation(book.file, sheet->name, r, value_col), d.message);
        break;
      }
  }
}

// A note of `new --targets` ("targets.csv:14:3 message") as the browser's reader finds it: the
// 绩效目标 sheet's row, never a file name (issue 21). The CLI's reader keeps the file's line.
std::string BrowserNote(const std::string& note, EntryBookFor reader) {
  const std::string file = "targets.csv:";
  if (reader != EntryBookFor::kBrowser) return note;
  std::string out = note;
  // A table saved by the web carries its shown row numbers in the place: "targets.csv
  // lines=2:10,…,14:22:14:3 message" is CSV line 14, shown as row 22 (webtrial4 item 4).
  const std::string mapped = "targets.csv lines=";
  if (out.rfind(mapped, 0) == 0) {
    const size_t space = out.find(' ', mapped.size());
    std::string map = out.substr(mapped.size(), space - mapped.size());
    std::map<int, int> shown;
    int line = 0;
    std::istringstream pairs(map);
    for (std::string pair; std::getline(pairs, pair, ',');) {
      const size_t colon = pair.find(':');
      if (colon == std::string::npos) continue;
      const int from = std::atoi(pair.c_str()), to = std::atoi(pair.c_str() + colon + 1);
      shown[from] = to;
      if (size_t place = pair.find(':', colon + 1); place != std::string::npos)
        line = std::atoi(pair.c_str() + place + 1);  // the last pair ends ":line:column"
    }
    const int row = shown.count(line) ? shown[line] : line;
    out = (row > 0 ? "“绩效目标”页第" + std::to_string(row) + "行：" : std::string()) +
          (space == std::string::npos ? "" : out.substr(space + 1));
  } else if (out.rfind(file, 0) == 0) {
    const size_t space = out.find(' ');
    const int line = std::atoi(out.c_str() + file.size());
    out = (line > 0 ? "“绩效目标”页第" + std::to_string(line) + "行：" : std::string()) +
          (space == std::string::npos ? "" : out.substr(space + 1));
  }
  const std::string kept = "targets.csv 与报告的绩效目标表";
  if (size_t at = out.find(kept); at != std::string::npos)
    out.replace(at, kept.size(), "“绩效目标”页与报告的绩效目标表");
  return out;
}

}  // namespace

std::optional<doc::Workbook> EntryWorkbookModel(const std::string& case_dir, Diagnostics& diags,
                                                EntryBookFor reader) {
  auto c = LoadCase(case_dir, diags);
  if (!c) return std::nullopt;
  auto file = FindFrameworkFile(*c);
  if (!file) {
    diags.Error("case.framework_not_found", c->framework_ref_where,
                "找不到指标体系“" + c->framework_ref +
                    "”：请写随附指标体系的 id 或相对于案例目录的 .json 路径");
    return std::nullopt;
  }
  auto framework = LoadFramework(*file, diags);
  if (!framework) return std::nullopt;
  std::vector<std::string> notes;
  if (auto text = ReadFileInside(case_dir, kTargetChangesFile)) {
    std::istringstream lines(*text);
    for (std::string line; std::getline(lines, line);)
      if (!Trim(line).empty()) notes.push_back(BrowserNote(Trim(line), reader));
  }
  return BuildEntryWorkbook(*framework, *c, notes, reader);
}

std::optional<Framework> CaseFramework(const std::string& case_dir, Case* loaded) {
  Diagnostics ignored;  // the evaluation page lists why a case does not load
  auto c = LoadCase(case_dir, ignored);
  auto file = c ? FindFrameworkFile(*c) : std::nullopt;
  if (file && loaded) *loaded = *c;
  return file ? LoadFramework(*file, ignored) : std::nullopt;
}

std::map<std::string, std::vector<std::string>> CaseTablesNeeded(const std::string& case_dir) {
  auto framework = CaseFramework(case_dir);
  return framework ? TablesNeeded(*framework) : std::map<std::string, std::vector<std::string>>{};
}

std::optional<std::string> EntryWorkbookBytes(const std::string& case_dir, Diagnostics& diags,
                                              EntryBookFor reader) {
  auto model = EntryWorkbookModel(case_dir, diags, reader);
  if (!model) return std::nullopt;
  try {
    return render::ToXlsx(*model);
  } catch (const std::exception& e) {
    diags.Error("sheet.write", {case_dir, 0, 0, ""},
                std::string("生成录入工作簿失败：") + e.what());
    return std::nullopt;
  }
}

bool ImportEntryWorkbook(const std::string& xlsx_file, const std::string& case_dir,
                         Diagnostics& diags, std::string& summary) {
  XlsxWorkbook book;
  try {
    book = ReadXlsxFile(xlsx_file);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return false;
  }
  return ImportEntryBook(book, case_dir, diags, summary);
}

bool ImportEntryBook(const XlsxWorkbook& book, const std::string& case_dir, Diagnostics& diags,
                     std::string& summary) {
  const std::string& xlsx_file = book.file;
  ImportTarget target;
  target.case_dir = case_dir;
  std::optional<std::string> framework_file;
  if (IsRegularFile(case_dir + "/case.json")) {
    // The case's own framework; the case itself may still be incomplete, so only its reference.
    Case probe;
    probe.dir = case_dir;
    try {
      const JsonValue root = ReadJsonFile(case_dir + "/case.json");
      if (const JsonValue* fw = root.Find("framework"); fw && fw->IsString())
        probe.framework_ref = fw->text;
    } catch (const InputError& e) {
      diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
      return false;
    }
    framework_file = FindFrameworkFile(probe);
    if (!framework_file) {
      diags.Error(
          "import.framework", {case_dir + "/case.json", 0, 0, "$.framework"},
          "找不到案例使用的指标体系“" + probe.framework_ref + "”，请检查 case.json 的 framework");
      return false;
    }
  } else {
    const std::string id = GuideValue(book, "指标体系");
    framework_file = FindShippedFramework(id);
    if (!framework_file) {
      diags.Error("import.framework", {xlsx_file, 0, 0, "说明!B4"},
                  "案例目录 " + case_dir + " 不存在，且找不到工作簿记录的指标体系“" + id +
                      "”：请先用 jixiao new " + case_dir + " --framework ID 建立案例目录，再导入");
      return false;
    }
    auto bytes = ReadFileBytes(*framework_file);
    if (!bytes) return false;
    target.framework_copy = std::make_pair(id + ".json", *bytes);
    target.framework_ref = id;
  }
  auto framework = LoadFramework(*framework_file, diags);
  if (!framework) return false;
  target.framework = &*framework;
  if (!ImportWorkbook(book, target, diags, summary)) return false;
  CheckTypedValues(book, case_dir, diags);
  return true;
}

}  // namespace jixiao
