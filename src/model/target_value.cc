#include "model/target_value.h"

#include <optional>
#include <vector>

#include "core/quantity.h"
#include "core/text.h"
#include "model/degree_words.h"

namespace jixiao {
namespace {

bool StartsNumeric(const std::string& normalised) {
  if (normalised.empty()) return false;
  char c = normalised[0];
  if (c == '-' || c == '+')
    return normalised.size() > 1 && normalised[1] >= '0' && normalised[1] <= '9';
  return (c >= '0' && c <= '9') || c == '.';
}

// Splits "准确（按129元/人执行）" into "准确" and the note "按129元/人执行".
void SplitNote(const std::string& text, std::string& core, std::string& note) {
  core = text;
  note.clear();
  for (auto [open, close] : {std::pair<std::string, std::string>{"（", "）"}, {"(", ")"}}) {
    if (!EndsWith(text, close)) continue;
    size_t at = text.find(open);
    if (at == std::string::npos || at == 0) continue;
    core = Trim(text.substr(0, at));
    note = Trim(text.substr(at + open.size(), text.size() - at - open.size() - close.size()));
    return;
  }
}

// Qualitative values that mean the same target (docs/rules.md, table 1).
const std::vector<std::vector<std::string>>& Synonyms() {
  static const std::vector<std::vector<std::string>> kSets = {
      {"建立健全", "健全", "已建立健全", "已健全", "建立", "已建立"},
      {"健全且执行有效", "健全及执行有效", "健全并执行有效"},
      {"明显提升", "显著提升", "有效提升", "明显提高", "显著提高"},
      {"进一步完善", "完善", "已完善", "得到完善"},
      {"进一步健全", "健全", "已健全", "得到健全"},
      {"减轻", "有所减轻", "明显减轻", "得到减轻"},
      {"及时", "按时", "按期"},
      {"准确", "无差错"},
      {"有效", "切实有效"},
      {"规范", "合规"},
  };
  return kSets;
}

bool SameValue(const std::string& a, const std::string& b) {
  if (a == b) return true;
  for (const auto& set : Synonyms()) {
    bool has_a = false, has_b = false;
    for (const auto& s : set) {
      has_a |= s == a;
      has_b |= s == b;
    }
    if (has_a && has_b) return true;
  }
  return false;
}

// Statements of attainment (docs/rules.md, table 2).
const char* const kMetWords[] = {
    "已达到",         "达到",           "已达成",       "达成",         "已完成",
    "完成",           "已实现",         "实现",         "符合",         "是",
    "已落实",         "落实",           "达到预期",     "达成预期",     "已达到预期",
    "已达成预期",     "达到预期目标",   "达成预期目标", "达到预期指标", "达成预期指标",
    "已达到预期目标", "已达成预期目标", "完成预期目标"};
const char* const kPartlyPrefixes[] = {"基本", "部分"};
const char* const kNotMetPrefixes[] = {"未", "不", "没有", "尚未", "无", "否"};

bool IsDigitOrDot(char c) { return (c >= '0' && c <= '9') || c == '.'; }

// A date as printed: "2023年12月", "2023年12月31日", "2023年底"; without its year ("11月底",
// "12月31日", "年底": year 0, the form's own year). day 0: not printed.
struct PrintedDate {
  int year = 0;
  int month = 0;
  int day = 0;
  bool month_end = false;  // 底 / 末 printed after the month
};

int ReadDigits(const std::string& s, size_t& i, size_t max_len) {
  const size_t start = i;
  int n = 0;
  while (i < s.size() && i - start < max_len && s[i] >= '0' && s[i] <= '9')
    n = n * 10 + (s[i++] - '0');
  return i == start ? -1 : n;
}

bool Eat(const std::string& s, size_t& i, const std::string& word) {
  if (s.compare(i, word.size(), word) != 0) return false;
  i += word.size();
  return true;
}

// A date at the start of a width-normalised text; `rest` gets what follows it.
std::optional<PrintedDate> LeadingDate(const std::string& s, std::string* rest) {
  size_t i = 0;
  PrintedDate d;
  d.year = ReadDigits(s, i, 4);
  if (i >= 1 && i <= 2 && s.compare(i, std::string("月").size(), "月") == 0) {
    i = 0, d.year = 0;  // "11月底": the month of the form's year
  } else if (i == 0 && (StartsWith(s, "年底") || StartsWith(s, "年末"))) {
    d.year = 0;
  } else if (i != 4 || !Eat(s, i, "年")) {
    return std::nullopt;
  }
  if (d.year == 0 && i == 0 && (Eat(s, i, "年底") || Eat(s, i, "年末"))) {
    d.month = 12, d.month_end = true;
  } else if (d.year != 0 && (Eat(s, i, "底") || Eat(s, i, "末"))) {
    d.month = 12;
  } else {
    d.month = ReadDigits(s, i, 2);
    if (d.month < 1 || d.month > 12 || !Eat(s, i, "月")) return std::nullopt;
    const size_t at = i;
    const int day = ReadDigits(s, i, 2);
    if (day >= 1 && day <= 31 && (Eat(s, i, "日") || Eat(s, i, "号")))
      d.day = day;
    else
      i = at;
    if (d.day == 0)
      d.month_end = Eat(s, i, "底") || Eat(s, i, "末");  // "11月底": the month as a whole
  }
  *rest = Trim(s.substr(i));
  return d;
}

// A time span's end: `rest` after its first date begins with a dash, 至 or 到 and then a date
// ("2021年1月-12月", "2021年1月至2021年12月"); the end takes the start's year when it prints none.
// `rest` gets what follows the end.
std::optional<PrintedDate> SpanEnd(const PrintedDate& start, std::string& rest) {
  for (const char* dash : {"-", "—", "－", "~", "～", "至", "到"})
    if (StartsWith(rest, dash)) {
      std::string after;
      auto end = LeadingDate(Trim(rest.substr(std::string(dash).size())), &after);
      if (!end) return std::nullopt;
      if (end->year == 0) end->year = start.year;
      rest = after;
      return end;
    }
  return std::nullopt;
}

// A deadline 指标值 (comparator already taken off): the date alone or with 前/底前/以内/完成…;
// the date may be followed by the work due then (“12月底前100%到位”, “6月底前完成验收”); a time
// span (“2021年1月-12月”) is due by its end (trial 3 item 25).
std::optional<PrintedDate> DeadlineDate(const std::string& normalised) {
  std::string rest;
  auto d = LeadingDate(normalised, &rest);
  if (!d) return std::nullopt;
  if (auto end = SpanEnd(*d, rest)) {
    d = end;
    if (rest.empty()) return d;  // the span's end month as printed ("-12月")
  }
  // A month alone without its year ("≤12月") may be a count of months: a deadline only with 底,
  // a day or a word after it ("12月前", "11月底").
  if (d->year == 0 && d->day == 0 && !d->month_end && rest.empty()) return std::nullopt;
  for (const char* end :
       {"", "前", "之前", "以前", "底前", "底", "末", "内", "以内", "前完成", "底前完成", "完成"})
    if (rest == end) return d;
  for (const char* before : {"前", "之前", "以前", "底前"})  // the work due by then follows
    if (StartsWith(rest, before)) return d;
  return std::nullopt;
}

// A 指标值 that reads like a date or a period but is none LeadingDate can read (“2021年13月”):
// a digit run followed by 年, 月 or 日.
bool LooksLikeDate(const std::string& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') continue;
    size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    for (const char* w : {"年", "月", "日"})
      if (s.compare(j, std::string(w).size(), w) == 0) return true;
    i = j;
  }
  return false;
}

std::string WithoutComparator(const std::string& printed) {
  std::string t = Trim(NormalizeWidth(NormalizeComparatorWords(printed)));
  for (const char* op : {">=", "<=", "==", "≥", "≤", ">", "<", "="})
    if (StartsWith(t, op)) return Trim(t.substr(std::string(op).size()));
  return t;
}

// The date an 实际完成值 reports: "2023年10月", "已于2022年11月完成"; not "2023年12月未完成".
std::optional<PrintedDate> ReportedDate(std::string a) {
  for (const char* lead : {"已于", "于", "已在", "在", "已"})
    if (StartsWith(a, lead)) {
      a = a.substr(std::string(lead).size());
      break;
    }
  std::string rest;
  auto d = LeadingDate(a, &rest);
  for (const char* no : {"未", "不", "没", "尚"})
    if (rest.find(no) != std::string::npos) return std::nullopt;
  return d;
}

bool OnOrBefore(const PrintedDate& a, const PrintedDate& b) {
  if (a.year && b.year && a.year != b.year) return a.year < b.year;  // year 0: the form's year
  if (a.month != b.month) return a.month < b.month;
  return a.day == 0 || b.day == 0 || a.day <= b.day;  // a month alone covers its days
}

std::string StripSuffix(const std::string& s, const std::string& suffix, bool* hit) {
  if (!EndsWith(s, suffix) || s.size() == suffix.size()) return s;
  *hit = true;
  return Trim(s.substr(0, s.size() - suffix.size()));
}

// A time limit written with 内 after its unit: "30日内", "7个工作日内完成", "≤3天之内" -> the
// limit alone ("30日"), with `*within` set; a date ("12月31日内") or other text is left unchanged.
std::string DurationWithin(const std::string& text, bool* within) {
  static const char* const kEnds[] = {"以内完成", "之内完成", "内完成", "以内", "之内", "内"};
  static const char* const kUnits[] = {"个工作日", "工作日", "日", "天", "小时", "个月", "周"};
  for (const char* end : kEnds) {
    bool hit = false;
    const std::string limit = StripSuffix(text, end, &hit);
    if (!hit) continue;
    std::string figure = NormalizeWidth(limit);
    for (const char* op : {"≥", "≤", ">=", "<=", ">", "<", "="})
      if (StartsWith(figure, op)) figure = Trim(figure.substr(std::string(op).size()));
    for (const char* unit : kUnits) {
      if (!EndsWith(figure, unit)) continue;
      const std::string number = Trim(figure.substr(0, figure.size() - std::string(unit).size()));
      if (number.empty() || !StartsNumeric(number) || !ParseQuantity(number).quantity ||
          !ParseQuantity(number).quantity->unit.empty())
        return text;  // "12月31日内": a date, not a count of days
      *within = true;
      return limit;
    }
    return text;
  }
  return text;
}

}  // namespace

