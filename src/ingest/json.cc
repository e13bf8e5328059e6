#include "ingest/json.h"

#include <algorithm>
#include <cstdio>
#include <unordered_set>

#include "core/limits.h"
#include "core/text.h"

namespace jixiao {
namespace {

class Parser {
 public:
  Parser(const std::string& file, const std::string& text) : file_(file), s_(text) {
    while (s_.compare(pos_, 3, "\xEF\xBB\xBF") == 0) pos_ += 3;  // one BOM, or a doubled one
    line_start_ = pos_;
  }

  JsonValue ParseDocument() {
    SkipSpace();
    JsonValue root = ParseValue("$");
    SkipSpace();
    if (pos_ < s_.size()) Fail("JSON 结束后还有多余内容，请删除或检查是否缺少逗号/括号");
    return root;
  }

 private:
  [[noreturn]] void Fail(const std::string& message) {
    throw InputError{{Severity::kError,
                      "json.syntax",
                      {file_, line_, Column(), ""},
                      "JSON 格式错误：" + message}};
  }
  int Column() const { return static_cast<int>(pos_ - line_start_) + 1; }

  void SkipSpace() {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '\n') {
        ++line_;
        line_start_ = ++pos_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else {
        break;
      }
    }
  }

  JsonValue ParseValue(const std::string& path) {
    if (pos_ >= s_.size()) Fail("内容意外结束，缺少值或右括号");
    // Nesting is bounded so hostile files cannot exhaust the stack (docs/limits.md).
    if (depth_ >= limits::kMaxJsonDepth)
      Fail("嵌套层数超过 " + std::to_string(limits::kMaxJsonDepth) + " 层，请检查是否有多余的括号");
    struct DepthGuard {
      int& d;
      explicit DepthGuard(int& depth) : d(depth) { ++d; }
      ~DepthGuard() { --d; }
    } guard(depth_);
    JsonValue v;
    v.line = line_;
    v.column = Column();
    v.path = path;
    char c = s_[pos_];
    if (c == '{') {
      ParseObject(v);
    } else if (c == '[') {
      ParseArray(v);
    } else if (c == '"') {
      v.type = JsonValue::Type::kString;
      v.text = ParseString();
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      v.type = JsonValue::Type::kNumber;
      v.text = ParseNumber();
    } else if (s_.compare(pos_, 4, "true") == 0) {
      v.type = JsonValue::Type::kBool;
      v.boolean = true;
      pos_ += 4;
    } else if (s_.compare(pos_, 5, "false") == 0) {
      v.type = JsonValue::Type::kBool;
      pos_ += 5;
    } else if (s_.compare(pos_, 4, "null") == 0) {
      pos_ += 4;
    } else {
      Fail(std::string("此处应为值（对象、数组、字符串、数字、true/false/null），实际为“") +
           Snippet() + "”");
    }
    return v;
  }

  std::string Snippet() const {
    size_t end = pos_;
    while (end < s_.size() && end - pos_ < 12 && s_[end] != '\n') ++end;
    return s_.substr(pos_, end - pos_);
  }

