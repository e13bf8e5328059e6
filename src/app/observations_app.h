// The case's 主要经验及做法, 存在问题 and 相关建议 (case.json's experiences, problems, suggestions)
// edited outside the entry workbook (the web page). Contract: the rows go through the workbook's
// own reader of the 经验问题建议 sheet (entry::ImportObservations), so there is one writer; the
// three lists are replaced whole, every other member of case.json kept; nothing is written unless
// every row reads cleanly and the case still loads; problems are located at case.json
// $.<list>[i].<field> (field title, text or indicators). Items with every field blank are dropped.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace jixiao {

struct ObservationEdit {
  std::string title, text;
  std::string indicators;  // codes as typed, separated by commas, 、 or spaces
};

struct ObservationLists {
  std::vector<ObservationEdit> experiences, problems, suggestions;
};

// The lists as case.json holds them now (indicators joined by "，").
std::optional<ObservationLists> ReadObservations(const std::string& case_dir, Diagnostics& diags);

// Replaces the three lists; false (nothing written) when any error was reported.
bool SaveObservations(const std::string& case_dir, const ObservationLists& lists,
                      Diagnostics& diags);

}  // namespace jixiao
