// Pieces of the 自评表 CSV reader shared between its files (not for other modules).
// Contract: as ingest/selfeval_reader.h; every figure is located, errors go to `diags`.
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "ingest/csv.h"
#include "model/selfeval.h"

namespace jixiao::selfeval_internal {

PrintedText Printed(const CsvCells& cells, const CsvRow& row, const CsvColumn& col);
PrintedNumber Number(const CsvCells& cells, const CsvRow& row, const CsvColumn& col,
                     bool percent_ok, Diagnostics& diags);
void ReadBudget(const CsvTable& csv, const std::string& money_unit, SelfEvalBudget& budget,
                Diagnostics& diags);
void ReadSummary(const CsvTable& csv, SelfEvaluation& form, Diagnostics& diags);
void ReadProject(const CsvTable& csv, SelfEvaluation& form, Diagnostics& diags);

}  // namespace jixiao::selfeval_internal
