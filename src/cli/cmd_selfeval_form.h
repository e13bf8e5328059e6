// `jixiao selfeval new` and `jixiao selfeval score` (cmd_selfeval_form.cc), dispatched from the
// subcommand table in cmd_selfeval.cc. Exit codes: 0 written, 1 bad input, 2 usage.
#pragma once

#include "cli/commands.h"

namespace jixiao::cli {

// jixiao selfeval new --targets FILE -o FORM.xlsx [--rules ID|FILE] [--year YYYY]
int SelfevalNew(const Args& args, const Command& self);
// jixiao selfeval score FORM [-o DIR] [--rules ID|FILE]
int SelfevalScore(const Args& args, const Command& self);

}  // namespace jixiao::cli
