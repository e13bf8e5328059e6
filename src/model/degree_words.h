// Degree words in qualitative 指标值 and 实际完成值 (docs/selfeval.md, “程度词”): a change
// (“有所提高” against “明显提高” or “有所下降”), timeliness (“及时” against “平均2个工作日”) and
// completion (“按计划完成” against “全部完成”). Contract: JudgeDegree answers only when target and
// actual fall in the same family of the documented vocabulary, else nullopt (the caller's other
// tables, or “unjudged”); DegreeFormsFor gives grammatical example phrases for such a target.
#pragma once

#include <optional>
#include <string>

namespace jixiao {

enum class DegreeVerdict { kExceeded, kMet, kPartly, kNotMet };

struct DegreeReading {
  DegreeVerdict verdict = DegreeVerdict::kNotMet;
  std::string how;  // Chinese: why, naming both texts
};

// Reads `actual` against `target` by the vocabulary (both trimmed, full width tolerated).
std::optional<DegreeReading> JudgeDegree(const std::string& target, const std::string& actual);

// Example 实际完成值 phrases for a target of a family, each a list of quoted phrases; `partly` may
// be empty (no weaker degree than “有所”).
struct DegreeForms {
  std::string met, partly, not_met;
};
std::optional<DegreeForms> DegreeFormsFor(const std::string& target);

// Whether a qualitative value reads as an adjective (“准确”, “规范”): negated with 不, not 未.
bool IsAdjectiveValue(const std::string& value);

}  // namespace jixiao
