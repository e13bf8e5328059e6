#include "report/narrative_figures.h"

#include <algorithm>

#include "core/format.h"
#include "model/target_value.h"
#include "report/running_text.h"
#include "report/section_drafts.h"
#include "report/utf32.h"
#include "scoring/metrics.h"

namespace jixiao::report {

const char* const kFigureCode = "narrative.figure";
const char* const kScoreCode = "narrative.score";
const char* const kClaimCode = "narrative.claim";

namespace {

using U = std::u32string;

bool EndsWithU(const U& text, const U& tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

char32_t Narrow(char32_t c) {  // full-width digits and signs as ASCII
  if (c >= U'０' && c <= U'９') return U'0' + (c - U'０');
  if (c == U'．') return U'.';
  if (c == U'，') return c;
  if (c == U'％') return U'%';
  return c;
}

bool IsDigit(char32_t c) { return Narrow(c) >= U'0' && Narrow(c) <= U'9'; }
bool IsWordChar(char32_t c) { return c < 0x80 && (std::isalnum(static_cast<int>(c)) || c == '.'); }

// A figure as written: its value, decimals, unit and text.
struct Figure {
  size_t begin = 0, end = 0;  // in the sentence, end past the unit
  Rational value;
  int decimals = 0;
  std::string unit, text;
};

// The figure starting at `i` (a digit not inside a word, then a unit of `units`), if any.
std::optional<Figure> FigureAt(const U& s, size_t i, const std::vector<U>& units) {
  if (!IsDigit(s[i]) || (i > 0 && (IsDigit(s[i - 1]) || IsWordChar(s[i - 1])))) return {};
  std::string plain;
  size_t j = i;
  int decimals = -1;
  for (; j < s.size(); ++j) {
    char32_t c = Narrow(s[j]);
    if (c >= U'0' && c <= U'9') {
      plain += static_cast<char>(c);
      if (decimals >= 0) ++decimals;
    } else if (c == U',' && decimals < 0 && j + 3 < s.size() && IsDigit(s[j + 1]) &&
               IsDigit(s[j + 2]) && IsDigit(s[j + 3])) {
      continue;  // a thousands separator
    } else if (c == U'.' && decimals < 0 && j + 1 < s.size() && IsDigit(s[j + 1])) {
      plain += '.';
      decimals = 0;
    } else {
      break;
    }
  }
  auto value = Rational::Parse(plain);
  if (!value) return {};
  U rest = s.substr(j);
  for (auto& c : rest) c = Narrow(c);
  for (const auto& unit : units)
    if (rest.compare(0, unit.size(), unit) == 0)
      return Figure{i,
                    j + unit.size(),
                    *value,
                    std::max(decimals, 0),
                    Encode(unit),
                    Encode(s.substr(i, j + unit.size() - i))};
  return {};
}

// The text before a figure without the words that join a name to its figure ("为", "达到", "：").
U StripJoiners(U text) {
  static const std::vector<U> kJoiners = {U"为",   U"是", U"达到", U"达", U"了", U"共计", U"共",
                                          U"合计", U"计", U"：",   U":",  U" ",  U"　",   U"约"};
  for (bool again = true; again;) {
    again = false;
    for (const auto& j : kJoiners)
      if (EndsWithU(text, j)) {
        text.resize(text.size() - j.size());
        again = true;
      }
  }
  return text;
}

// The current clause of `prefix`: after its last "，", "；" or "、".
U Clause(const U& prefix) {
  size_t at = prefix.find_last_of(U"，；,;");
  return at == U::npos ? prefix : prefix.substr(at + 1);
}

// Whether a clause speaks of another year, a part or a per-unit figure, not the case's total.
bool NotTheTotal(const U& clause, const std::string& year) {
  for (const char32_t* word : {U"上年", U"去年", U"前年", U"同比", U"较", U"其中", U"平均", U"人均",
                               U"每", U"单价", U"以上", U"以下", U"不超过", U"不低于", U"目标"})
    if (clause.find(word) != U::npos) return true;
  for (size_t i = 0; i + 4 < clause.size(); ++i)
    if (clause[i + 4] == U'年' && IsDigit(clause[i]) && IsDigit(clause[i + 3]) &&
        (i == 0 || !IsDigit(clause[i - 1])) && Encode(clause.substr(i, 4)) != year)
      return true;
  return false;
}

// Whether `written` agrees with `exact` (or with it as printed, two decimals).
bool Agrees(const Figure& f, const Rational& exact) {
  int64_t written = f.value.RoundScaled(f.decimals);
  if (exact.RoundScaled(f.decimals) == written) return true;
  Rational printed(exact.RoundScaled(2), 100);
  return f.decimals < 2 && printed.RoundScaled(f.decimals) == written;
}

std::string Shown(const U& sentence, const Figure& f) {
  if (sentence.size() <= 80) return Encode(sentence);
  size_t from = f.begin > 40 ? f.begin - 40 : 0;
  return (from ? "…" : "") + Encode(sentence.substr(from, f.end + 12 - from)) +
         (f.end + 12 < sentence.size() ? "…" : "");
}

// The indicator named last in `text` (name, 一级 label or code); nullptr when none.
const IndicatorResult* Mentioned(const ReportInput& in, const U& text) {
  const IndicatorResult* best = nullptr;
  size_t best_end = 0;
  for (const auto& r : in.card.indicators) {
    std::vector<U> names = {Decode(r.name)};
    if (r.level == 1) names.push_back(Decode(CategoryLabel(r.name)));
    U code = Decode(r.code);
    for (size_t at = text.rfind(code); at != U::npos && !code.empty();
         at = at ? text.rfind(code, at - 1) : U::npos)
      if ((at == 0 || !IsWordChar(text[at - 1])) &&
          (at + code.size() == text.size() || !IsWordChar(text[at + code.size()]))) {
        names.push_back(code);
        break;
      }
    for (const auto& name : names) {
      size_t at = name.empty() ? U::npos : text.rfind(name);
      if (at != U::npos && at + name.size() > best_end) {
        best_end = at + name.size();
        best = &r;
      }
    }
  }
  return best;
}

// What a text's figures are checked against: the metrics, the quantitative targets and their
// units (longest first). Gathered once for all the texts of a case.
struct TargetActual {
  U name;
  TargetValue actual;
  const TargetRow* row;
};
struct Known {
  std::vector<std::pair<U, const ResolvedMetric*>> metrics;
  std::vector<TargetActual> targets;
  std::vector<U> units;
};

Known KnownFigures(const ReportInput& in) {
  Known k;
  for (const auto& [name, m] : in.card.metrics) {
    k.metrics.push_back({Decode(name), &m});
    U n = Decode(name);
    if (n.size() >= 4 && n.back() == U'率') k.metrics.push_back({n.substr(2), &m});
  }
  for (const auto& t : in.c.targets.rows) {
    TargetValue actual = TargetValue::Parse(NormalizeComparatorWords(t.actual));
    if (actual.quantitative && actual.error.empty() && !actual.unit.empty())
      k.targets.push_back({Decode(t.level3), actual, &t});
  }
  k.units = {U"万元", U"元", U"%", U"分"};
  for (const auto& m : k.metrics)
    if (!m.second->unit.empty()) k.units.push_back(Decode(m.second->unit));
  for (const auto& t : k.targets) k.units.push_back(Decode(t.actual.unit));
  std::sort(k.units.begin(), k.units.end(),
            [](const U& a, const U& b) { return a.size() > b.size(); });
  return k;
}

class Checker {
 public:
  Checker(const ReportInput& in, const Known& known, const std::string& section,
          std::vector<FigureIssue>& out)
      : in_(in),
        section_(section),
        out_(out),
        metrics_(known.metrics),
        targets_(known.targets),
        units_(known.units) {}

  void Sentence(const U& s, size_t offset) {
    offset_ = offset;
    for (size_t i = 0; i < s.size(); ++i)
      if (auto f = FigureAt(s, i, units_)) {
        Check(s, *f);
        i = f->end - 1;
      }
    Grade(s);
    Claim(s);
  }

 private:
  void Issue(const char* code, const U& s, const std::string& message) {
    out_.push_back({code, section_, offset_, Encode(s), NestQuotes(message)});
  }

  void Wrong(const char* code, const U& s, const Figure& f, const std::string& what,
             const std::string& computed, const std::string& tail) {
    Issue(code, s,
          "“" + Shown(s, f) + "”中写" + what + "为" + f.text +
              (code == kScoreCode ? "，而评分结果为" : "，而案例数据为") + computed + "：请改为" +
              computed + "，或核对数据后修改" + tail);
  }

  void Check(const U& s, const Figure& f) {
    U before = StripJoiners(s.substr(0, f.begin));
    if (f.unit == "分") return Score(s, f, before);
    if ((f.unit == "万元" || f.unit == "元") && Money(s, f, before)) return;
    if (NotTheTotal(Clause(before), in_.c.project.year)) return;
    for (const auto& [name, m] : metrics_)
      if (EndsWithU(before, name) && Encode(Decode(m->unit)) == f.unit) {
        if (!Agrees(f, m->value))
          Wrong(kFigureCode, s, f, Encode(name), FormatQuantity(m->value, m->unit), "");
        return;
      }
    for (const auto& t : targets_)
      if (EndsWithU(before, t.name) && t.actual.unit == f.unit) {
        if (!Agrees(f, t.actual.number))
          Wrong(kFigureCode, s, f, "“" + t.row->level3 + "”的实际值",
                TrimmedDecimal(t.actual.number) + t.actual.unit, "（绩效目标表的实际值）");
        return;
      }
  }

  bool Money(const U& s, const Figure& f, const U& before) {
    if (!in_.c.budget.present) return false;
    BudgetSums sums = SumBudget(in_.c);
    struct Key {
      U word;
      const char* what;
      std::vector<jixiao::Money> values;
    };
    const std::vector<Key> keys = {{U"调整后预算资金", "调整后预算", {sums.adjusted}},
                                   {U"调整后预算", "调整后预算", {sums.adjusted}},
                                   {U"年初预算资金", "年初预算", {sums.initial}},
                                   {U"年初预算", "年初预算", {sums.initial}},
                                   {U"实际支出", "实际支出", {sums.actual}},
                                   {U"实际执行", "实际支出", {sums.actual}},
                                   {U"实际使用", "实际支出", {sums.actual}},
                                   {U"支出", "实际支出", {sums.actual}},
                                   {U"执行", "实际支出", {sums.actual}},
                                   {U"预算资金", "预算", {sums.initial, sums.adjusted}},
                                   {U"预算金额", "预算", {sums.initial, sums.adjusted}},
                                   {U"总预算", "预算", {sums.initial, sums.adjusted}},
                                   {U"预算", "预算", {sums.initial, sums.adjusted}}};
    for (const auto& key : keys) {
      if (!EndsWithU(before, key.word)) continue;
      U clause = Clause(before.substr(0, before.size() - key.word.size()));
      if (NotTheTotal(clause, in_.c.project.year) || NamesABudgetLine(clause)) return true;
      const int64_t scale = f.unit == "万元" ? 1000000 : 100;
      for (const auto& v : key.values)
        if (Agrees(f, Rational(v.fen, scale))) return true;
      jixiao::Money shown = key.values.back();
      Wrong(kFigureCode, s, f, key.what,
            f.unit == "万元" ? FormatWanYuan(shown) : FormatYuan(shown), "（预算表的合计）");
      return true;
    }
    return false;
  }

  bool NamesABudgetLine(const U& clause) const {
    for (const auto& line : in_.c.budget.rows) {
      for (const auto& d : line.details)
        if (!d.detail.empty() && clause.find(Decode(d.detail)) != U::npos) return true;
      if (!line.composition.empty() && clause.find(Decode(line.composition)) != U::npos)
        return true;
    }
    return false;
  }

  void Score(const U& s, const Figure& f, const U& before) {
    static const std::vector<U> kTotal = {U"评价得分", U"总得分",   U"综合得分", U"最终得分",
                                          U"评分结果", U"评价结果", U"最终评分", U"评价总分",
                                          U"总分",     U"绩效得分"};
    const IndicatorResult* subject = nullptr;
    bool total = false;
    // "指标体系总分100分": the framework's full marks, not the result.
    if (EndsWithU(before, U"总分") && f.value == in_.card.total_weight.ToRational()) return;
    for (const auto& word : kTotal)
      if (EndsWithU(before, word)) {
        subject = Mentioned(in_, Clause(before.substr(0, before.size() - word.size())));
        total = !subject;
        break;
      }
    if (!subject && !total) {
      bool scored = EndsWithU(before, U"得分");
      if (!scored && !EndsWithU(before, U"得")) return;
      U head = before.substr(0, before.size() - (scored ? 2 : 1));
      if (EndsWithU(head, U"满分") || EndsWithU(head, U"扣")) return;
      subject = Mentioned(in_, head);
      total = !subject && scored;
    }
    if (total) {
      if (!Agrees(f, in_.card.total.ToRational()))
        Wrong(kScoreCode, s, f, "总得分", FormatScore(in_.card.total),
              "；评分后又改了扣分或数据时，叙述须同步改写，定稿（report --final）前须改正");
    } else if (subject && !Agrees(f, subject->score.ToRational())) {
      Wrong(kFigureCode, s, f, subject->code + " " + subject->name + "的得分",
            FormatScore(subject->score), "");
    }
  }

  void Grade(const U& s) {
    std::vector<U> labels;
    for (const auto& g : in_.framework.grades) labels.push_back(Decode(g.label));
    std::sort(labels.begin(), labels.end(),
              [](const U& a, const U& b) { return a.size() > b.size(); });
    for (const U word : {U"等级", U"评级"})
      for (size_t at = s.find(word); at != U::npos; at = s.find(word, at + 1)) {
        size_t j = at + word.size();
        while (j < s.size() && U(U"为是：: “「『\"评定").find(s[j]) != U::npos) ++j;
        if (j == at + word.size()) continue;  // "等级分为…" lists the bands
        for (const auto& label : labels)
          if (s.compare(j, label.size(), label) == 0) {
            size_t after = j + label.size();
            if (after < s.size() && U(U"、和或").find(s[after]) != U::npos)
              break;  // "等级为优、良、合格、不合格" lists the bands
            if (!Mentioned(in_, Clause(s.substr(0, at))) && Encode(label) != in_.card.grade)
              Issue(kScoreCode, s,
                    "“" + Encode(s) + "”中写绩效等级为“" + Encode(label) + "”，而评分结果为" +
                        FormatScore(in_.card.total) + "、等级“" + in_.card.grade + "”：请改为“" +
                        in_.card.grade + "”；定稿（report --final）前须改正");
            break;
          }
      }
  }

  void Claim(const U& s) {
    static const std::vector<U> kClaims = {U"圆满完成", U"全部完成", U"全面完成", U"效果显著",
                                           U"成效显著", U"全部达成", U"全部实现", U"全部达到"};
    U claim;
    for (const auto& c : kClaims)
      if (s.find(c) != U::npos) {
        claim = c;
        break;
      }
    if (claim.empty()) return;
    std::vector<std::string> short_of, missed;
    for (const auto& r : in_.card.indicators)
      if (r.leaf && r.weight.hundredths > 0 && r.score < r.weight)
        short_of.push_back(r.code + " " + r.name + "（得" + FormatScore(r.score) + "，满分" +
                           FormatScore(r.weight) + "）");
    for (const auto& t : in_.c.targets.rows) {
      TargetValue target = TargetAsScored(t.value);
      auto reading = ReadActual(target, t.actual);
      if (reading.attainment && *reading.attainment != Attainment::kMet)
        missed.push_back("“" + t.level3 + "”（目标" + NarrowFullWidth(Trim(t.value)) + "，实际" +
                         NarrowFullWidth(Trim(t.actual)) + "）");
    }
    if (short_of.empty() && missed.empty()) return;
    auto list = [](const std::vector<std::string>& items) {
      std::string out;
      for (size_t i = 0; i < items.size() && i < 5; ++i) out += (i ? "、" : "") + items[i];
      return items.size() > 5 ? out + "等" + std::to_string(items.size()) + "项" : out;
    };
    std::string why;
    if (!short_of.empty())
      why += std::to_string(short_of.size()) + "个指标未得满分：" + list(short_of);
    if (!missed.empty())
      why += (why.empty() ? "" : "；") + std::to_string(missed.size()) + "项绩效目标未完全达成：" +
             list(missed);
    Issue(kClaimCode, s,
          "“" + Encode(s) + "”称“" + Encode(claim) + "”，但" + why +
              "：请如实写明未达到的部分，或改用与得分相符的措辞");
  }

  const ReportInput& in_;
  std::string section_;
  std::vector<FigureIssue>& out_;
  size_t offset_ = 0;
  const std::vector<std::pair<U, const ResolvedMetric*>>& metrics_;
  const std::vector<TargetActual>& targets_;
  const std::vector<U>& units_;
};

}  // namespace

namespace {

std::vector<FigureIssue> CheckText(const ReportInput& in, const Known& known,
                                   const std::string& section, const std::string& text) {
  std::vector<FigureIssue> out;
  Checker checker(in, known, section, out);
  U all = Decode(text);
  static constexpr std::u32string_view kEnds = U"。！？\n";
  size_t start = 0, bytes = 0, start_bytes = 0;
  for (size_t i = 0; i <= all.size(); ++i) {
    bool end = i == all.size() || kEnds.find(all[i]) != std::u32string_view::npos;
    if (end) {
      U sentence = all.substr(start, i - start);
      size_t lead = 0;
      while (lead < sentence.size() && (sentence[lead] == U' ' || sentence[lead] == U'　')) ++lead;
      if (lead < sentence.size())
        checker.Sentence(sentence.substr(lead),
                         start_bytes + Encode(sentence.substr(0, lead)).size());
    }
    if (i < all.size()) {  // the bytes AppendUtf8 writes for it
      char32_t cp = all[i];
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
    if (end) {
      start = i + 1;
      start_bytes = bytes;
    }
  }
  return out;
}

}  // namespace

std::vector<FigureIssue> CheckTextFigures(const ReportInput& in, const std::string& section,
                                          const std::string& text) {
  return CheckText(in, KnownFigures(in), section, text);
}

std::vector<FigureIssue> CheckNarrativeFigures(const ReportInput& in) {
  std::vector<FigureIssue> out;
  const Known known = KnownFigures(in);
  for (const auto& [key, text] : in.c.narrative)
    for (auto& issue : CheckText(in, known, key, text)) out.push_back(std::move(issue));
  const std::pair<const char*, const std::vector<Observation>*> lists[] = {
      {"experiences", &in.c.experiences}, {"problems", &in.c.problems}};
  for (const auto& [name, items] : lists)
    for (size_t i = 0; i < items->size(); ++i)
      for (auto& issue :
           CheckText(in, known, std::string("$.") + name + "[" + std::to_string(i) + "].text",
                     (*items)[i].text))
        out.push_back(std::move(issue));
  return out;
}

}  // namespace jixiao::report
