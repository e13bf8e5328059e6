// validate's check of the 附件 a case cites (docs/case-format.md, “附件”): every “附件N” in the
// narrative files, the texts of case.json and the attachment files resolves to an attachment file
// in attachments/ or to the generated 问卷调查汇总分析报告; an attachment nobody cites, a title
// that differs from the file's, and a survey report given twice are findings too. Contract: adds
// warnings located at file:line (narrative, attachments) or the JSON path (case.json); the
// hostile-file errors come from the loader (ingest/attachment_loader.cc).
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "model/case.h"

namespace jixiao {

void CheckAttachmentReferences(const std::string& case_dir, const Case& c, Diagnostics& diags);

}  // namespace jixiao
