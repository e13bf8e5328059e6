#include "ingest/value_reader.h"

#include "core/half_width.h"
#include "core/limits.h"

namespace jixiao {
namespace {

// A figure typed in full width in a JSON string ("９８．５％") is read half-width, with the one
// 提示 at its JSON path, never silently (issue 21).
void NoteFullWidth(JsonReader& in, const JsonValue& v) {
  if (!v.IsString()) return;
  const HalfWidthReading r = ReadHalfWidth(v.text);
  if (r.changed && r.error.empty())
    in.diags().Add(Severity::kInfo, "input.half_width", in.Where(v),
                   HalfWidthNotice(v.text, r.text));
}

}  // namespace

std::optional<Amount> ReadAmount(JsonReader& in, const JsonValue& v,
                                 const std::string& code_prefix) {
  if (!v.IsNumber() && !v.IsString()) {
    in.Error(v, "json.type",
             std::string("此处应为扣分（分数如 1.5，或比例如 \"25%\"、\"2/3\"），实际为") +
                 v.TypeName());
    return std::nullopt;
  }
  std::string why;
  Amount::Problem problem;
  auto amount = Amount::Parse(v.text, &why, &problem);
  if (!amount) {
    const char* suffix = problem == Amount::Problem::kNegative         ? "_negative"
                         : problem == Amount::Problem::kShareAboveFull ? "_share"
                                                                       : "_invalid";
    in.Error(v, code_prefix + suffix, why);
  }
  if (amount && !amount->share && Rational(limits::kMaxPoints) < amount->value) {
    in.Error(v, code_prefix + "_range",
             "“" + v.text + "”超过扣分上限 " + std::to_string(limits::kMaxPoints) +
                 " 分（见 docs/limits.md），请检查是否多写了位数");
    return std::nullopt;
  }
  return amount;
}

std::optional<Rational> ReadNumber(JsonReader& in, const JsonValue& v) {
  if (!v.IsString()) return in.Number(v);
  NoteFullWidth(in, v);
  JsonValue normalised = v;
  normalised.text = NormalizeWidth(v.text);
  return in.Number(normalised);
}

std::optional<Rational> ReadQuantity(JsonReader& in, const JsonValue& v, const std::string& unit,
                                     std::string* written_unit) {
  if (!v.IsNumber() && !v.IsString()) {
    in.Error(
        v, "json.type",
        std::string("此处应为数值（如 99.2、\"99.2%\"、\"1,568.99万元\"），实际为") + v.TypeName());
    return std::nullopt;
  }
  QuantityParse parsed = ParseQuantity(v.text);
  if (!parsed.quantity) {
    in.Error(v, "value.invalid", parsed.error);
    return std::nullopt;
  }
  NoteFullWidth(in, v);
  if (written_unit) *written_unit = parsed.quantity->unit;
  std::string why;
  auto value = ToUnit(*parsed.quantity, unit, &why);
  if (!value) in.Error(v, "value.unit", "“" + v.text + "”：" + why);
  if (value && Rational(limits::kMaxMagnitude) < value->Abs()) {
    in.Error(v, "value.range",
             "“" + v.text +
                 "”超出可精确计算的范围（绝对值最大 1,000,000,000,000,000，见 docs/limits.md），"
                 "请检查是否多写了位数");
    return std::nullopt;
  }
  return value;
}

}  // namespace jixiao