std::string NormalizeComparatorWords(const std::string& printed) {
  std::string t = Trim(printed);
  // A value written as a sentence: its closing full stop is not part of the unit ("15万元。").
  for (const char* stop : {"。", "．"}) {
    bool hit = false;
    t = StripSuffix(t, stop, &hit);
  }
  // A subject before 达/达到 and the number: "辖区企业满意率达95%以上" reads "95%以上"; only when
  // what follows is a quantity alone (after 以上/以下), else the text stays as written.
  if (const std::string n = NormalizeWidth(t); !n.empty() && !IsDigitOrDot(n[0])) {
    for (const char* word : {"达到", "达"}) {
      const size_t at = t.find(word);
      if (at == std::string::npos || at == 0) continue;
      std::string rest = Trim(t.substr(at + std::string(word).size()));
      std::string core = NormalizeWidth(rest);
      bool hit = false;
      for (const char* s : {"及以上", "以上", "及以下", "以下", "以内"})
        core = StripSuffix(core, s, &hit);
      if (StartsNumeric(core) && ParseQuantity(core).quantity) t = rest;
      break;
    }
  }
  // Comparators printed with other code points: ≧ (U+2267) ≦ (U+2266) ═ (U+2550) ＝ (full width),
  // the small ﹦ (U+FE66) and the slanted ⩾ ⩽.
  static const std::pair<const char*, const char*> kGlyphs[] = {
      {"≧", "≥"},  {"≦", "≤"},  {"═", "="}, {"＝", "="}, {"＞", ">"},
      {"＜", "<"}, {"﹦", "="}, {"⩾", "≥"}, {"⩽", "≤"}};
  for (const auto& [from, to] : kGlyphs)
    if (StartsWith(t, from)) t = std::string(to) + t.substr(std::string(from).size());
  // Words before the number.
  static const std::pair<const char*, const char*> kPrefixes[] = {
      {"不低于", "≥"}, {"不少于", "≥"}, {"大于等于", "≥"}, {"达到", "≥"}, {"不高于", "≤"},
      {"不超过", "≤"}, {"不多于", "≤"}, {"小于等于", "≤"}, {"小于", "<"}, {"低于", "<"},
      {"少于", "<"},   {"大于", ">"},   {"高于", ">"},     {"超过", ">"}, {"等于", "="}};
  for (const auto& [word, op] : kPrefixes) {
    if (!StartsWith(t, word)) continue;
    std::string rest = Trim(t.substr(std::string(word).size()));
    if (!rest.empty() && (IsDigitOrDot(NormalizeWidth(rest)[0]))) {
      t = std::string(op) + rest;
      break;
    }
  }
  // Words after the number: "90%以上" "3天以内" "5次以下"; only when no comparator is written.
  std::string n = NormalizeWidth(t);
  bool has_op = StartsWith(n, "≥") || StartsWith(n, "≤") || StartsWith(n, ">") ||
                StartsWith(n, "<") || StartsWith(n, "=");
  // A time limit: "30日内", "7个工作日内完成" read "≤30日", "≤7个工作日" (issue 21).
  if (bool within = false; (t = DurationWithin(t, &within)), within) return has_op ? t : "≤" + t;
  if (!has_op && !n.empty() && IsDigitOrDot(n[0])) {
    bool hit = false;
    for (const char* s : {"及以上", "以上"}) {
      t = StripSuffix(t, s, &hit);
      if (hit) {
        t = "≥" + t;
        break;
      }
    }
    if (!hit)
      for (const char* s : {"及以下", "以下", "以内"}) {
        t = StripSuffix(t, s, &hit);
        if (hit) {
          t = "≤" + t;
          break;
        }
      }
  }
  return t;
}

