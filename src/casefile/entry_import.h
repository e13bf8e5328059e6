// `jixiao import`: a filled data-entry workbook back into case files — case.json's project,
// metrics, findings and observations (other members kept), and the CSV tables; tables left empty
// are removed. Contract: every cell problem is an error located as 工作表!单元格; nothing is
// written unless the whole workbook reads cleanly and the resulting folder loads as a case; the
// folder is replaced in one rename (case_files.h). Files the workbook does not cover (narrative/,
// survey/, the framework) are kept.
#pragma once

#include <optional>
#include <string>

#include "casefile/case_files.h"
#include "core/diagnostics.h"
#include "ingest/xlsx.h"
#include "model/framework.h"

namespace jixiao {

struct ImportTarget {
  std::string case_dir;
  const Framework* framework = nullptr;
  // For a case folder that does not exist yet: the framework file to copy in, and the id
  // case.json names.
  std::optional<std::pair<std::string, std::string>> framework_copy;  // (file name, bytes)
  std::string framework_ref;
};

bool ImportWorkbook(const XlsxWorkbook& book, const ImportTarget& target, Diagnostics& diags,
                    std::string& summary);

// The framework id and case id recorded on the 说明 sheet ("" when absent).
std::string GuideValue(const XlsxWorkbook& book, const std::string& label);

namespace entry {
// CSV tables from their sheets: file name -> text, or "" when the sheet has no rows.
void ImportTables(const XlsxWorkbook& book, CaseFiles& files, Diagnostics& diags);
// The 绩效目标 rows given an 实际值 in the imported targets.csv, for the import's summary.
size_t TargetActuals(const CaseFiles& files);
// The 经验问题建议 sheet into root's experiences, problems and suggestions (replaced whole, in
// sheet order); the one reader of these lists, also used by app/observations_app.h.
void ImportObservations(const XlsxWorkbook& book, const Framework& fw, JsonValue& root,
                        Diagnostics& diags);
}  // namespace entry

}  // namespace jixiao
