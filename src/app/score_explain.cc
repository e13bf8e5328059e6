#include "app/score_explain.h"

#include "core/format.h"

namespace jixiao {
namespace {

bool Digit(char ch) { return ch >= '0' && ch <= '9'; }

}  // namespace

std::string WithDecimals(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    // An integer fraction "a/b" not inside a decimal ("3.09/3") or a date ("2024/6/20").
    if (!Digit(text[i]) || (i > 0 && (Digit(text[i - 1]) || text[i - 1] == '.' ||
                                      text[i - 1] == '/' || text[i - 1] == '-'))) {
      out += text[i++];
      continue;
    }
    size_t slash = i;
    while (slash < text.size() && Digit(text[slash])) ++slash;
    size_t end = slash + 1;
    while (end < text.size() && Digit(text[end])) ++end;
    const bool fraction = slash < text.size() && text[slash] == '/' && end > slash + 1 &&
                          (end == text.size() || (text[end] != '/' && text[end] != '.'));
    // Already shown beside its decimal ("3.1578…（= 60/19）"): kept as it is.
    const bool shown_already = out.size() >= 5 && out.compare(out.size() - 5, 5, "（= ") == 0;
    auto value =
        fraction && !shown_already ? Rational::Parse(text.substr(i, end - i)) : std::nullopt;
    // Shares with a small denominator (1/3, 3/4) as criteria write them; kept as they are.
    if (!value || (value->den() <= 12 && !(Rational(1) < *value))) {
      out += text.substr(i, slash - i);
      i = slash;
      continue;
    }
    std::string shown = FormatExactDecimal(*value);
    if (text.compare(end, 2, " %") == 0) {  // "4058177/450000 %" → "9.0183…%（= 4058177/450000）"
      const size_t open = shown.find("（");
      shown.insert(open == std::string::npos ? shown.size() : open, "%");
      end += 2;
    }
    out += shown;
    i = end;
  }
  return out;
}

std::string RuleKindsInChinese(const std::string& text) {
  static const std::pair<const char*, const char*> kKinds[] = {
      {"规则：deduction：", "规则：扣分制："},
      {"规则：levels：", "规则：分档评级："},
      {"规则：elements：", "规则：要素评分："},
      {"规则：ratio：", "规则：按比率："},
      {"规则：bands：", "规则：按区间："},
      {"规则：linear：", "规则：线性计分："},
      {"规则：target：", "规则：对照目标值："},
      {"规则：timeliness：", "规则：时效："},
      {"，absolute: true（按绝对值）", "，按绝对值"},
      {"，absolute: false（按带符号的值）", "，按带符号的值"}};
  std::string out = text;
  for (const auto& [from, to] : kKinds)
    for (size_t at = out.find(from); at != std::string::npos; at = out.find(from, at))
      out.replace(at, std::string(from).size(), to);
  return out;
}

namespace {

std::string ExplainLeaf(const IndicatorResult& r) {
  std::string out = r.code + " " + r.name + "（分值" + FormatScore(r.weight) + "，得分" +
                    FormatScore(r.score) + "）\n";
  out += RuleKindsInChinese("  规则：" + r.rule_text) + "\n";
  out += "  输入：\n";
  if (r.inputs.empty()) out += "    （无：规则不需要案例数据，未扣分）\n";
  for (const auto& in : r.inputs)
    out += "    " + in.name + "：" + in.value + "\n      来源：" + in.source + "\n";
  if (!r.weight_note.empty()) out += "  分值：" + r.weight_note + "\n";
  out += "  计算过程（精确值）：" + r.arithmetic + "\n";
  Score rounded = Score::Round(r.exact);
  out += "  取整：精确值 " + FormatExactDecimal(r.exact) + " 四舍五入到0.01分 → " +
         FormatScore(rounded) + "\n";
  if (r.override_reason)
    out += "  调整：评价小组调整为" + FormatScore(r.score) + "，理由：" + *r.override_reason + "\n";
  std::string why = r.DeductionText();
  out += "  扣分说明：" + (why.empty() ? std::string("不扣分。") : why) + "\n";
  out += "  " + r.summary + "\n";
  return out;
}

}  // namespace

std::optional<std::string> ExplainScorecard(const Scorecard& card, const std::string& code) {
  std::string out;
  bool found = code.empty();
  // A node's leaves follow it in pre-order; collect the subtree of `code`.
  std::vector<bool> inside(card.indicators.size(), code.empty());
  for (size_t i = 0; i < card.indicators.size(); ++i) {
    const IndicatorResult& r = card.indicators[i];
    if (r.code == code) {
      inside[i] = true;
      found = true;
    } else if (r.parent >= 0 && inside[static_cast<size_t>(r.parent)]) {
      inside[i] = true;
    }
    if (inside[i] && r.leaf) out += (out.empty() ? "" : "\n") + ExplainLeaf(r);
  }
  if (!found) return std::nullopt;
  if (code.empty() && !out.empty()) {
    std::string notes;
    for (const auto& note : card.not_applicable_notes) notes += "不适用指标：" + note + "\n";
    if (!notes.empty()) out = notes + "\n" + out;
  }
  return WithDecimals(out);
}

}  // namespace jixiao