TargetValue TargetValue::Parse(const std::string& raw) {
  TargetValue v;
  v.text = Trim(raw);
  std::string rest = Trim(NormalizeWidth(NormalizeComparatorWords(v.text)));
  static const std::pair<const char*, CompareOp> kOps[] = {
      {"≥", CompareOp::kGe}, {">=", CompareOp::kGe}, {"≤", CompareOp::kLe},  {"<=", CompareOp::kLe},
      {">", CompareOp::kGt}, {"<", CompareOp::kLt},  {"==", CompareOp::kEq}, {"=", CompareOp::kEq}};
  for (const auto& [symbol, op] : kOps) {
    if (StartsWith(rest, symbol)) {
      v.op = op;
      v.comparator_written = true;
      rest = Trim(rest.substr(std::string(symbol).size()));
      break;
    }
  }
  if (!StartsNumeric(rest)) return v;  // qualitative
  if (DeadlineDate(rest)) return v;    // a date: qualitative, compared as a date by ReadActual
  QuantityParse parsed = ParseQuantity(rest);
  if (!parsed.quantity) {
    // A date the reader could not make out: what to type, not the quantity parser's words.
    v.error = LooksLikeDate(rest) ? "像是日期或时段，但读不出；期限请写成“2023年12月底前”或"
                                    "“≤2023年12月31日”，时段请写成“2021年1月至12月”"
                                  : parsed.error;
    return v;
  }
  v.quantitative = true;
  v.number = parsed.quantity->value;
  v.unit = parsed.quantity->unit;
  return v;
}

