#include "app/score_explain.h"

#include "core/format.h"

namespace jixiao {
namespace {

std::string ExplainLeaf(const IndicatorResult& r) {
  std::string out = r.code + " " + r.name + "（分值" + FormatScore(r.weight) + "，得分" +
                    FormatScore(r.score) + "）\n";
  out += "  规则：" + r.rule_text + "\n";
  out += "  输入：\n";
  if (r.inputs.empty()) out += "    （无：规则不需要案例数据，未扣分）\n";
  for (const auto& in : r.inputs)
    out += "    " + in.name + "：" + in.value + "\n      来源：" + in.source + "\n";
  out += "  计算（精确分数）：" + r.arithmetic + "\n";
  Score rounded = Score::Round(r.exact);
  out +=
      "  取整：精确值 " + r.exact.ToString() + " 四舍五入到0.01分 → " + FormatScore(rounded) + "\n";
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
  return out;
}

}  // namespace jixiao
