#include "app/entry_app.h"

#include <exception>

#include "app/pipeline.h"
#include "casefile/entry_import.h"
#include "casefile/entry_workbook.h"
#include "casefile/frameworks.h"
#include "core/text.h"
#include "ingest/case_loader.h"
#include "ingest/framework_loader.h"
#include "ingest/json.h"
#include "ingest/xlsx.h"
#include "render/render.h"

namespace jixiao {

std::optional<doc::Workbook> EntryWorkbookModel(const std::string& case_dir, Diagnostics& diags) {
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
  return BuildEntryWorkbook(*framework, *c);
}

std::optional<std::string> EntryWorkbookBytes(const std::string& case_dir, Diagnostics& diags) {
  auto model = EntryWorkbookModel(case_dir, diags);
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
  return ImportWorkbook(book, target, diags, summary);
}

}  // namespace jixiao
