#include "model/degree_words.h"

#include <vector>

#include "core/quantity.h"
#include "core/text.h"

namespace jixiao {
namespace {

using Words = std::vector<std::string>;

// Change verbs by family; each family has an increasing and a decreasing side.
struct Family {
  Words up, down;
};
const std::vector<Family>& Families() {
  static const std::vector<Family> kFamilies = {
      // 升 / 降 alone last (稳中有升): the two-character verbs ending in them match first.
      {{"提高", "提升", "增强", "加强", "增加", "增长", "上升", "扩大", "升"},
       {"下降", "降低", "减少", "减轻", "缩小", "减弱", "回落", "降"}},
      {{"改善", "好转", "优化", "改进"}, {"恶化", "变差", "退化"}},
  };
  return kFamilies;
}

// Degree before the verb (longest first within each level) and after it (“提高明显”).
const Words kStrong = {"较大程度上", "较大程度", "较大幅度", "较为明显", "较明显", "大幅度",
                       "明显",       "显著",     "有效",     "较大",     "很大",   "大为",
                       "大幅",       "大大",     "极大",     "全面",     "切实",   "成倍",
                       "翻倍",       "翻番",     "快速",     "迅速"};
const Words kSome = {"一定程度上", "一定程度", "进一步", "已有所", "均有所", "有一定", "稳中有",
                     "有所",       "略有",     "稍有",   "略微",   "小幅",   "逐步",   "稳步",
                     "持续",       "得到",     "不断",   "逐年",   "已经",   "已",     "均"};
const Words kStrongAfter = {"明显", "显著", "较大", "较快"};
const Words kNoChange = {"持平", "无变化", "没有变化", "保持不变", "未变化", "未发生变化"};
const Words kNegations = {"没有", "尚未", "未", "不", "无"};

// Timeliness: the target's words, an actual's timely leads, places and late words.
const Words kTimely = {"及时", "按时", "按期", "准时", "如期"};
const Words kTimelyLeads = {"及时", "按时", "按期", "准时", "如期",    "提前",
                            "当日", "当天", "即时", "实时", "第一时间"};
const Words kWithinLimit = {"规定时间内", "规定时限内", "规定期限内",
                            "时限内",     "期限内",     "规定时间"};
const Words kLate = {"逾期", "超期", "延期",   "延迟",   "滞后",   "推迟",   "超时",
                     "晚于", "拖延", "不及时", "未及时", "未按时", "未按期", "未如期"};
const Words kDurationUnits = {"工作日", "小时", "分钟", "天", "日", "周", "个月"};
const Words kDeeds = {"",     "完成", "办结", "发放", "到位", "拨付", "支付", "兑现",
                      "兑付", "上报", "报送", "开展", "实施", "处理", "办理", "完成任务"};

// Completion: modifiers of 完成 that mean the whole task, on time.
const Words kDoneMods = {"",     "按计划", "按期", "按时", "如期", "全部", "全面",
                         "圆满", "足额",   "顺利", "提前", "超额", "均已", "已全部"};
const Words kDoneLate = {"延期", "逾期", "推迟", "滞后", "延迟"};

bool Contains(const std::string& s, const std::string& w) { return s.find(w) != std::string::npos; }

bool AnyOf(const std::string& s, const Words& words) {
  for (const auto& w : words)
    if (Contains(s, w)) return true;
  return false;
}

const std::string* EndingIn(const std::string& s, const Words& words) {
  for (const auto& w : words)
    if (!w.empty() && EndsWith(s, w)) return &w;
  return nullptr;
}

std::string Clean(const std::string& raw) {
  std::string s = Trim(NormalizeWidth(raw));
  for (const char* tail : {"。", "了"})
    while (EndsWith(s, tail)) s = Trim(s.substr(0, s.size() - std::string(tail).size()));
  return s;
}

std::string Cut(const std::string& s, const std::string& suffix) {
  return s.substr(0, s.size() - suffix.size());
}

// A change phrase: [subject][negation][degree]verb or …verb[degree after].
struct Change {
  size_t family = 0;
  bool up = true;
  int level = 1;  // 1 有所…, 2 明显…
  bool negated = false;
  std::string verb;
};

std::optional<Change> ReadChange(const std::string& s) {
  std::string body = s;
  int after_level = 0;
  if (const std::string* d = EndingIn(body, kStrongAfter)) {
    body = Cut(body, *d);
    after_level = 2;
  }
  for (size_t f = 0; f < Families().size(); ++f) {
    for (bool up : {true, false}) {
      const Words& verbs = up ? Families()[f].up : Families()[f].down;
      const std::string* verb = EndingIn(body, verbs);
      if (!verb) continue;
      Change c{f, up, 1, false, *verb};
      std::string before = Cut(body, *verb);
      if (EndsWith(before, "地")) before = Cut(before, "地");  // 明显地提高
      if (const std::string* d = EndingIn(before, kStrong)) {
        c.level = 2;
        before = Cut(before, *d);
        if (EndingIn(before, kNegations)) return std::nullopt;  // 未明显提高: ambiguous
      } else if (const std::string* d = EndingIn(before, kSome)) {
        before = Cut(before, *d);
      }
      if (EndingIn(before, kNegations)) c.negated = true;
      if (after_level) c.level = after_level;
      return c;
    }
  }
  return std::nullopt;
}

std::string Q(const std::string& s) { return "“" + s + "”"; }

bool IsTimelyTarget(const std::string& t) {
  for (const auto& w : kTimely)
    for (const auto& deed : kDeeds)
      if (t == w + deed) return true;
  return false;
}

bool IsDoneTarget(const std::string& t) {
  for (const auto& m : kDoneMods)
    for (const char* tail : {"完成", "完成任务"})
      if (t == m + tail && m != "提前" && m != "超额") return true;
  return false;
}

// “平均2个工作日”, “3个工作日内办结”, “两天内”: a number (digits or 一…十/两/半) before a unit.
bool StatesDuration(const std::string& s) {
  if (Contains(s, "年")) return false;  // a date, not a duration
  static const Words kNumerals = {"0",  "1",  "2",  "3",  "4",  "5",  "6",  "7",  "8",  "9",  "一",
                                  "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "半"};
  for (const auto& unit : kDurationUnits) {
    size_t at = s.find(unit);
    if (at == std::string::npos) continue;
    std::string before = s.substr(0, at);
    if (EndsWith(before, "个")) before = Cut(before, "个");
    for (const auto& n : kNumerals)
      if (EndsWith(before, n)) return true;
  }
  return false;
}

std::string StripDone(std::string a) {
  for (const char* lead : {"均已", "已经", "已", "均"})
    if (StartsWith(a, lead)) return a.substr(std::string(lead).size());
  return a;
}

}  // namespace

bool IsAdjectiveValue(const std::string& value) {
  static const Words kAdjectives = {"准确", "规范", "合规", "有效", "完整", "安全", "稳定",
                                    "满意", "良好", "合理", "充分", "到位", "达标", "合格",
                                    "齐全", "清晰", "透明", "公开", "公平", "公正", "畅通",
                                    "可控", "及时", "健康", "优良", "较好", "明显", "显著"};
  const std::string v = Clean(value);
  for (const auto& a : kAdjectives)
    if (v == a) return true;
  return false;
}

std::optional<DegreeReading> JudgeDegree(const std::string& target_raw,
                                         const std::string& actual_raw) {
  const std::string t = Clean(target_raw), a = Clean(actual_raw);
  if (t.empty() || a.empty()) return std::nullopt;
  if (StartsWith(a, "基本") || StartsWith(a, "部分")) return std::nullopt;  // the partly table
  const std::string vs = "指标值" + Q(t);
  if (IsTimelyTarget(t)) {
    if (AnyOf(a, kLate))
      return DegreeReading{DegreeVerdict::kNotMet, Q(a) + "表示超期，未达成" + vs};
    const std::string done = StripDone(a);
    for (const auto& lead : kTimelyLeads)
      if (StartsWith(done, lead))
        return DegreeReading{DegreeVerdict::kMet, Q(a) + "表示按时，达成" + vs};
    if (AnyOf(a, kWithinLimit) || StatesDuration(a))
      return DegreeReading{DegreeVerdict::kMet, Q(a) + "写明了用时且未超期，视为达成" + vs};
    if (!IsDoneTarget(t)) return std::nullopt;  // “按期完成” is also a completion target
  }
  if (IsDoneTarget(t)) {
    for (const char* no : {"未", "没有", "尚未"})
      if (StartsWith(a, no)) return std::nullopt;  // the not-met table
    const std::string done = StripDone(a);
    for (const auto& late : kDoneLate)
      for (const char* tail : {"完成", "完成任务"})
        if (done == late + tail)
          return DegreeReading{DegreeVerdict::kPartly,
                               Q(a) + "表示已完成但晚于计划，部分达成" + vs};
    for (const auto& m : kDoneMods)
      for (const char* tail : {"完成", "完成任务"})
        if (done == m + tail)
          return DegreeReading{DegreeVerdict::kMet, Q(a) + "表示已全部完成，达成" + vs};
    return std::nullopt;
  }
  auto target = ReadChange(t);
  if (!target || target->negated) return std::nullopt;
  if (AnyOf(a, kNoChange))
    return DegreeReading{DegreeVerdict::kNotMet, Q(a) + "表示没有变化，未达成" + vs};
  auto actual = ReadChange(a);
  if (!actual || actual->family != target->family) return std::nullopt;
  if (actual->negated)
    return DegreeReading{DegreeVerdict::kNotMet, Q(a) + "表示未变化，未达成" + vs};
  if (actual->up != target->up)
    return DegreeReading{DegreeVerdict::kNotMet, Q(a) + "与" + vs + "方向相反，未达成"};
  if (actual->level > target->level)
    return DegreeReading{DegreeVerdict::kExceeded, Q(a) + "程度强于" + vs + "，超额达成"};
  if (actual->level == target->level)
    return DegreeReading{DegreeVerdict::kMet, Q(a) + "与" + vs + "程度相同，达成"};
  return DegreeReading{DegreeVerdict::kPartly, Q(a) + "程度弱于" + vs + "，部分达成"};
}

std::optional<DegreeForms> DegreeFormsFor(const std::string& target_raw) {
  const std::string t = Clean(target_raw);
  if (IsTimelyTarget(t)) {
    // “不及时” for the bare adjective; a deed done late is “未按时完成”.
    const std::string negated = (IsAdjectiveValue(t) ? "不" : "未") + t;
    return DegreeForms{Q(t) + "、“提前完成”，或写明用时（如“平均2个工作日”“3个工作日内办结”）",
                       Q("基本" + t), Q(negated) + "、“逾期5天”、“延期完成”"};
  }
  if (IsDoneTarget(t)) {
    std::string met = Q(t);
    for (const char* w : {"全部完成", "已完成", "提前完成"})
      if (t != w) met += "、" + Q(w);
    std::string not_met = "“未完成”";
    if (t != "完成") not_met += "、" + Q("未" + t);
    return DegreeForms{met, "“基本完成”“部分完成”“延期完成”", not_met};
  }
  auto c = ReadChange(t);
  if (!c || c->negated) return std::nullopt;
  const Family& f = Families()[c->family];
  const std::string& opposite = c->up ? f.down.front() : f.up.front();
  std::string met = Q(t);
  if (c->level == 1) met += "或程度更强的" + Q("明显" + c->verb) + "、" + Q("显著" + c->verb);
  std::string partly = c->level == 2 ? "程度较弱的" + Q("有所" + c->verb) : "";
  return DegreeForms{met, partly,
                     Q("未" + c->verb) + "、“持平”或方向相反的" + Q("有所" + opposite)};
}

}  // namespace jixiao
