// 问卷星 export: header matching and answers (see wjx_export.h).
#include "ingest/wjx_export.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace jixiao {
namespace {

// Decodes one UTF-8 code point at `i` (input already valid UTF-8).
char32_t NextCodePoint(const std::string& s, size_t& i) {
  unsigned char c = s[i];
  int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
  for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
  i += n;
  return cp;
}

bool IsPunctuationOrBlank(char32_t cp) {
  if (cp < 0x80) return !std::isalnum(static_cast<int>(cp));
  if (cp == 0x3000 || (cp >= 0x3001 && cp <= 0x303F)) return true;  // CJK punctuation
  if (cp >= 0x2000 && cp <= 0x206F) return true;                    // general punctuation, …
  if (cp >= 0xFE30 && cp <= 0xFE4F) return true;
  return false;
}

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> SplitChoices(const std::string& text) {
  std::vector<std::string> out;
  const std::string sep = "┋";
  size_t start = 0;
  while (true) {
    size_t end = text.find(sep, start);
    std::string part = Trim(text.substr(start, end == std::string::npos ? end : end - start));
    if (!part.empty()) out.push_back(part);
    if (end == std::string::npos) break;
    start = end + sep.size();
  }
  return out;
}

// The text after the last `sep` (empty when `sep` does not occur).
std::string AfterLast(const std::string& text, const std::string& sep, std::string* before) {
  const size_t at = text.rfind(sep);
  if (at == std::string::npos) return "";
  if (before) *before = text.substr(0, at);
  return Trim(text.substr(at + sep.size()));
}

// Option columns of a 多选 question and row columns of a 矩阵 question (see the header).
void MatchSplitColumn(WjxColumn& c, const Questionnaire& questionnaire) {
  std::string stem, option;
  if (SplitOptionHeader(c.header, stem, option)) {
    const std::string norm = NormalizeQuestionText(WithoutMultipleMark(stem));
    const Question* only = nullptr;
    int found = 0;
    for (const auto& q : questionnaire.questions)
      if (q.multiple && NormalizeQuestionText(WithoutMultipleMark(q.text)) == norm) {
        only = &q;
        ++found;
      }
    if (found == 1) {
      for (const auto& o : only->options)
        if (NormalizeQuestionText(o) == NormalizeQuestionText(option)) {
          c.target = only->id;
          c.option = o;
          c.certain = true;
          c.suggestion.clear();
          return;
        }
      c.suggestion = only->id;  // the stem is certain, the option is not one of the question's
      return;
    }
  }
  const std::string row = AfterLast(c.header, "—", nullptr);
  if (row.empty()) return;
  std::vector<std::string> exact;
  for (const auto& q : questionnaire.questions)
    if (NormalizeQuestionText(q.text) == NormalizeQuestionText(row)) exact.push_back(q.id);
  if (exact.size() == 1) {
    c.target = exact[0];
    c.certain = true;
    c.suggestion.clear();
  }
}

}  // namespace

// "您通过哪些渠道了解？(多选)" -> "您通过哪些渠道了解？": the 多选 markers 问卷星 adds to a stem.
std::string WithoutMultipleMark(std::string text) {
  for (const char* mark : {"(多选)", "（多选）", "(多选题)", "（多选题）", "【多选题】", "[多选题]",
                           "(可多选)", "（可多选）", "【多选】", "[多选]"})
    for (size_t at; (at = text.find(mark)) != std::string::npos;)
      text.erase(at, std::string(mark).size());
  return text;
}

bool SplitOptionHeader(const std::string& header, std::string& stem, std::string& option) {
  std::string a, b;
  const std::string ascii = AfterLast(header, ":", &a), wide = AfterLast(header, "：", &b);
  if (ascii.empty() && wide.empty()) return false;
  const bool use_ascii = !ascii.empty() && (wide.empty() || a.size() > b.size());
  stem = use_ascii ? a : b;
  option = use_ascii ? ascii : wide;
  return !NormalizeQuestionText(stem).empty();
}

bool IsWjxMetaColumn(const std::string& header) {
  static const char* kMeta[] = {"序号",     "提交答卷时间", "所用时间", "来源",
                                "来源详情", "来自IP",       "总分",     "答题时间"};
  std::string h = Trim(header);
  for (const char* m : kMeta)
    if (h == m) return true;
  return false;
}

std::string NormalizeQuestionText(const std::string& text) {
  std::string s = Trim(text);
  // Leading numbering: "12." "12、" "12．" "Q12." "第12题".
  size_t i = 0;
  if (i < s.size() && (s[i] == 'Q' || s[i] == 'q')) ++i;
  size_t digits = i;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits > i) {
    std::string rest = s.substr(digits);
    for (const char* mark : {".", "、", "．", "：", ":", " "})
      if (StartsWith(rest, mark)) {
        s = rest.substr(std::string(mark).size());
        break;
      }
  }
  std::string out;
  for (size_t k = 0; k < s.size();) {
    char32_t cp = NextCodePoint(s, k);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full width -> half width
    if (IsPunctuationOrBlank(cp)) continue;
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    AppendUtf8(out, cp);
  }
  return out;
}

