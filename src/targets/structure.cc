#include "targets/structure.h"

#include <algorithm>

#include "core/text.h"

namespace jixiao::targets {
namespace {

bool Has(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

// Drops ASCII/full-width spaces and parenthesised parts: "产出指标(50分)" -> "产出指标",
// "数量指标(或建筑规模指标)" -> "数量指标".
std::string Squeeze(const std::string& raw) {
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < raw.size();) {
    auto at = [&](const char* s) { return raw.compare(i, std::string(s).size(), s) == 0; };
    if (at("(") || at("（")) {
      ++depth;
      i += at("(") ? 1 : std::string("（").size();
    } else if (at(")") || at("）")) {
      if (depth > 0) --depth;
      i += at(")") ? 1 : std::string("）").size();
    } else if (at(" ") || at("\t") || at("\n") || at("　")) {
      i += at("　") ? std::string("　").size() : 1;
    } else {
      if (depth == 0) out += raw[i];
      ++i;
    }
  }
  return out;
}

std::string StripSuffix(std::string s, const char* suffix) {
  return EndsWith(s, suffix) && s.size() > std::string(suffix).size()
             ? s.substr(0, s.size() - std::string(suffix).size())
             : s;
}

Level1 FromLevel2(Level2 l2) {
  switch (l2) {
    case Level2::kQuantity:
    case Level2::kQuality:
    case Level2::kTimeliness:
    case Level2::kCost:
    case Level2::kBudgetControl:
      return Level1::kOutput;
    case Level2::kEconomic:
    case Level2::kSocial:
    case Level2::kEcological:
    case Level2::kSustainable:
    case Level2::kMixedEffect:
      return Level1::kEffect;
    case Level2::kSatisfaction:
      return Level1::kSatisfaction;
    case Level2::kEconomicCost:
    case Level2::kSocialCost:
    case Level2::kEcoCost:
      return Level1::kCost;
    default:
      return Level1::kBlank;
  }
}

}  // namespace

Kind KindFromName(const std::string& n) {
  if (IsSatisfactionName(n)) return Kind::kSatisfaction;
  for (const char* w : {"及时", "时效", "时限", "期限", "按期", "按时", "工期", "完成时间", "周期"})
    if (Has(n, w)) return Kind::kTimeliness;
  for (const char* w : {"成本", "单价", "费用", "补助标准", "补贴标准", "资助标准", "经费"})
    if (Has(n, w)) return Kind::kCost;
  for (const char* w : {"合格", "达标", "准确", "成活", "优良", "质量", "合规", "规范"})
    if (Has(n, w)) return Kind::kQuality;
  for (const char* w :
       {"人数", "人次", "数量", "次数", "户数", "个数", "面积", "里程", "座数", "覆盖"})
    if (Has(n, w)) return Kind::kQuantity;
  return Kind::kOther;
}

namespace {

bool IsPlaceholderName(const std::string& name) {
  if (name.empty()) return true;
  std::string s = name;
  for (const char* dots : {"…", "...", "·", "。", "：", ":"})
    while (s.find(dots) != std::string::npos) s.erase(s.find(dots), std::string(dots).size());
  if (s.empty()) return true;
  // "指标2" left over from "指标2:"
  if (StartsWith(s, "指标")) {
    std::string rest = s.substr(std::string("指标").size());
    bool digits = !rest.empty();
    for (char c : rest) digits = digits && c >= '0' && c <= '9';
    return digits;
  }
  return false;
}

}  // namespace

bool IsSatisfactionName(const std::string& name) { return Has(name, "满意"); }

const char* Level1Name(Level1 level) {
  switch (level) {
    case Level1::kOutput:
      return "产出指标";
    case Level1::kEffect:
      return "效益指标";
    case Level1::kSatisfaction:
      return "满意度指标";
    case Level1::kCost:
      return "成本指标";
    case Level1::kInput:
      return "投入指标";
    case Level1::kProcess:
      return "过程指标";
    case Level1::kImpact:
      return "影响力指标";
    default:
      return "";
  }
}

Level2 ReadLevel2(const std::string& raw) {
  std::string s = Squeeze(raw);
  if (s.empty()) return Level2::kBlank;
  int effects = Has(s, "经济") + Has(s, "社会") + Has(s, "生态");
  if (Has(s, "满意")) return Level2::kSatisfaction;
  if (Has(s, "经济成本")) return Level2::kEconomicCost;
  if (Has(s, "社会成本")) return Level2::kSocialCost;
  if (Has(s, "生态环境成本") || Has(s, "生态成本") || Has(s, "环境成本")) return Level2::kEcoCost;
  if (Has(s, "预算") && (Has(s, "控制") || Has(s, "执行"))) return Level2::kBudgetControl;
  if (Has(s, "成本")) return Level2::kCost;
  if (Has(s, "数量") || Has(s, "规模")) return Level2::kQuantity;
  if (Has(s, "质量")) return Level2::kQuality;
  if (Has(s, "时效") || Has(s, "工期") || Has(s, "进度")) return Level2::kTimeliness;
  if (effects >= 2 && Has(s, "效益")) return Level2::kMixedEffect;
  if (Has(s, "经济效益")) return Level2::kEconomic;
  if (Has(s, "社会效益")) return Level2::kSocial;
  if (Has(s, "生态效益") || Has(s, "环境效益")) return Level2::kEcological;
  if (Has(s, "可持续") || Has(s, "影响力") || Has(s, "长效")) return Level2::kSustainable;
  return Level2::kUnknown;
}

Level1Reading ReadLevel1(const std::string& raw) {
  Level1Reading r;
  std::string s = Squeeze(raw);
  while (!s.empty() && s.back() >= '0' && s.back() <= '9') s.pop_back();  // "(0-20)分" leftovers
  s = StripSuffix(s, "分");
  if (s.empty()) return r;
  std::string base = StripSuffix(StripSuffix(s, "指标"), "目标");
  if (base == "产出" || base == "项目完成" || base == "完成" || base == "项目产出") {
    r.level = Level1::kOutput;
  } else if (base == "预期产出") {
    r.level = Level1::kOutput;
    r.old_structure = true;
  } else if (base == "效益" || base == "项目效益") {
    r.level = Level1::kEffect;
  } else if (base == "效果" || base == "预期效果") {
    r.level = Level1::kEffect;
    r.old_structure = true;
  } else if (base == "影响力" || base == "影响") {
    r.level = Level1::kImpact;
    r.old_structure = true;
  } else if (base == "投入") {
    r.level = Level1::kInput;
    r.old_structure = true;
  } else if (base == "过程") {
    r.level = Level1::kProcess;
    r.old_structure = true;
  } else if (Has(base, "满意")) {
    r.level = Level1::kSatisfaction;
  } else if (base == "成本") {
    r.level = Level1::kCost;
  } else if (base == "绩效") {
    r.level = Level1::kGeneric;
  } else if (Level2 l2 = ReadLevel2(s); l2 != Level2::kUnknown && l2 != Level2::kBlank) {
    r.level = FromLevel2(l2);
    r.shifted = true;
    r.shifted_level2 = l2;
  } else {
    r.level = Level1::kUnknown;
  }
  return r;
}

std::string CleanName(const std::string& raw) {
  std::string s = Trim(raw);
  // "指标1:" / "指标1：" prefixes
  if (StartsWith(s, "指标")) {
    size_t i = std::string("指标").size();
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    for (const char* colon : {":", "："}) {
      if (i > std::string("指标").size() && i < s.size() &&
          s.compare(i, std::string(colon).size(), colon) == 0) {
        s = Trim(s.substr(i + std::string(colon).size()));
        break;
      }
    }
  }
  // template hints: (≥**株) （≤**元/株）
  for (const char* open : {"(", "（"}) {
    size_t at = s.find(open);
    while (at != std::string::npos) {
      size_t close = s.find(std::string(open) == "(" ? ")" : "）", at);
      if (close == std::string::npos || s.substr(at, close - at).find("**") == std::string::npos)
        break;
      s.erase(at, close - at + (std::string(open) == "(" ? 1 : std::string("）").size()));
      at = s.find(open);
    }
  }
  for (const char* star : {"★", "☆", "*"})
    while (s.find(star) != std::string::npos) s.erase(s.find(star), std::string(star).size());
  return Trim(s);
}

// The unit a name carries in a closing bracket: 改造总面积(亩), 道路长度（公里）, 金额（万元）; ""
// when the bracket holds words or figures (其中（含…）, （2023年）).
static std::string NameUnit(const std::string& name) {
  for (const auto& [open, close] : {std::pair<const char*, const char*>{"(", ")"}, {"（", "）"}}) {
    if (!EndsWith(name, close)) continue;
    size_t at = name.rfind(open);
    if (at == std::string::npos) continue;
    size_t from = at + std::string(open).size();
    std::string inside = Trim(name.substr(from, name.size() - std::string(close).size() - from));
    if (inside.empty() || inside.size() > 12 ||
        inside.find_first_of("0123456789") != std::string::npos)
      return "";
    return inside;
  }
  return "";
}

// The unit a template hint in the raw name gives: 项目总投入(≥**万元) -> 万元, 成活率(≥**%) -> %;
// "" when there is no hint. The form states the unit, so a bare value in it has one.
static std::string HintUnit(const std::string& raw) {
  size_t stars = raw.find("**");
  if (stars == std::string::npos) return "";
  size_t from = stars + 2;
  size_t close = std::min(raw.find(")", from), raw.find("）", from));
  if (close == std::string::npos) return "";
  std::string inside = Trim(raw.substr(from, close - from));
  if (inside.size() > 12 || inside.find_first_of("0123456789") != std::string::npos) return "";
  return inside;
}

std::vector<Row> Normalize(const Table<TargetRow>& table) {
  std::vector<Row> rows;
  for (const auto& src : table.rows) {
    Row r;
    r.source = &src;
    r.line = src.line;
    r.name = CleanName(src.level3);
    r.l1 = ReadLevel1(src.level1);
    r.level2 = ReadLevel2(src.level2);
    if (r.l1.shifted && r.level2 == Level2::kBlank) r.level2 = r.l1.shifted_level2;
    r.level1 = r.l1.level;
    if (r.level1 == Level1::kGeneric || r.level1 == Level1::kBlank) {
      Level1 derived = FromLevel2(r.level2);
      if (derived != Level1::kBlank) r.level1 = derived;
    }
    r.value = Value::Parse(src.value);
    r.unit_column = Trim(src.unit);
    for (const char* none : {"-", "—", "——", "–", "－", "/", "／", "无", "\\"})
      if (r.unit_column == none) r.unit_column.clear();
    r.unit = r.value.unit.empty() ? r.unit_column : r.value.unit;
    if (r.unit.empty()) r.unit = NameUnit(r.name);
    if (r.unit.empty()) r.unit = HintUnit(src.level3);
    if (r.unit == "百分比" || r.unit == "％") r.unit = "%";
    r.placeholder = r.value.blank && IsPlaceholderName(r.name);
    r.child = StartsWith(r.name, "其中");
    r.total = r.name == "合计" || r.name == "小计" || r.name == "总计";
    switch (r.level2) {
      case Level2::kQuantity:
        r.kind = Kind::kQuantity;
        break;
      case Level2::kQuality:
        r.kind = Kind::kQuality;
        break;
      case Level2::kTimeliness:
        r.kind = Kind::kTimeliness;
        break;
      case Level2::kCost:
      case Level2::kEconomicCost:
      case Level2::kSocialCost:
      case Level2::kEcoCost:
        r.kind = Kind::kCost;
        break;
      case Level2::kSatisfaction:
        r.kind = Kind::kSatisfaction;
        break;
      case Level2::kEconomic:
      case Level2::kSocial:
      case Level2::kEcological:
      case Level2::kSustainable:
      case Level2::kMixedEffect:
        r.kind = Kind::kEffect;
        break;
      case Level2::kBudgetControl:
        r.kind = Kind::kOther;
        break;
      default:
        if (r.level1 == Level1::kCost)
          r.kind = Kind::kCost;
        else if (r.level1 == Level1::kSatisfaction)
          r.kind = Kind::kSatisfaction;
        else if (r.level1 == Level1::kEffect || r.level1 == Level1::kImpact)
          r.kind = Kind::kEffect;
        else
          r.kind = KindFromName(r.name);
    }
    if (r.kind != Kind::kSatisfaction && IsSatisfactionName(r.name)) r.kind = Kind::kSatisfaction;
    rows.push_back(r);
  }
  return rows;
}

}  // namespace jixiao::targets
