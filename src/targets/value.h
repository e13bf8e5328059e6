// A 指标值 as budget units write it, read for checking: comparator (≥ ≤ = > <, ASCII or full-width,
// or the words 以上/以下/以内/±), number, unit (glued, bracketed as in ≥3200.00(人), or 百分比),
// and for text values whether they name a date, deadline or duration, or an amount. Contract: pure,
// never fails; a blank cell is `blank`, text without a leading number is qualitative (numeric ==
// false).
#pragma once

#include <string>

#include "core/rational.h"
#include "model/framework.h"

namespace jixiao::targets {

struct Value {
  std::string typed;        // as written, trimmed, without a trailing （待确认） marker
  std::string text;         // `typed` with full-width figures read half-width (core/half_width.h)
  bool full_width = false;  // `text` differs from `typed`: the checker says so (T31)
  bool blank = true;
  bool numeric = false;
  CompareOp op = CompareOp::kEq;
  bool op_written = false;
  Rational number;
  std::string unit;  // "%" for %/％/百分比; otherwise as written ("人次", "万元", "元/亩")
  bool has_date = false;  // 2025年12月31日, 12月底前, ≤10个工作日, 48小时 …
  bool date_only =
      false;  // nothing but a date, deadline or period (2020年1月--2020年11月, 12月底前)
  bool has_amount = false;  // a number followed by 元/万元 somewhere in the text
  bool unreadable =
      false;  // starts like a number ("≥1.5.5人", 30 digits) that cannot be read exactly

  static Value Parse(const std::string& raw);
  bool IsPercent() const { return numeric && unit == "%"; }
  // The value with `op` written in front ("≥" + "95%"), for suggestions.
  std::string WithComparator(const std::string& op_symbol) const;
};

// The marker `targets fix` appends to a changed cell; readers drop it.
extern const char kPendingMarker[];
std::string StripPendingMarker(const std::string& cell);

// The one full-width reading (core/half_width.h: digits, ％, ．, ＞, ＜, ＝, "，" between groups of
// three), then the comparators other systems type (≧ ≦ ⩾ ⩽, ═ and the small ﹦) as ≥ ≤ =.
std::string NormalizeWidth(const std::string& text);

}  // namespace jixiao::targets
