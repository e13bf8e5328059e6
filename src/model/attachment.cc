#include "model/attachment.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace jixiao {
namespace {

// Decodes one UTF-8 character at `at` (advancing it); invalid bytes come back as themselves.
char32_t Next(std::string_view s, size_t& at) {
  unsigned char c = s[at];
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (extra == 0 || at + extra >= s.size()) {
    ++at;
    return c;
  }
  char32_t cp = c & (0x3F >> extra);
  for (int i = 1; i <= extra; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[at + i]) & 0x3F);
  at += extra + 1;
  return cp;
}

char32_t Peek(std::string_view s, size_t at) { return at < s.size() ? Next(s, at) : 0; }

int DigitOf(char32_t c) {
  if (c >= U'0' && c <= U'9') return c - U'0';
  if (c >= U'０' && c <= U'９') return c - U'０';
  return -1;
}

bool IsDash(char32_t c) {
  return c == U'-' || c == U'－' || c == U'—' || c == U'–' || c == U'‐' || c == U'−';
}

bool IsBlank(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000'; }

int ChineseDigit(char32_t c) {
  static const std::u32string kDigits = U"〇一二三四五六七八九";
  size_t at = kDigits.find(c);
  return at == std::u32string::npos ? -1 : static_cast<int>(at);
}

// Reads "2-1", "２－１" or "一" at `at`; the normalised number, empty when there is none.
std::string ReadNumber(std::string_view s, size_t& at) {
  std::string number;
  size_t i = at;
  if (ChineseDigit(Peek(s, i)) > 0 || Peek(s, i) == U'十') {  // 附件一 … 附件九十九
    int value = 0, pending = 0;
    while (i < s.size()) {
      size_t j = i;
      char32_t c = Next(s, j);
      if (c == U'十') {
        value += (pending == 0 ? 1 : pending) * 10;
        pending = 0;
      } else if (ChineseDigit(c) >= 0) {
        pending = ChineseDigit(c);
      } else {
        break;
      }
      i = j;
    }
    value += pending;
    // “随附件一并报送”, “附件一份”, “附件一览表”: a word, not a number.
    if (std::u32string_view(U"并份起同些张页个览式分").find(Peek(s, i)) !=
        std::u32string_view::npos)
      return "";
    at = i;
    return value > 0 && value < 100 ? std::to_string(value) : "";
  }
  while (true) {
    std::string component;
    while (i < s.size() && DigitOf(Peek(s, i)) >= 0) {
      component += static_cast<char>('0' + DigitOf(Next(s, i)));
    }
    if (component.empty() || component.size() > 4) break;
    number += (number.empty() ? "" : "-") + component;
    at = i;
    size_t after_dash = i;
    if (i < s.size() && IsDash(Next(s, after_dash)) && DigitOf(Peek(s, after_dash)) >= 0) {
      i = after_dash;
      continue;
    }
    break;
  }
  return number;
}

const std::string_view kWord = "附件";

}  // namespace

std::optional<AttachmentName> ParseAttachmentFileName(std::string_view name) {
  if (!StartsWith(name, kWord)) return std::nullopt;
  size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot + 1 >= name.size()) return std::nullopt;
  AttachmentName out;
  for (char c : name.substr(dot)) out.extension += static_cast<char>(std::tolower(c));
  std::string_view stem = name.substr(0, dot);
  size_t at = kWord.size();
  while (at < stem.size() && IsBlank(Peek(stem, at))) Next(stem, at);  // “附件 2-1 …”
  out.number = ReadNumber(stem, at);
  if (out.number.empty()) return std::nullopt;
  // Separators between number and title: “ ”, “、”, “：”, “_”, “-”, “.” (“附件1-访谈报告.md”).
  while (at < stem.size()) {
    size_t j = at;
    char32_t c = Next(stem, j);
    if (!IsBlank(c) && !IsDash(c) &&
        std::u32string_view(U"、：:_.．").find(c) == std::u32string_view::npos)
      break;
    at = j;
  }
  out.title = Trim(stem.substr(at));
  if (out.title.empty() || DigitOf(Peek(out.title, 0)) >= 0 || IsDash(Peek(out.title, 0)))
    return std::nullopt;
  return out;
}

bool IsExternalAttachmentExtension(std::string_view extension) {
  static const char* const kExternal[] = {".pdf", ".docx", ".doc", ".xlsx", ".xls",  ".ofd",
                                          ".wps", ".txt",  ".png", ".jpg",  ".jpeg", ".zip"};
  for (const char* e : kExternal)
    if (extension == e) return true;
  return false;
}

std::vector<AttachmentReference> FindAttachmentReferences(std::string_view text) {
  std::vector<AttachmentReference> out;
  int line = 1;
  size_t counted = 0;  // newlines before here are counted in `line`
  for (size_t at = text.find(kWord); at != std::string_view::npos; at = text.find(kWord, at + 1)) {
    line += static_cast<int>(std::count(text.begin() + counted, text.begin() + at, '\n'));
    counted = at;
    size_t i = at + kWord.size();
    while (i < text.size() && IsBlank(Peek(text, i))) Next(text, i);
    AttachmentReference ref;
    ref.number = ReadNumber(text, i);
    if (ref.number.empty()) continue;
    ref.line = line;
    ref.written = std::string(text.substr(at, i - at));
    size_t j = i;
    while (j < text.size() && IsBlank(Peek(text, j))) Next(text, j);
    char32_t colon = Peek(text, j);
    if (colon == U'：' || colon == U':') {
      Next(text, j);
      size_t title_start = j;
      while (j < text.size()) {
        size_t k = j;
        char32_t c = Next(text, k);
        if (std::u32string_view(U"）)。；;，,、\n”》】").find(c) != std::u32string_view::npos)
          break;
        j = k;
      }
      ref.title = Trim(text.substr(title_start, j - title_start));
      if (ref.title.size() > 180) ref.title.clear();  // a sentence, not a title
    }
    out.push_back(ref);
    at = i - 1;
  }
  return out;
}

std::string CanonicalAttachmentReferences(std::string_view text) {
  std::string out;
  size_t from = 0;
  for (const auto& ref : FindAttachmentReferences(text)) {
    size_t at = text.find(ref.written, from);
    if (at == std::string_view::npos) continue;
    bool digits = ref.written.find_first_of("0123456789") != std::string::npos ||
                  ref.written.find("\xEF\xBC") != std::string::npos;  // ０-９, －
    out += text.substr(from, at - from);
    out += digits ? "附件" + ref.number : ref.written;
    from = at + ref.written.size();
  }
  return out + std::string(text.substr(from));
}

bool AttachmentNumberLess(const std::string& a, const std::string& b) {
  auto parts = [](const std::string& n) {
    std::vector<int> out;
    size_t start = 0;
    while (start <= n.size()) {
      size_t end = n.find('-', start);
      if (end == std::string::npos) end = n.size();
      out.push_back(std::atoi(n.substr(start, end - start).c_str()));
      start = end + 1;
    }
    return out;
  };
  return parts(a) < parts(b);
}

bool NamesSurveyReport(std::string_view title) {
  return title.find("问卷") != std::string_view::npos ||
         title.find("满意度调查") != std::string_view::npos;
}

bool NamesScoringSheet(std::string_view title) {
  return !NamesSurveyReport(title) && (title.find("评分表") != std::string_view::npos ||
                                       title.find("指标体系") != std::string_view::npos);
}

}  // namespace jixiao
