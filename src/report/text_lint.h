// Lints and tidies Chinese report text: the evaluator's narrative files before a report is built,
// and the generated report itself (tests/report_lint). Paragraphs are blank-line separated.
// Contract: Lint only reports (line numbers are 1-based lines of the text); Tidy applies only the
// fixes that cannot change meaning (punctuation width, stray marks, spaces between Chinese
// characters, paragraphs broken mid-sentence, exact duplicates, headings the template writes) and
// leaves everything else as written.
#pragma once

#include <string>
#include <vector>

namespace jixiao::report {

struct TextIssue {
  int line = 0;
  std::string code;      // "punct.stray", "quote.ascii", "paragraph.broken" …
  std::string message;   // Chinese, says what to fix
  bool fixable = false;  // Tidy fixes it
  bool note = false;     // a 提示 for the evaluator to judge (validate prints it as such)
};

// Heading texts (numbering stripped) the report templates of `template_dir` write themselves.
std::vector<std::string> TemplateHeadings(const std::string& template_dir);

std::vector<TextIssue> LintNarrative(const std::string& text,
                                     const std::vector<std::string>& template_headings);
std::string TidyNarrative(const std::string& text,
                          const std::vector<std::string>& template_headings);

// Inline checks of one paragraph (used by LintNarrative and by the report lint).
std::vector<TextIssue> LintParagraph(const std::string& paragraph);
std::string TidyParagraph(const std::string& paragraph);

// Framework text quoted in the report (评分标准, 指标解释): TidyParagraph's fixes, ASCII ";" and
// ":" as "；" "：", and a numeric range joined with "～" ("5%-10%(含)" -> "5%～10%（含）").
std::string NormalizeQuoted(const std::string& text);
// Whether `text` joins a numeric range with "-", "–" or "—" (GB/T 15834 joins it with "～").
bool HasDashRange(const std::string& text);

// "（五） 绩效评价工作过程" -> "绩效评价工作过程"; "2.评价等级" -> "评价等级".
std::string StripHeadingNumber(const std::string& text);

// The list each text belongs to, for repeat tests: parallel lists repeat items on purpose
// (①线上申请 A. B. C.结算…, ②线下申请 A. B. C.结算…). "" for a text opening with no list marker;
// for an item, its marker kind ("A.", "1.", "（1）", "①", "一、", "（一）") and the index of the
// nearest earlier text that is not an item of that kind. Two paragraphs repeat each other only
// when both texts and scopes are equal.
std::vector<std::string> RepeatScopes(const std::vector<std::string>& texts);
// The same one text at a time (texts in order; "" for a picture, table or heading block).
class RepeatScoper {
 public:
  std::string Next(const std::string& text);

 private:
  std::string previous_kind_;
  size_t index_ = 0, boundary_ = 0;
};

// Near-duplicate test for paragraphs (character-bigram Dice ≥ 0.7, both ≥ 40 characters), or
// exact equality for shorter ones.
bool SameParagraph(const std::string& a, const std::string& b);

}  // namespace jixiao::report