std::vector<WjxColumn> MatchWjxHeaders(const std::vector<std::pair<int, std::string>>& headers,
                                       const Questionnaire& questionnaire,
                                       const std::vector<std::string>& groups) {
  std::vector<WjxColumn> out;
  for (const auto& [col, header] : headers) {
    if (IsWjxMetaColumn(header)) continue;
    WjxColumn c;
    c.col = col;
    c.header = header;
    std::string norm = NormalizeQuestionText(header);
    std::vector<std::string> exact, near;
    for (const auto& q : questionnaire.questions) {
      std::string qn = NormalizeQuestionText(q.text);
      if (qn == norm)
        exact.push_back(q.id);
      else if (!norm.empty() && !qn.empty() &&
               (qn.find(norm) != std::string::npos || norm.find(qn) != std::string::npos))
        near.push_back(q.id);
    }
    for (const auto& g : groups) {
      std::string gn = NormalizeQuestionText(g);
      if (gn == norm)
        exact.push_back(g);
      else if (!gn.empty() && norm.find(gn) != std::string::npos)
        near.push_back(g);
    }
    if (exact.size() == 1) {
      c.target = exact[0];
      c.certain = true;
    } else if (exact.empty() && near.size() == 1) {
      c.suggestion = near[0];
    }
    if (exact.empty()) MatchSplitColumn(c, questionnaire);
    out.push_back(c);
  }
  // Two headers on one question (one option of it): neither is certain.
  std::map<std::string, int> uses;
  for (const auto& c : out)
    if (c.certain) ++uses[c.target + '\n' + c.option];
  for (auto& c : out)
    if (c.certain && uses[c.target + '\n' + c.option] > 1) {
      c.suggestion = c.target;
      c.target.clear();
      c.certain = false;
    }
  return out;
}

std::vector<int> WjxAnswerRows(const XlsxSheet& sheet) {
  std::vector<int> rows;
  for (const auto& [at, cell] : sheet.cells)  // ordered by (row, col)
    if (at.first >= 2 && !cell.empty() && (rows.empty() || rows.back() != at.first))
      rows.push_back(at.first);
  return rows;
}

WjxImport ReadWjxAnswers(const XlsxWorkbook& book, const XlsxSheet& sheet,
                         const std::vector<WjxColumn>& columns, const Questionnaire& questionnaire,
                         Diagnostics& diags) {
  WjxImport result;
  std::map<std::string, const Question*> by_id;
  for (const auto& q : questionnaire.questions) by_id[q.id] = &q;
  for (const auto& c : columns)
    if (!by_id.count(c.target) && c.target != "-") result.groups.push_back(c.target);
  int id_col = 0;
  for (int col = 1; col <= sheet.max_col; ++col)
    if (Trim(XlsxCellText(sheet.At(1, col))) == "序号") id_col = col;
  for (int row : WjxAnswerRows(sheet)) {
    ++result.respondents;
    SurveyResponse r;
    r.line = row;
    r.id = Trim(XlsxCellText(sheet.At(row, id_col)));
    if (r.id.empty())
      diags.Error("survey.import.id", CellLocation(book.file, sheet.name, row, id_col),
                  "序号为空：请保留问卷星导出的序号");
    bool ok = true, answered = false;
    for (const auto& c : columns) {
      if (c.target == "-") continue;
      std::string text = Trim(XlsxCellText(sheet.At(row, c.col)));
      Location where = CellLocation(book.file, sheet.name, row, c.col);
      auto q = by_id.find(c.target);
      if (q == by_id.end()) {
        r.groups[c.target] = text;
        continue;
      }
      if (text.empty() || text == "(跳过)" || text == "(空)") continue;  // missing
      const Question& question = *q->second;
      if (!c.option.empty()) {  // one option of a 多选 question: 1 chosen, 0 not
        if (text == "0") continue;
        if (text == "1" || text == c.option) {
          r.answers[question.id].push_back(c.option);
          answered = true;
        } else {
          diags.Error("survey.import.option_column", where,
                      "“" + text + "”不是多选题 " + question.id + "（" + question.text +
                          "）选项列“" + c.option +
                          "”的取值：此列只填 1（选中）或 0（未选），或选项文字本身；请核对导出");
          ok = false;
        }
        continue;
      }
      std::vector<std::string> chosen;
      for (const auto& part : SplitChoices(text)) {
        std::string option = part;
        bool known = std::find(question.options.begin(), question.options.end(), option) !=
                     question.options.end();
        if (!known && AllDigits(part) && part.size() < 4) {  // 按选项序号: 1-based option number
          int n = std::stoi(part);
          if (n >= 1 && n <= static_cast<int>(question.options.size())) {
            option = question.options[n - 1];
            known = true;
          }
        }
        if (!known) {
          diags.Error("survey.import.option", where,
                      "“" + part + "”不是题目 " + question.id + "（" + question.text +
                          "）的选项：请在问卷星导出中核对，或在 questionnaire.json 的 options "
                          "中补充");
          ok = false;
          continue;
        }
        chosen.push_back(option);
      }
      if (!question.multiple && chosen.size() > 1) {
        diags.Error("survey.import.single", where,
                    "单选题 " + question.id + " 选了多个选项：“" + text + "”，请核对");
        ok = false;
      }
      if (!chosen.empty()) {
        r.answers[question.id] = chosen;
        answered = true;
      }
    }
    if (ok && answered) ++result.valid;
    result.responses.push_back(r);
  }
  return result;
}

}  // namespace jixiao
