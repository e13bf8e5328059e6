// Reads a 自评表 kept as a CSV folder (form.csv, budget.csv, optional summary.csv and project.csv;
// layout in docs/selfeval.md) into the model, from a folder or from bytes in memory (the web app
// never puts user input in a path). Contract: every cell keeps its text and file:line:column;
// missing required columns and unreadable figures (a 分值 of "十分") are located errors in `diags`
// and the form is still returned with those figures nullopt; template rows are marked, not
// dropped. Encodings: UTF-8 (BOM), GB18030, CP936, via the one CSV reader.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "model/selfeval.h"

namespace jixiao {

struct SelfEvalCsvInput {
  std::string name;  // shown in messages: the folder, or the upload's display name
  std::string form_csv;
  std::optional<std::string> budget_csv, summary_csv, project_csv;
  // 一级 heading points a workbook prints ("产出指标（40分）": 产出指标 → "40"), cut from its
  // cells.
  std::map<std::string, std::string> block_points;
};

// `money_unit` ("万元" or "元") applies to budget amounts whose header declares no unit.
// Throws InputError when a file cannot be decoded (as the CSV reader does).
SelfEvaluation ReadSelfEvalCsv(const SelfEvalCsvInput& input, const std::string& money_unit,
                               Diagnostics& diags);

// The folder's files read into a SelfEvalCsvInput; throws InputError when form.csv is missing.
SelfEvalCsvInput ReadSelfEvalFolderFiles(const std::string& dir);

// A figure as printed: a number optionally followed by 分 (or % when `percent_ok`); blank,
// "-" and "/" are nullopt without error; anything else keeps a Chinese `error`.
PrintedNumber ReadPrintedNumber(const std::string& text, const Location& where, bool percent_ok);

}  // namespace jixiao
