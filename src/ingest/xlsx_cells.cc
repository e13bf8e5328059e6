// Cell references, number formats, date serials and number text for the xlsx reader.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/format.h"
#include "core/rational.h"
#include "core/text.h"
#include "ingest/xlsx.h"

namespace jixiao {

namespace {
constexpr int kMaxRows = 1048576;
constexpr int kMaxCols = 16384;

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
void CivilFromDays(long long z, int& y, int& m, int& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
}
}  // namespace

bool ParseCellRef(const std::string& ref, int& row, int& col) {
  size_t i = 0;
  long long c = 0, r = 0;
  while (i < ref.size() && ref[i] == '$') ++i;
  size_t letters = 0;
  while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
    c = c * 26 + ((ref[i] | 0x20) - 'a' + 1);
    if (++letters > 3) return false;
    ++i;
  }
  if (i < ref.size() && ref[i] == '$') ++i;
  size_t digits = 0;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
    r = r * 10 + (ref[i] - '0');
    if (++digits > 7) return false;
    ++i;
  }
  if (i != ref.size() || letters == 0 || digits == 0) return false;
  if (c < 1 || c > kMaxCols || r < 1 || r > kMaxRows) return false;
  row = static_cast<int>(r);
  col = static_cast<int>(c);
  return true;
}

std::string ColumnName(int col) {
  std::string name;
  while (col > 0) {
    const int rem = (col - 1) % 26;
    name.insert(name.begin(), static_cast<char>('A' + rem));
    col = (col - 1) / 26;
  }
  return name;
}

std::string CellName(int row, int col) { return ColumnName(col) + std::to_string(row); }

Location CellLocation(const std::string& file, const std::string& sheet, int row, int col) {
  Location where;
  where.file = file;
  where.path = sheet + "!" + CellName(row, col);
  return where;
}

bool SerialToDate(double serial, bool date1904, bool with_time, std::string& out) {
  if (!std::isfinite(serial) || serial < 0 || serial >= 2958466) return false;  // 9999-12-31
  long long days = static_cast<long long>(std::floor(serial));
  long long seconds = std::llround((serial - std::floor(serial)) * 86400.0);
  if (seconds >= 86400) {
    seconds -= 86400;
    ++days;
  }
  int y, m, d;
  if (date1904) {
    CivilFromDays(days - 24107, y, m, d);  // 1904-01-01 is day 0
  } else if (days == 60) {
    y = 1900, m = 2, d = 29;  // Lotus 1-2-3's leap-year bug, kept by Excel
  } else if (days == 0) {
    y = 1900, m = 1, d = 0;  // Excel shows 1900-01-00
  } else {
    CivilFromDays(days - (days < 60 ? 25568 : 25569), y, m, d);  // 25569 = 1970-01-01
  }
  char buf[40];
  if (with_time) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02lld:%02lld:%02lld", y, m, d, seconds / 3600,
                  seconds / 60 % 60, seconds % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  }
  out = buf;
  return true;
}

XlsxNumberStyle StyleOfBuiltinFormat(int id) {
  if (id == 9 || id == 10) return XlsxNumberStyle::kPercent;
  if ((id >= 14 && id <= 17) || id == 27 || id == 30 || id == 31 || id == 36 ||
      (id >= 50 && id <= 58))
    return XlsxNumberStyle::kDate;
  if (id == 22) return XlsxNumberStyle::kDateTime;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47) || (id >= 32 && id <= 35))
    return XlsxNumberStyle::kTime;
  if (id == 28 || id == 29) return XlsxNumberStyle::kDate;
  if (id == 49) return XlsxNumberStyle::kText;
  return XlsxNumberStyle::kGeneral;
}

XlsxNumberStyle StyleOfFormatCode(const std::string& code) {
  // Only the first section (positive numbers) decides; quoted text, escapes and [..] are skipped.
  bool date = false, time = false, percent = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char ch = code[i];
    if (ch == ';') break;
    if (ch == '"') {
      const size_t end = code.find('"', i + 1);
      if (end == std::string::npos) break;
      i = end;
      continue;
    }
    if (ch == '\\' || ch == '_' || ch == '*') {
      ++i;
      continue;
    }
    if (ch == '[') {
      const size_t end = code.find(']', i + 1);
      if (end == std::string::npos) break;
      const std::string inside = code.substr(i + 1, end - i - 1);
      if (!inside.empty() && (inside[0] == 'h' || inside[0] == 'H' || inside[0] == 'm' ||
                              inside[0] == 'M' || inside[0] == 's' || inside[0] == 'S'))
        time = true;  // elapsed time: [h]:mm
      i = end;
      continue;
    }
    const char lower = static_cast<char>(ch | 0x20);
    if (ch == '%') percent = true;
    if (lower == 'y' || lower == 'd') date = true;
    if (lower == 'h' || lower == 's') time = true;
    if (lower == 'm') date = date || !time;  // m after h is minutes; alone it counts as month
    if (ch == '@') return XlsxNumberStyle::kText;
  }
  if (code == "General" || code == "general") return XlsxNumberStyle::kGeneral;
  if (date && time) return XlsxNumberStyle::kDateTime;
  if (date) return XlsxNumberStyle::kDate;
  if (time) return XlsxNumberStyle::kTime;
  if (percent) return XlsxNumberStyle::kPercent;
  return XlsxNumberStyle::kGeneral;
}

std::string DecimalText(double value) {
  if (!std::isfinite(value)) return "";
  if (value == 0) return "0";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.14e", value);  // d.dddddddddddddde±XX: 15 significant digits
  std::string s(buf);
  const bool negative = s[0] == '-';
  if (negative) s.erase(0, 1);
  const size_t e = s.find('e');
  const int exponent = std::atoi(s.c_str() + e + 1);
  std::string digits = s.substr(0, 1) + s.substr(2, e - 2);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out;
  if (exponent < 0) {
    out = "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
  } else if (static_cast<size_t>(exponent) + 1 >= digits.size()) {
    out = digits + std::string(exponent + 1 - digits.size(), '0');
  } else {
    out = digits.substr(0, exponent + 1) + "." + digits.substr(exponent + 1);
  }
  return negative ? "-" + out : out;
}

const XlsxRange* XlsxSheet::MergeAt(int row, int col) const {
  for (const XlsxRange& range : merges)
    if (range.Contains(row, col)) return &range;
  return nullptr;
}

const XlsxCell& XlsxSheet::At(int row, int col) const {
  static const XlsxCell kEmpty;
  auto it = cells.find({row, col});
  if (it != cells.end() && !it->second.empty()) return it->second;
  if (const XlsxRange* range = MergeAt(row, col)) {
    auto top = cells.find({range->first_row, range->first_col});
    if (top != cells.end()) return top->second;
  }
  return it != cells.end() ? it->second : kEmpty;
}

const XlsxSheet* XlsxWorkbook::Find(const std::string& name) const {
  for (const XlsxSheet& sheet : sheets)
    if (sheet.name == name) return &sheet;
  return nullptr;
}

std::string XlsxCellText(const XlsxCell& c) {
  if (c.type == XlsxCell::Type::kNumber) {
    if (!c.date.empty()) return c.date;
    if (c.style == XlsxNumberStyle::kPercent) {
      if (auto r = Rational::Parse(c.text)) return TrimmedDecimal(*r * Rational(100)) + "%";
    }
  }
  std::string t = c.text;
  for (auto& ch : t)
    if (ch == '\n' || ch == '\r') ch = ' ';
  return Trim(t);
}

}  // namespace jixiao
