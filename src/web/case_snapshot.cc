#include "web/case_snapshot.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/text.h"
#include "store/store.h"
#include "web/crypto.h"

namespace jixiao::web {
namespace fs = std::filesystem;

namespace {

constexpr char kFormat[] = "jixiao-case";

std::string ReadBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

// path → bytes; nullopt when `content` is not a case snapshot.
std::optional<std::map<std::string, std::string>> Files(const std::string& content) {
  if (content.empty()) return std::map<std::string, std::string>{};
  try {
    Poco::JSON::Parser parser;
    auto root = parser.parse(content).extract<Poco::JSON::Object::Ptr>();
    if (!root || root->optValue<std::string>("format", "") != kFormat) return std::nullopt;
    std::map<std::string, std::string> out;
    auto files = root->getArray("files");
    for (size_t i = 0; files && i < files->size(); ++i) {
      auto f = files->getObject(static_cast<unsigned>(i));
      std::string path = f->getValue<std::string>("path");
      out[path] = f->has("text") ? f->getValue<std::string>("text")
                                 : store::FromBase64(f->getValue<std::string>("base64"));
    }
    return out;
  } catch (const Poco::Exception&) {
    return std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// A relative path that stays inside the folder: no "..", no root, no empty part, no NUL.
bool SafePath(const std::string& p) {
  if (p.empty() || p[0] == '/' || p.find('\0') != std::string::npos ||
      p.find('\\') != std::string::npos)
    return false;
  std::istringstream parts(p);
  for (std::string part; std::getline(parts, part, '/');)
    if (part.empty() || part == "." || part == "..") return false;
  return true;
}

bool Textual(const std::string& bytes) {
  return bytes.find('\0') == std::string::npos && IsValidUtf8(bytes);
}

// A JSON document flattened to (path, scalar as JSON text): "a.b[2].c" → "12".
void Flatten(const Poco::Dynamic::Var& v, const std::string& at,
             std::map<std::string, std::string>& out) {
  if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
    auto o = v.extract<Poco::JSON::Object::Ptr>();
    std::vector<std::string> names;
    o->getNames(names);
    if (names.empty()) out[at] = "{}";
    for (const auto& n : names) Flatten(o->get(n), at.empty() ? n : at + "." + n, out);
  } else if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
    auto a = v.extract<Poco::JSON::Array::Ptr>();
    if (a->size() == 0) out[at] = "[]";
    for (size_t i = 0; i < a->size(); ++i)
      Flatten(a->get(static_cast<unsigned>(i)), at + "[" + std::to_string(i) + "]", out);
  } else if (v.isEmpty()) {
    out[at] = "null";
  } else {
    out[at] = v.convert<std::string>();
  }
}

std::optional<std::map<std::string, std::string>> JsonFields(const std::string& text) {
  try {
    Poco::JSON::Parser parser;
    std::map<std::string, std::string> out;
    Flatten(parser.parse(text), "", out);
    return out;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

void DiffFile(const std::string& path, const std::string* a, const std::string* b,
              std::vector<CaseChange>& out) {
  const std::string empty;
  const std::string& before = a ? *a : empty;
  const std::string& after = b ? *b : empty;
  if (!Textual(before) || !Textual(after)) {
    out.push_back({path, a ? "（" + std::to_string(before.size()) + " 字节的文件）" : "",
                   b ? "（" + std::to_string(after.size()) + " 字节的文件）" : ""});
    return;
  }
  bool json = path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0;
  if (json) {
    auto fa = a ? JsonFields(before) : std::map<std::string, std::string>{};
    auto fb = b ? JsonFields(after) : std::map<std::string, std::string>{};
    if (fa && fb) {
      std::map<std::string, std::pair<const std::string*, const std::string*>> all;
      for (const auto& [k, v] : *fa) all[k].first = &v;
      for (const auto& [k, v] : *fb) all[k].second = &v;
      for (const auto& [k, v] : all)
        if (!v.first || !v.second || *v.first != *v.second)
          out.push_back({path + " " + k, v.first ? *v.first : "", v.second ? *v.second : ""});
      return;
    }
  }
  // CSV and text: line by line (a CSV line is one row of values).
  auto la = Lines(before), lb = Lines(after);
  for (size_t i = 0; i < std::max(la.size(), lb.size()); ++i) {
    const std::string* x = i < la.size() ? &la[i] : nullptr;
    const std::string* y = i < lb.size() ? &lb[i] : nullptr;
    if (x && y && *x == *y) continue;
    out.push_back({path + " 第 " + std::to_string(i + 1) + " 行", x ? *x : "", y ? *y : ""});
  }
}

}  // namespace

std::string SnapshotCase(const std::string& dir) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(".jixiao-", 0) == 0) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && !it->is_symlink())
      paths.push_back(fs::relative(it->path(), dir).generic_string());
  }
  std::sort(paths.begin(), paths.end());
  std::string out = std::string("{\"format\":\"") + kFormat + "\",\"files\":[";
  for (size_t i = 0; i < paths.size(); ++i) {
    std::string bytes = ReadBytes(fs::path(dir) / paths[i]);
    out += (i ? "," : "") + std::string("{\"path\":") + JsonQuoted(paths[i]) +
           (Textual(bytes) ? ",\"text\":" + JsonQuoted(bytes)
                           : ",\"base64\":\"" + store::ToBase64(bytes) + "\"") +
           "}";
  }
  return out + "]}";
}

