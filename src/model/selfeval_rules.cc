#include "model/selfeval_rules.h"

#include "core/text.h"

namespace jixiao {

const char* SelfEvalRoundingName(SelfEvalRounding r) {
  switch (r) {
    case SelfEvalRounding::kExact:
      return "exact";
    case SelfEvalRounding::kHundredth:
      return "0.01";
    case SelfEvalRounding::kTenth:
      return "0.1";
    case SelfEvalRounding::kWholeDown:
      return "whole_down";
  }
  return "";
}

Rational ApplyRounding(const Rational& value, SelfEvalRounding r) {
  switch (r) {
    case SelfEvalRounding::kExact:
      return value;
    case SelfEvalRounding::kHundredth:
      return Rational(value.RoundScaled(2), 100);
    case SelfEvalRounding::kTenth:
      return Rational(value.RoundScaled(1), 10);
    case SelfEvalRounding::kWholeDown: {
      int64_t q = value.num() / value.den();  // truncates toward zero
      if (value.IsNegative() && q * value.den() != value.num()) --q;
      return Rational(q);
    }
  }
  return value;
}

Rational RoundingTolerance(SelfEvalRounding r) {
  switch (r) {
    case SelfEvalRounding::kExact:
      return Rational(1, 200);  // printed to 0.01
    case SelfEvalRounding::kHundredth:
      return Rational(1, 200);
    case SelfEvalRounding::kTenth:
      return Rational(1, 20);
    case SelfEvalRounding::kWholeDown:
      return Rational(1);  // below by less than one point
  }
  return Rational(0);
}

const std::string& SelfEvalRulesName(const SelfEvalRules& rules) {
  if (!rules.name.empty()) return rules.name;
  return rules.title.empty() ? rules.id : rules.title;
}

const SelfEvalGrade* GradeOf(const SelfEvalRules& rules, const Rational& total) {
  for (const auto& g : rules.grades)
    if (total >= g.min) return &g;
  return rules.grades.empty() ? nullptr : &rules.grades.back();
}

bool GradeMatches(const SelfEvalGrade& grade, const std::string& printed) {
  std::string p = Trim(printed);
  if (p == grade.name) return true;
  for (const auto& s : grade.synonyms)
    if (p == s) return true;
  return false;
}

const SelfEvalBand* FindBand(const SelfEvalRules& rules, const std::string& level) {
  std::string l = Trim(level);
  for (const auto& b : rules.bands) {
    if (l == b.level) return &b;
    for (const auto& s : b.synonyms)
      if (l == s) return &b;
  }
  return nullptr;
}

}  // namespace jixiao