bool IsCostCeiling(const std::string& level1, const std::string& level2, const TargetValue& value,
                   const std::string& unit_column) {
  if (level1.find("成本") == std::string::npos && level2.find("成本") == std::string::npos)
    return false;
  const std::string unit = value.unit.empty() ? Trim(unit_column) : value.unit;
  return value.quantitative && !value.comparator_written && unit.find("元") != std::string::npos;
}

std::string TargetWithUnit(const std::string& value, const std::string& unit) {
  const std::string u = Trim(unit);
  if (u.empty()) return value;
  const TargetValue parsed = TargetValue::Parse(value);
  if (!parsed.quantitative || !parsed.unit.empty() || !parsed.error.empty()) return value;
  return Trim(value) + u;
}

TargetValue TargetAsScored(const std::string& text) {
  TargetValue value = TargetValue::Parse(text);
  if (value.quantitative && !value.comparator_written) value.op = CompareOp::kGe;
  return value;
}

std::string AcceptedQualitativeForms(const std::string& target_text) {
  if (DeadlineDate(WithoutComparator(target_text)))  // a deadline: a date, or words
    return "完成的日期（如“11月20日完成”“2022年11月”：不晚于“" + target_text +
           "”为达成，晚于为未达成）、“已完成/按时完成”（达成）、“未完成”（未达成）";
  const std::string partly_band = "（部分达成，得分比例按评分规则的“部分达成”档）";
  if (auto forms = DegreeFormsFor(target_text))
    return forms->met + "（达成，可带括号说明）、" +
           (forms->partly.empty() ? "" : forms->partly + partly_band + "、") + forms->not_met +
           "（未达成）";
  const std::string negated = (IsAdjectiveValue(target_text) ? "不" : "未") + target_text;
  return "“" + target_text +
         "”或其同义词、“已达到/已达成/已完成/已实现/符合”（达成，可带括号说明，如“" + target_text +
         "（说明）”）、“基本" + target_text + "/部分" + target_text + "”" + partly_band + "、“" +
         negated + "/未达到”（未达成）";
}

