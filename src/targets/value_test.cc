// The checker reads a 指标值 with the meaning the case reader gives it (issue 23): sentence forms
// ("…达95%以上。", "15万元。") and comparator words read alike by targets::Value and TargetValue.
#include "targets/value.h"

#include <catch2/catch.hpp>

#include "model/target_value.h"
#include "targets/checker.h"

namespace jixiao::targets {

TEST_CASE("sentence forms read as the case reader reads them") {
  struct Form {
    const char* text;
    bool numeric;
    CompareOp op;
    bool op_written;
    const char* number;
    const char* unit;
  };
  const Form kForms[] = {
      {"辖区企业满意率达95%以上。", true, CompareOp::kGe, true, "95", "%"},
      {"15万元。", true, CompareOp::kEq, false, "15", "万元"},
      {"群众满意度达到90%以上", true, CompareOp::kGe, true, "90", "%"},
      {"不低于98%", true, CompareOp::kGe, true, "98", "%"},
      {"3天以内。", true, CompareOp::kLe, true, "3", "天"},
      {"≥3200人", true, CompareOp::kGe, true, "3200", "人"},
      {"及时", false, CompareOp::kEq, false, "0", ""},
  };
  for (const Form& f : kForms) {
    INFO(f.text);
    const Value checker = Value::Parse(f.text);
    const TargetValue reader = TargetValue::Parse(f.text);
    // Expected values first, then agreement of the two readers.
    CHECK(checker.numeric == f.numeric);
    CHECK(reader.quantitative == f.numeric);
    if (!f.numeric) continue;
    CHECK(checker.op == f.op);
    CHECK(checker.op_written == f.op_written);
    CHECK(checker.number == *Rational::Parse(f.number));
    CHECK(checker.unit == f.unit);
    CHECK(reader.op == checker.op);
    CHECK(reader.comparator_written == checker.op_written);
    CHECK(reader.number == checker.number);
    CHECK(reader.unit == checker.unit);
  }
}

TEST_CASE("a satisfaction target written as a sentence is not replaced by ≥90%") {
  Table<TargetRow> t;
  t.present = true;
  TargetRow row;
  row.level1 = "满意度指标";
  row.level2 = "服务对象满意度指标";
  row.level3 = "辖区企业满意率";
  row.value = "辖区企业满意率达95%以上。";
  row.line = 2;
  t.rows.push_back(row);
  for (const Issue& issue : Check({t, nullptr, nullptr})) {
    INFO(issue.rule + " " + issue.message + " → " + issue.suggestion);
    CHECK(issue.suggestion.find("≥90%") == std::string::npos);
    CHECK(issue.message.find("问卷可验证的百分比") == std::string::npos);
  }
}

}  // namespace jixiao::targets