std::optional<std::string> SnapshotFile(const std::string& content, const std::string& path) {
  auto files = Files(content);
  if (!files) return std::nullopt;
  auto it = files->find(path);
  return it == files->end() ? std::string() : it->second;
}

bool IsCaseSnapshot(const std::string& content) {
  return content.rfind(std::string("{\"format\":\"") + kFormat + "\"", 0) == 0;
}

bool RestoreCase(const std::string& snapshot, const std::string& dir, std::string& error) {
  auto files = IsCaseSnapshot(snapshot) ? Files(snapshot) : std::nullopt;
  if (!files) {
    error = "该版本没有保存案例内容（早于本功能的版本），不能恢复";
    return false;
  }
  for (const auto& [path, bytes] : *files)
    if (!SafePath(path)) {
      error = "该版本的文件路径无效（" + path.substr(0, 200) + "），未恢复";
      return false;
    }
  std::string fresh = dir + ".restore-" + RandomHex(6), old = dir + ".old-" + RandomHex(6);
  std::error_code ec;
  fs::create_directories(fresh, ec);
  for (const auto& [path, bytes] : *files) {
    fs::path target = fs::path(fresh) / path;
    fs::create_directories(target.parent_path(), ec);
    std::ofstream out(target, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      fs::remove_all(fresh, ec);
      error = "写入案例文件失败（磁盘已满或无权写入数据目录），未恢复";
      return false;
    }
  }
  bool had = fs::exists(dir);
  if (had) fs::rename(dir, old, ec);
  if (!ec) fs::rename(fresh, dir, ec);
  if (ec) {
    if (had && !fs::exists(dir)) fs::rename(old, dir);
    fs::remove_all(fresh);
    error = "替换案例文件夹失败，未恢复";
    return false;
  }
  fs::remove_all(old, ec);
  return true;
}

std::vector<CaseChange> DiffCaseSnapshots(const std::string& before, const std::string& after) {
  std::vector<CaseChange> out;
  auto a = Files(before), b = Files(after);
  if (!a || !b)
    return {{"（案例内容）", a ? "" : "（旧版本未保存案例内容）", b ? "" : "（未保存）"}};
  std::map<std::string, std::pair<const std::string*, const std::string*>> all;
  for (const auto& [k, v] : *a) all[k].first = &v;
  for (const auto& [k, v] : *b) all[k].second = &v;
  for (const auto& [path, pair] : all)
    if (!pair.first || !pair.second || *pair.first != *pair.second)
      DiffFile(path, pair.first, pair.second, out);
  return out;
}

}  // namespace jixiao::web
