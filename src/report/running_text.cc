#include "report/running_text.h"

#include <regex>

namespace jixiao::report {

namespace {
const std::string kOpen = "“", kClose = "”", kInnerOpen = "‘", kInnerClose = "’";
}

std::string NestQuotes(const std::string& text, std::string* open) {
  std::string stack = open ? *open : std::string();  // 'd' double, 's' single
  std::string out;
  out.reserve(text.size());
  // Every quote mark (U+2018/2019/201C/201D) starts with the byte E2: the text between two such
  // bytes is copied whole.
  for (size_t i = 0; i < text.size();) {
    size_t lead = text.find('\xE2', i);
    if (lead == std::string::npos) lead = text.size();
    out.append(text, i, lead - i);
    i = lead;
    if (i == text.size()) break;
    if (text.compare(i, 3, kOpen) == 0 || text.compare(i, 3, kInnerOpen) == 0) {
      bool inner = !stack.empty() && stack.back() == 'd';
      stack.push_back(inner ? 's' : 'd');
      out += inner ? kInnerOpen : kOpen;
      i += 3;
    } else if (text.compare(i, 3, kClose) == 0 || text.compare(i, 3, kInnerClose) == 0) {
      char top = stack.empty() ? 'd' : stack.back();
      if (!stack.empty()) stack.pop_back();
      out += top == 's' ? kInnerClose : kClose;
      i += 3;
    } else {
      out += text[i++];
    }
  }
  if (open) *open = stack;
  return out;
}

std::string ChineseDates(const std::string& text) {
  if (text.find('-') == std::string::npos) return text;
  static const std::regex kIso(
      "(^|[^0-9.\\-])([12][0-9]{3})-(0?[1-9]|1[0-2])-(0?[1-9]|[12][0-9]|3[01])(?![0-9])");
  std::string out;
  auto begin = std::sregex_iterator(text.begin(), text.end(), kIso);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    out += text.substr(last, m.position(0) - last);
    out += m[1].str() + m[2].str() + "年" + std::to_string(std::stoi(m[3].str())) + "月" +
           std::to_string(std::stoi(m[4].str())) + "日";
    last = m.position(0) + m.length(0);
  }
  return out + text.substr(last);
}

void TidyRunningText(doc::Document& document) {
  for (auto& block : document.blocks) {
    if (auto* p = std::get_if<doc::Paragraph>(&block)) {
      std::string open;
      for (auto& run : p->runs) run.text = ChineseDates(NestQuotes(run.text, &open));
    } else if (auto* h = std::get_if<doc::Heading>(&block)) {
      h->text = NestQuotes(h->text);
    } else if (auto* t = std::get_if<doc::Table>(&block)) {
      for (auto& row : t->rows)
        for (auto& cell : row) cell.text = NestQuotes(cell.text);
      t->caption = NestQuotes(t->caption);
    }
  }
}

}  // namespace jixiao::report
