// 万元 exact, beside format.h's rounded FormatWanYuan (same formatter, format.cc): 2 decimals, up
// to 6 when the fen need them, never rounded ("63.00万元", "147.174531万元"). Kept in its own
// header so adding it did not rebuild every module; fold into format.h at its next change.
#pragma once

#include <string>

#include "core/money.h"

namespace jixiao {

std::string FormatWanYuanExact(Money m);

}  // namespace jixiao