  void ParseObject(JsonValue& v) {
    v.type = JsonValue::Type::kObject;
    std::unordered_set<std::string> seen_keys;
    ++pos_;
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return;
    }
    for (;;) {
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != '"') Fail("此处应为带双引号的键名");
      int key_line = line_;
      size_t key_pos = pos_, key_line_start = line_start_;
      std::string key = ParseString();
      if (!seen_keys.insert(key).second) {  // hashed: linear in the number of keys
        line_ = key_line;
        line_start_ = key_line_start;
        pos_ = key_pos;
        Fail("键“" + key + "”重复出现，请只保留一个");
      }
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != ':') Fail("键“" + key + "”后应为冒号");
      ++pos_;
      SkipSpace();
      v.members.emplace_back(key, ParseValue(v.path + "." + key));
      int value_end_line = line_;
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == '}') {
        ++pos_;
        return;
      }
      Fail(line_ > value_end_line ? "上一行末尾缺少逗号（对象成员之间应以逗号分隔）"
                                  : "对象成员之间应为逗号，或以 } 结束");
    }
  }

  void ParseArray(JsonValue& v) {
    v.type = JsonValue::Type::kArray;
    ++pos_;
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return;
    }
    for (;;) {
      SkipSpace();
      v.items.push_back(ParseValue(v.path + "[" + std::to_string(v.items.size()) + "]"));
      int value_end_line = line_;
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == ']') {
        ++pos_;
        return;
      }
      Fail(line_ > value_end_line ? "上一行末尾缺少逗号（数组元素之间应以逗号分隔）"
                                  : "数组元素之间应为逗号，或以 ] 结束");
    }
  }

  uint32_t ParseHex4() {
    if (pos_ + 4 > s_.size()) Fail("\\u 转义后应有 4 位十六进制数");
    uint32_t cp = 0;
    for (int i = 0; i < 4; ++i) {
      char h = s_[pos_++];
      cp <<= 4;
      if (h >= '0' && h <= '9')
        cp |= static_cast<uint32_t>(h - '0');
      else if (h >= 'a' && h <= 'f')
        cp |= static_cast<uint32_t>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F')
        cp |= static_cast<uint32_t>(h - 'A' + 10);
      else
        Fail("\\u 转义后应有 4 位十六进制数");
    }
    return cp;
  }

  std::string ParseString() {
    ++pos_;  // opening quote
    std::string out;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (c == '\n') Fail("字符串未闭合：缺少结束的双引号");
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
        char code[8];
        std::snprintf(code, sizeof code, "%02X", static_cast<unsigned>(c));
        Fail(std::string("字符串中不能直接出现控制字符 U+00") + code + "，请删除它");
      }
      if (c == '\\') {
        ++pos_;
        if (pos_ >= s_.size()) break;
        char e = s_[pos_++];
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            size_t escape_start = pos_ - 2;
            uint32_t cp = ParseHex4();
            if (cp >= 0xDC00 && cp <= 0xDFFF) {
              pos_ = escape_start;
              Fail("\\u" + s_.substr(escape_start + 2, 4) +
                   " 是单独的低位代理项，不是有效字符；请改写为实际的字符");
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
              uint32_t low = 0;
              if (s_.compare(pos_, 2, "\\u") == 0) {
                pos_ += 2;
                low = ParseHex4();
              }
              if (low < 0xDC00 || low > 0xDFFF) {
                pos_ = escape_start;
                Fail("\\u" + s_.substr(escape_start + 2, 4) +
                     " 是高位代理项，后面必须紧跟低位代理项 \\uDC00–\\uDFFF；请改写为实际的字符");
              }
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            if (cp == 0) {
              pos_ = escape_start;
              Fail("\\u0000（空字符）不能出现在文本中，请删除");
            }
            AppendUtf8(out, cp);
            break;
          }
          default:
            Fail(std::string("无效的转义字符 \\") + e);
        }
        continue;
      }
      out += c;
      ++pos_;
    }
    Fail("字符串未闭合：缺少结束的双引号");
  }

  std::string ParseNumber() {
    size_t start = pos_;
    if (s_[pos_] == '-') ++pos_;
    auto digits = [&] {
      size_t d = pos_;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ > d;
    };
    if (!digits()) Fail("数字格式错误");
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (!digits()) Fail("小数点后应有数字");
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      Fail("不支持科学计数法，请写成普通小数");
    }
    return s_.substr(start, pos_ - start);
  }

  const std::string& file_;
  const std::string& s_;
  size_t pos_ = 0;
  int depth_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
};

}  // namespace

const JsonValue* JsonValue::Find(const std::string& key) const {
  for (const auto& member : members)
    if (member.first == key) return &member.second;
  return nullptr;
}