ActualReading ReadActual(const TargetValue& target, const std::string& raw_actual) {
  ActualReading r;
  std::string text = Trim(raw_actual);
  SplitNote(text, r.shown, r.note);
  if (text.empty()) {
    r.error = "实际值为空";
    return r;
  }
  if (target.quantitative) {
    std::string core = Trim(NormalizeWidth(r.shown));
    QuantityParse parsed = ParseQuantity(core);
    if (!StartsNumeric(core) || !parsed.quantity) {
      r.error =
          "指标值是数值（" + target.text + "），实际值“" + text + "”应写成数值" +
          (target.unit.empty() ? "" : "（如 " + target.number.ToString() + target.unit + "）") +
          (parsed.error.empty() || !StartsNumeric(core) ? "" : "：" + parsed.error);
      return r;
    }
    std::string why;
    auto value = ToUnit(*parsed.quantity, target.unit, &why);
    if (!value) {
      r.error = "实际值“" + text + "”与指标值“" + target.text + "”的单位不一致：" + why;
      return r;
    }
    r.quantitative = true;
    r.number = *value;
    r.bare = parsed.quantity->unit.empty();
    r.attainment =
        Compare(*value, target.op, target.number) ? Attainment::kMet : Attainment::kNotMet;
    if (!parsed.quantity->unit.empty() && parsed.quantity->unit != target.unit)
      r.how = "实际值按" + target.unit + "换算为" + value->ToString() + target.unit;
    return r;
  }
  std::string t = Trim(NormalizeWidth(target.text));
  std::string a = Trim(NormalizeWidth(r.shown));
  if (auto due = DeadlineDate(WithoutComparator(target.text))) {
    if (auto done = ReportedDate(a)) {
      // A deadline unless the target says "≥ date" (not before).
      bool not_before =
          target.comparator_written && (target.op == CompareOp::kGe || target.op == CompareOp::kGt);
      bool met = not_before ? OnOrBefore(*due, *done) : OnOrBefore(*done, *due);
      r.attainment = met ? Attainment::kMet : Attainment::kNotMet;
      r.how = "实际日期“" + a + "”" + (met ? "在期限内" : "超出期限") + "（指标值“" + target.text +
              "”）";
      return r;
    }
  }
  if (SameValue(a, t) || a == "已" + t) {
    r.attainment = Attainment::kMet;
    r.how = a == t ? "实际值与指标值相同" : "“" + a + "”与“" + t + "”同义，表示已达成";
    return r;
  }
  for (const char* w : kMetWords) {
    if (a == w) {
      r.attainment = Attainment::kMet;
      r.how = "“" + a + "”表示已达成";
      return r;
    }
  }
  if (auto degree = JudgeDegree(t, a)) {  // 程度词: 明显提高 against 有所提高 (docs/selfeval.md)
    r.attainment = degree->verdict == DegreeVerdict::kPartly   ? Attainment::kPartly
                   : degree->verdict == DegreeVerdict::kNotMet ? Attainment::kNotMet
                                                               : Attainment::kMet;
    r.how = degree->how;
    return r;
  }
  for (const char* p : kPartlyPrefixes) {
    if (!StartsWith(a, p)) continue;
    std::string rest = a.substr(std::string(p).size());
    // "基本改善" against "有效改善": the target's own ending after 基本/部分 reads as partly.
    bool tail = rest.size() >= 6 && EndsWith(t, rest);
    bool known = rest.empty() || SameValue(rest, t) || rest == "已" + t || tail;
    for (const char* w : kMetWords) known |= rest == w;
    if (known) {
      r.attainment = Attainment::kPartly;
      r.how = "“" + a + "”表示部分达成";
      return r;
    }
  }
  bool negative_target = false;  // "不发生安全事故": a 未…/不… actual may then mean met
  for (const char* p : kNotMetPrefixes) negative_target |= StartsWith(t, p);
  for (const char* p : kNotMetPrefixes) {
    if (!negative_target && StartsWith(a, p)) {
      r.attainment = Attainment::kNotMet;
      r.how = "“" + a + "”表示未达成";
      return r;
    }
  }
  r.error = "无法判断实际值“" + text + "”是否达成指标值“" + target.text + "”；可写：" +
            AcceptedQualitativeForms(target.text);
  return r;
}

