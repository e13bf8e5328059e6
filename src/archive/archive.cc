#include "archive/archive.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/SHA2Engine.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>

#include "core/text.h"
#include "scorecard_io/scorecard_json.h"

namespace jixiao::archive {

using namespace Poco::Data::Keywords;

namespace {

// Migrations: index i brings the schema from version i to i + 1.
const std::vector<std::vector<std::string>>& Migrations() {
  static const std::vector<std::vector<std::string>> kMigrations = {
      {"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
       "CREATE TABLE cases (id TEXT PRIMARY KEY, digest TEXT NOT NULL, town TEXT, project TEXT, "
       "year TEXT, "
       "framework TEXT, framework_title TEXT, total INTEGER NOT NULL, grade TEXT, scorecard TEXT "
       "NOT NULL, "
       "grades TEXT NOT NULL, problems TEXT NOT NULL, added_at TEXT NOT NULL)"},
      {"CREATE INDEX cases_year_framework ON cases (year, framework)"},
  };
  return kMigrations;
}

void CollectFiles(const std::string& dir, const std::string& prefix,
                  std::vector<std::string>& out) {
  DIR* d = opendir(dir.c_str());
  if (!d) return;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    std::string path = dir + "/" + name;
    // lstat: a symlinked folder is never followed (it may point at an ancestor, a loop); a
    // symlinked or special file is listed and ReadFileBytes refuses it without blocking.
    struct stat st {};
    if (lstat(path.c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      if (std::count(prefix.begin(), prefix.end(), '/') < 16)
        CollectFiles(path, prefix + name + "/", out);
    } else {
      out.push_back(prefix + name);
    }
  }
  closedir(d);
}

std::string GradesJson(const Framework& fw) {
  std::string out = "[";
  for (size_t i = 0; i < fw.grades.size(); ++i)
    out += (i ? "," : "") + std::string("{\"label\":") + JsonQuoted(fw.grades[i].label) +
           ",\"min\":" + std::to_string(fw.grades[i].min.hundredths) + "}";
  return out + "]";
}

std::string ProblemsJson(const Case& c) {
  std::string out = "[";
  for (size_t i = 0; i < c.problems.size(); ++i) {
    std::string codes;
    for (const auto& code : c.problems[i].indicators)
      codes += (codes.empty() ? "" : ",") + JsonQuoted(code);
    out += (i ? "," : "") + std::string("{\"title\":") + JsonQuoted(c.problems[i].title) +
           ",\"indicators\":[" + codes + "]}";
  }
  return out + "]";
}

// SQLite's messages are English; the common ones get a Chinese sentence, the rest keep the
// original text after one.
bool IsBusy(const Poco::Exception& e) {
  std::string lower = e.displayText();
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  return lower.find("locked") != std::string::npos || lower.find("busy") != std::string::npos;
}

std::string Chinese(const Poco::Exception& e) {
  std::string text = e.displayText(), lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  auto has = [&](const char* s) { return lower.find(s) != std::string::npos; };
  if (has("locked") || has("busy")) return "档案库正被其他进程使用，等待超时，请稍后重试";
  if (has("unable to open") || has("cannot open"))
    return "无法打开档案库文件（目录不存在或没有写权限）";
  if (has("not a database") || has("malformed")) return "该文件不是 jixiao 档案库，或已损坏";
  if (has("disk") || has("full")) return "磁盘已满或读写出错";
  if (has("readonly") || has("read-only")) return "档案库文件只读，无法写入";
  return "数据库错误（" + text + "）";
}

std::string Now() {
  std::time_t t = std::time(nullptr);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buffer;
}

}  // namespace

struct Archive::Impl {
  std::string path;
  Poco::Data::Session session;
  Impl(std::string p, const Poco::Data::Session& s) : path(std::move(p)), session(s) {}
};

Archive::Archive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Archive::~Archive() = default;

std::string DefaultPath() {
  if (const char* env = std::getenv("JIXIAO_ARCHIVE")) return env;
  const char* home = std::getenv("HOME");
  return std::string(home ? home : ".") + "/.local/share/jixiao/archive.db";
}

// One attempt at opening; SQLite errors propagate as Poco exceptions.
std::unique_ptr<Archive> Archive::OpenOnce(const std::string& path, Diagnostics& diags) {
  Poco::Data::SQLite::Connector::registerConnector();
  size_t slash = path.find_last_of('/');
  if (slash != std::string::npos) {
    std::string dir = path.substr(0, slash);
    for (size_t i = 1; i <= dir.size(); ++i)
      if (i == dir.size() || dir[i] == '/') mkdir(dir.substr(0, i).c_str(), 0755);
  }
  Poco::Data::Session session("SQLite", path);
  // Many `archive add` may open a new archive at once: wait for locks instead of failing, and
  // create or migrate the schema inside one IMMEDIATE transaction (the write lock is taken
  // before the version is read), so exactly one process migrates and the others see the result.
  session << "PRAGMA busy_timeout=60000", now;
  session << "PRAGMA journal_mode=WAL", now;
  session << "PRAGMA synchronous=FULL", now;
  int target = static_cast<int>(Migrations().size());
  session << "BEGIN IMMEDIATE", now;
  try {
    int version = 0;
    int tables = 0;
    session << "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'",
        into(tables), now;
    if (tables) {
      std::string v;
      session << "SELECT value FROM meta WHERE key='schema_version'", into(v), now;
      version = std::atoi(v.c_str());
    }
    if (version > target) {
      session << "ROLLBACK", now;
      diags.Error("archive.version", {path, 0, 0, ""},
                  "档案库版本" + std::to_string(version) + "高于本程序支持的" +
                      std::to_string(target) + "，请升级 jixiao");
      return nullptr;
    }
    for (int v = version; v < target; ++v) {
      for (const auto& sql : Migrations()[static_cast<size_t>(v)]) session << sql, now;
      std::string value = std::to_string(v + 1);
      session << "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
          use(value), now;
    }
    session << "COMMIT", now;
  } catch (...) {
    try {
      session << "ROLLBACK", now;
    } catch (...) {
    }
    throw;
  }
  return std::unique_ptr<Archive>(new Archive(std::make_unique<Impl>(path, session)));
}

std::unique_ptr<Archive> Archive::Open(const std::string& path, Diagnostics& diags) {
  // SQLite reports some lock conflicts while a new archive is being set up (the switch to WAL,
  // recovery) without waiting in the busy handler: retry those for up to about a minute.
  for (int attempt = 0;; ++attempt) {
    try {
      return OpenOnce(path, diags);
    } catch (const Poco::Exception& e) {
      if (IsBusy(e) && attempt < 1000) {
        usleep(static_cast<useconds_t>(10000 + std::rand() % 50000));
        continue;
      }
      diags.Error("archive.open", {path, 0, 0, ""}, "无法打开档案库：" + Chinese(e));
      return nullptr;
    }
  }
}

int Archive::SchemaVersion() {
  std::string v;
  impl_->session << "SELECT value FROM meta WHERE key='schema_version'", into(v), now;
  return std::atoi(v.c_str());
}

std::optional<AddResult> Archive::Add(const Evaluation& e, const std::string& digest,
                                      Diagnostics& diags) {
  try {
    auto& s = impl_->session;
    std::string id = e.c.id, existing;
    int count = 0;
    s << "SELECT count(*) FROM cases WHERE id = ?", use(id), into(count), now;
    if (count) s << "SELECT digest FROM cases WHERE id = ?", use(id), into(existing), now;
    if (count && existing == digest) return AddResult::kUnchanged;
    std::string town = e.c.project.town, project = e.c.project.name, year = e.c.project.year;
    std::string framework = e.framework->id, title = e.framework->title, grade = e.card.grade;
    std::string scorecard = ScorecardJson(e.card), grades = GradesJson(*e.framework),
                problems = ProblemsJson(e.c);
    std::string added = Now(), d = digest;
    Poco::Int64 total = e.card.total.hundredths;
    s.begin();
    s << "INSERT OR REPLACE INTO cases (id, digest, town, project, year, framework, "
         "framework_title, total, grade, "
         "scorecard, grades, problems, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        use(id), use(d), use(town), use(project), use(year), use(framework), use(title), use(total),
        use(grade), use(scorecard), use(grades), use(problems), use(added), now;
    s.commit();
    return count ? AddResult::kUpdated : AddResult::kAdded;
  } catch (const Poco::Exception& ex) {
    if (impl_->session.isTransaction()) impl_->session.rollback();
    diags.Error("archive.add", {impl_->path, 0, 0, e.c.id}, "写入档案库失败：" + Chinese(ex));
    return std::nullopt;
  }
}

std::vector<Entry> Archive::List(const std::string& year, const std::string& framework,
                                 Diagnostics& diags) {
  std::vector<Entry> out;
  try {
    std::string y = year, f = framework;
    Poco::Data::Statement select(impl_->session);
    select << "SELECT id, digest, town, project, year, framework, framework_title, total, grade, "
              "scorecard, grades, "
              "problems, added_at FROM cases WHERE (? = '' OR year = ?) AND (? = '' OR framework = "
              "?) ORDER BY id",
        use(y), use(y), use(f), use(f);
    select.execute();
    Poco::Data::RecordSet rs(select);
    for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
      Entry e;
      e.id = rs[0].convert<std::string>();
      e.digest = rs[1].convert<std::string>();
      e.town = rs[2].isEmpty() ? "" : rs[2].convert<std::string>();
      e.project = rs[3].isEmpty() ? "" : rs[3].convert<std::string>();
      e.year = rs[4].isEmpty() ? "" : rs[4].convert<std::string>();
      e.framework = rs[5].convert<std::string>();
      e.framework_title = rs[6].convert<std::string>();
      e.total = Score{rs[7].convert<Poco::Int64>()};
      e.grade = rs[8].convert<std::string>();
      e.scorecard_json = rs[9].convert<std::string>();
      e.grades_json = rs[10].convert<std::string>();
      e.problems_json = rs[11].convert<std::string>();
      e.added_at = rs[12].convert<std::string>();
      out.push_back(e);
    }
  } catch (const Poco::Exception& ex) {
    diags.Error("archive.read", {impl_->path, 0, 0, ""}, "读取档案库失败：" + Chinese(ex));
  }
  return out;
}

std::optional<Entry> Archive::Get(const std::string& id, Diagnostics& diags) {
  for (auto& e : List("", "", diags))
    if (e.id == id) return e;
  return std::nullopt;
}

bool Archive::Remove(const std::string& id, Diagnostics& diags) {
  try {
    std::string key = id;
    impl_->session.begin();
    impl_->session << "DELETE FROM cases WHERE id = ?", use(key), now;
    impl_->session.commit();
    return true;
  } catch (const Poco::Exception& ex) {
    diags.Error("archive.remove", {impl_->path, 0, 0, id}, "删除失败：" + Chinese(ex));
    return false;
  }
}

std::string DigestInputs(const Evaluation& e) {
  std::vector<std::string> files;
  CollectFiles(e.c.dir, "", files);
  std::sort(files.begin(), files.end());
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  for (const auto& f : files) {
    engine.update(f);
    engine.update(ReadFileBytes(e.c.dir + "/" + f).value_or(""));
  }
  engine.update(e.framework->file);
  engine.update(ReadFileBytes(e.framework->file).value_or(""));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace jixiao::archive