const char* JsonValue::TypeName() const {
  switch (type) {
    case Type::kNull:
      return "null";
    case Type::kBool:
      return "布尔值";
    case Type::kNumber:
      return "数字";
    case Type::kString:
      return "字符串";
    case Type::kArray:
      return "数组";
    case Type::kObject:
      return "对象";
  }
  return "未知";
}

JsonValue ParseJson(const std::string& file, const std::string& text) {
  if (!IsValidUtf8(text)) {
    throw InputError{{Severity::kError,
                      "json.encoding",
                      {file, 0, 0, ""},
                      "JSON 文件必须是 UTF-8 编码，请用 UTF-8 另存该文件"}};
  }
  return Parser(file, text).ParseDocument();
}

JsonValue ReadJsonFile(const std::string& file) {
  std::string why;
  auto bytes = ReadFileBytes(file, &why);
  if (!bytes) {
    throw InputError{
        {Severity::kError, "file.unreadable", {file, 0, 0, ""}, "无法读取文件：" + why}};
  }
  return ParseJson(file, *bytes);
}

namespace {

const char* const kTooLarge =
    "超出可精确计算的范围（绝对值最大 1,000,000,000,000,000，见 docs/limits.md），"
    "请检查是否多写了位数";

// A plain decimal too long for 64 bits: a size problem, not a spelling one.
bool LooksHuge(const std::string& text) {
  size_t digits = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c != '-' && c != '+' && c != '.' && c != ',' && c != ' ')
      return false;
  }
  return digits > 18;
}

}  // namespace

static const char* TypeNameOf(JsonValue::Type type) {
  JsonValue probe;
  probe.type = type;
  return probe.TypeName();
}

bool JsonReader::Expect(const JsonValue& v, JsonValue::Type type) {
  if (v.type == type) return true;
  Error(v, "json.type", std::string("此处应为") + TypeNameOf(type) + "，实际为" + v.TypeName());
  return false;
}

std::optional<std::string> JsonReader::String(const JsonValue& v) {
  if (!Expect(v, JsonValue::Type::kString)) return std::nullopt;
  return v.text;
}

std::optional<Rational> JsonReader::Number(const JsonValue& v) {
  if (v.type != JsonValue::Type::kNumber && v.type != JsonValue::Type::kString) {
    Error(v, "json.type",
          std::string("此处应为数字（如 1.5、\"25%\"、\"2/3\"），实际为") + v.TypeName());
    return std::nullopt;
  }
  auto value = Rational::Parse(v.text);
  if (!value) {
    if (LooksHuge(v.text)) {
      Error(v, "json.number_range", "“" + v.text + "”" + kTooLarge);
      return std::nullopt;
    }
    Error(v, "json.number",
          "“" + v.text + "”不是有效的数值，请写成 1.5、\"25%\" 或 \"2/3\" 的形式");
    return value;
  }
  if (value->Abs() > Rational(limits::kMaxMagnitude)) {
    Error(v, "json.number_range", "“" + v.text + "”" + kTooLarge);
    return std::nullopt;
  }
  return value;
}

std::optional<int64_t> JsonReader::Integer(const JsonValue& v) {
  auto value = Number(v);
  if (!value) return std::nullopt;
  if (value->den() != 1) {
    Error(v, "json.integer", "此处应为整数，实际为“" + v.text + "”");
    return std::nullopt;
  }
  return value->num();
}

const JsonValue* JsonReader::Member(const JsonValue& object, const std::string& key,
                                    bool required) {
  const JsonValue* v = object.Find(key);
  if (!v && required) Error(object, "json.missing", "缺少必填字段“" + key + "”");
  return v;
}

void JsonReader::RejectUnknown(const JsonValue& object, const std::vector<std::string>& known) {
  for (const auto& member : object.members) {
    if (std::find(known.begin(), known.end(), member.first) == known.end()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : "、") + k;
      Error(member.second, "json.unknown_key",
            "未知字段“" + member.first + "”，可用字段为：" + list);
    }
  }
}

}  // namespace jixiao