bool IsStrictComparator(CompareOp op) { return op == CompareOp::kLt || op == CompareOp::kGt; }

Rational CapMissedStrict(const TargetValue& target, const Rational& exact, const Rational& weight,
                         const Rational& step) {
  if (!target.quantitative || !IsStrictComparator(target.op)) return exact;
  Rational most = weight - step;
  if (most.IsNegative()) most = Rational(0);
  return exact < most ? exact : most;
}

std::optional<bool> TargetMet(const TargetValue& target, const TargetValue& actual) {
  if (actual.text.empty()) return std::nullopt;
  ActualReading r = ReadActual(target, actual.text);
  if (!r.attainment) return std::nullopt;
  return *r.attainment == Attainment::kMet;
}

std::string AttainmentLabel(Attainment level) {
  return level == Attainment::kMet ? "达成" : level == Attainment::kPartly ? "部分达成" : "未达成";
}

std::optional<Attainment> AttainmentFromLabel(const std::string& label) {
  const std::string t = Trim(label);
  if (t == "达成") return Attainment::kMet;
  if (t == "部分达成") return Attainment::kPartly;
  if (t == "未达成") return Attainment::kNotMet;
  return std::nullopt;
}

bool InNationalBand(Attainment level, const Rational& share) {
  if (share.IsNegative() || Rational(1) < share) return false;
  if (level == Attainment::kMet) return !(share < Rational(4, 5));
  if (level == Attainment::kPartly) return !(share < Rational(1, 2)) && share < Rational(4, 5);
  return share < Rational(1, 2);
}

std::string NationalBandText(Attainment level) {
  return level == Attainment::kMet      ? "80%（含）至100%"
         : level == Attainment::kPartly ? "50%（含）至80%"
                                        : "0至50%";
}

}  // namespace jixiao
