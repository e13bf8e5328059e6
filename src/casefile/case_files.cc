// JSON and CSV text for case files; atomic case-folder writes.
#include "casefile/case_files.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/csv_field.h"
#include "core/text.h"

namespace jixiao {

namespace fs = std::filesystem;

JsonValue JsonString(const std::string& text) {
  JsonValue v;
  v.type = JsonValue::Type::kString;
  v.text = text;
  return v;
}

JsonValue JsonNumber(const std::string& exact_text) {
  JsonValue v;
  v.type = JsonValue::Type::kNumber;
  v.text = exact_text;
  return v;
}

JsonValue JsonObject() {
  JsonValue v;
  v.type = JsonValue::Type::kObject;
  return v;
}

JsonValue JsonArray() {
  JsonValue v;
  v.type = JsonValue::Type::kArray;
  return v;
}

void JsonSet(JsonValue& object, const std::string& key, JsonValue value) {
  for (auto& [name, member] : object.members) {
    if (name == key) {
      member = std::move(value);
      return;
    }
  }
  object.members.emplace_back(key, std::move(value));
}

namespace {

void Emit(const JsonValue& v, int depth, std::string& out) {
  const std::string pad(static_cast<size_t>(depth + 1) * 2, ' ');
  const std::string close(static_cast<size_t>(depth) * 2, ' ');
  switch (v.type) {
    case JsonValue::Type::kNull:
      out += "null";
      break;
    case JsonValue::Type::kBool:
      out += v.boolean ? "true" : "false";
      break;
    case JsonValue::Type::kNumber:
      out += v.text;
      break;
    case JsonValue::Type::kString:
      out += JsonQuoted(v.text);
      break;
    case JsonValue::Type::kArray: {
      if (v.items.empty()) {
        out += "[]";
        break;
      }
      bool scalars = true;
      for (const auto& item : v.items) scalars = scalars && !item.IsArray() && !item.IsObject();
      out += scalars ? "[" : "[\n";
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (!scalars) out += pad;
        Emit(v.items[i], depth + 1, out);
        if (i + 1 < v.items.size()) out += scalars ? ", " : ",\n";
      }
      out += scalars ? "]" : "\n" + close + "]";
      break;
    }
    case JsonValue::Type::kObject: {
      if (v.members.empty()) {
        out += "{}";
        break;
      }
      out += "{\n";
      for (size_t i = 0; i < v.members.size(); ++i) {
        out += pad;
        out += JsonQuoted(v.members[i].first);
        out += ": ";
        Emit(v.members[i].second, depth + 1, out);
        out += i + 1 < v.members.size() ? ",\n" : "\n";
      }
      out += close + "}";
      break;
    }
  }
}

[[noreturn]] void WriteFail(const std::string& path, const std::string& message) {
  Diagnostic d;
  d.code = "write.failed";
  d.where.file = path;
  d.message = message;
  throw InputError{d};
}

// Regular files under `dir` (symlinks followed, depth and count bounded), as relative paths.
void ListFiles(const fs::path& dir, const std::string& prefix, int depth,
               std::vector<std::string>& out) {
  if (depth > 8 || out.size() > 10000) return;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (fs::is_directory(it->path(), ec)) {
      ListFiles(it->path(), prefix + name + "/", depth + 1, out);
    } else if (fs::is_regular_file(it->path(), ec)) {
      out.push_back(prefix + name);
    }
  }
}

}  // namespace

std::string JsonText(const JsonValue& value) {
  std::string out;
  Emit(value, 0, out);
  out += '\n';
  return out;
}

std::string CsvLine(const std::vector<std::string>& cells) { return CsvRecord(cells, "\n"); }

std::string ExactDecimal(const Rational& value) {
  int64_t den = value.den();
  int places = 0;
  while (den % 10 == 0 && places < 18) den /= 10, ++places;
  while ((den % 2 == 0 || den % 5 == 0) && places < 18) {
    den /= den % 2 == 0 ? 2 : 5;
    ++places;
  }
  if (den != 1) return value.ToString();
  std::string text = value.ToDecimal(places);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

std::string MoneyText(Money m) { return ExactDecimal(Rational(m.fen, 100)); }

bool WriteCaseFolder(const std::string& dir_in, const CaseFiles& files, bool keep_existing,
                     const std::vector<std::string>& remove,
                     const std::function<bool(const std::string& temp_dir)>& verify) {
  std::string dir = dir_in;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  std::error_code ec;
  const bool exists = fs::exists(dir, ec);
  if (exists && !fs::is_directory(dir, ec))
    WriteFail(dir, "目标已存在且不是目录，请换一个案例目录名");
  const fs::path target(dir);
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(parent, ec))
    WriteFail(dir, "上级目录 " + parent.string() + " 不存在，请先创建");
  std::string pattern = (parent / ("." + target.filename().string() + ".jixiao-XXXXXX")).string();
  if (!mkdtemp(pattern.data())) WriteFail(dir, "无法在上级目录中创建临时目录，请检查写权限");
  const fs::path temp(pattern);
  try {
    CaseFiles all;
    if (exists && keep_existing) {
      std::vector<std::string> existing;
      ListFiles(target, "", 0, existing);
      for (const std::string& rel : existing) {
        if (files.count(rel) || std::find(remove.begin(), remove.end(), rel) != remove.end())
          continue;
        auto bytes = ReadFileBytes((target / rel).string());
        if (bytes) all[rel] = *bytes;
      }
    }
    for (const auto& [rel, bytes] : files) all[rel] = bytes;
    for (const auto& [rel, bytes] : all) {
      if (rel.empty() || rel[0] == '/' || rel.find("..") != std::string::npos)
        WriteFail(rel, "文件路径不合法（不能是绝对路径或包含 ..）");
      const fs::path path = temp / rel;
      fs::create_directories(path.parent_path(), ec);
      std::ofstream out(path, std::ios::binary);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      out.close();
      if (!out) WriteFail((target / rel).string(), "写入失败（磁盘已满或没有写权限）");
    }
    if (verify && !verify(temp.string())) {
      fs::remove_all(temp, ec);
      return false;
    }
    if (exists) {
      if (renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
        // Filesystems without RENAME_EXCHANGE: move the old folder aside, then the new one in.
        const fs::path aside = temp.string() + ".old";
        fs::rename(target, aside, ec);
        if (ec) WriteFail(dir, "无法替换原目录：" + ec.message());
        fs::rename(temp, target, ec);
        if (ec) {
          fs::rename(aside, target);
          WriteFail(dir, "无法替换原目录：" + ec.message());
        }
        fs::remove_all(aside, ec);
        return true;
      }
      fs::remove_all(temp, ec);  // now holds the old folder
    } else {
      fs::rename(temp, target, ec);
      if (ec) WriteFail(dir, "无法创建目录：" + ec.message());
    }
    return true;
  } catch (...) {
    fs::remove_all(temp, ec);
    throw;
  }
}

}  // namespace jixiao
