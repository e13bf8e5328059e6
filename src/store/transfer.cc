// Store: export and import of a whole store as JSON lines. Line 1 is a header naming the format
// and schema version; every other line is one row, ["table", value, …] in the table's column
// order (integers as numbers, text as strings), tables in a fixed order, rows in key order.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <istream>
#include <ostream>

#include "core/text.h"
#include "store/store_impl.h"

namespace jixiao::store {

namespace {

struct Table {
  const char* name;
  std::vector<std::pair<const char*, bool>> columns;  // name, is integer
  const char* order;
  const char* identity;  // the identity column, whose sequence import moves on (PostgreSQL)
};

std::vector<std::pair<const char*, bool>> DocColumns() {
  return {{"kind", false},         {"owner", false},
          {"unit", false},         {"region", false},
          {"department", false},   {"town", false},
          {"year", false},         {"project", false},
          {"framework", false},    {"framework_title", false},
          {"digest", false},       {"total", true},
          {"total_weight", true},  {"grade", false},
          {"claimed_total", true}, {"computed_total", true},
          {"gap", true},           {"findings", true},
          {"result", false},       {"row_total", true}};
}

constexpr size_t kDocuments = 6, kVersions = 7;  // their places in Tables()

const std::vector<Table>& Tables() {
  static const std::vector<Table> kTables = [] {
    std::vector<Table> t = {
        {"users",
         {{"id", true},
          {"name", false},
          {"role", false},
          {"unit", false},
          {"region", false},
          {"password_hash", false},
          {"disabled", true},
          {"created_at", false}},
         "id",
         "id"},
        {"sessions",
         {{"token_hash", false},
          {"user_id", true},
          {"csrf_token", false},
          {"created_at", false},
          {"last_seen", false},
          {"expires_at", false}},
         "token_hash{C}",
         nullptr},
        {"jobs",
         {{"id", true},
          {"kind", false},
          {"owner", true},
          {"params", false},
          {"status", false},
          {"done", true},
          {"total", true},
          {"result_ref", false},
          {"error", false},
          {"created_at", false},
          {"updated_at", false},
          {"worker", false},
          {"heartbeat", false}},
         "id",
         "id"},
        {"job_files", {{"job_id", true}, {"name", false}, {"bytes", false}}, "job_id", nullptr},
        {"login_failures",
         {{"name", false}, {"failures", true}, {"last_failure", true}},
         "name{C}",
         nullptr},
        {"audit",
         {{"id", true},
          {"who", false},
          {"at", false},
          {"object_kind", false},
          {"object_id", false},
          {"field", false},
          {"old_value", false},
          {"new_value", false}},
         "id",
         "id"},
        {"documents", {{"id", false}}, "id", nullptr},
        {"versions", {{"doc_id", false}, {"version", true}}, "doc_id, version", nullptr},
        {"reviews",
         {{"id", true},
          {"doc_id", false},
          {"version", true},
          {"decision", false},
          {"opinion", false},
          {"reviewer", false},
          {"decided_at", false}},
         "id",
         "id"},
        {"indicators",
         {{"doc_id", false},
          {"version", true},
          {"seq", true},
          {"code", false},
          {"level", true},
          {"name", false},
          {"weight", true},
          {"score", true},
          {"leaf", true},
          {"parent", true}},
         "doc_id, version, seq",
         nullptr},
        {"doc_members",
         {{"doc_id", false}, {"member", false}, {"added_by", false}, {"added_at", false}},
         "doc_id{C}, member{C}",
         nullptr},
    };
    for (auto c : DocColumns()) t[kDocuments].columns.push_back(c);
    for (auto c : std::vector<std::pair<const char*, bool>>{
             {"version", true}, {"author", false}, {"created_at", false}, {"updated_at", false}})
      t[kDocuments].columns.push_back(c);
    for (auto c : DocColumns()) t[kVersions].columns.push_back(c);
    for (auto c : std::vector<std::pair<const char*, bool>>{
             {"author", false}, {"saved_at", false}, {"payload", false}})
      t[kVersions].columns.push_back(c);
    return t;
  }();
  return kTables;
}

std::string ColumnList(const Table& t) {
  std::string out;
  for (const auto& c : t.columns) out += (out.empty() ? "" : ", ") + std::string(c.first);
  return out;
}

constexpr int64_t kPage = 2000;

}  // namespace

bool Store::Export(std::ostream& out, Diagnostics& diags) {
  JX_GUARDED("store.export", "导出档案库失败", false, {
    out << "{\"format\":\"jixiao-store\",\"schema\":" << LatestSchemaVersion() << "}\n";
    for (const auto& t : Tables()) {
      std::string sql = "SELECT " + ColumnList(t) + " FROM " + t.name + " ORDER BY " + t.order +
                        " LIMIT ? OFFSET ?";
      for (int64_t offset = 0;; offset += kPage) {
        auto rs = impl_->Query(sql, {kPage, offset});
        for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
          std::string line = "[" + JsonQuoted(t.name);
          for (size_t i = 0; i < t.columns.size(); ++i)
            line +=
                "," + (t.columns[i].second ? std::to_string(Int(rs, i)) : JsonQuoted(Text(rs, i)));
          out << line << "]\n";
        }
        if (static_cast<int64_t>(rs.rowCount()) < kPage) break;
      }
    }
    out.flush();
    return static_cast<bool>(out);
  })
}

bool Store::Import(std::istream& in, const std::string& name, Diagnostics& diags) {
  Lock lock(impl_->mu);
  int64_t line_no = 0;
  auto fail = [&](const std::string& message) {
    diags.Error("store.import", {name, static_cast<int>(line_no), 0, ""}, message);
    return false;
  };
  try {
    for (const auto& t : Tables()) {
      auto rs = impl_->Query(std::string("SELECT count(*) FROM ") + t.name);
      if (Int(rs, 0))
        return fail("目标档案库 " + impl_->location + " 不是空的（" + t.name +
                    " 表已有数据），请导入到新的档案库");
    }
    std::string line;
    if (!std::getline(in, line)) return fail("导入文件是空的");
    line_no = 1;
    Poco::JSON::Parser parser;
    auto header = parser.parse(line).extract<Poco::JSON::Object::Ptr>();
    if (!header || header->optValue<std::string>("format", "") != "jixiao-store")
      return fail("第一行不是 jixiao 档案库导出文件的文件头");
    if (header->optValue<int>("schema", 0) != LatestSchemaVersion())
      return fail("导出文件的结构版本为" + std::to_string(header->optValue<int>("schema", 0)) +
                  "，本程序为" + std::to_string(LatestSchemaVersion()) +
                  "，请用同一版本的 jixiao 导出和导入");
    std::map<std::string, const Table*> by_name;
    std::map<std::string, std::string> inserts;
    for (const auto& t : Tables()) {
      by_name[t.name] = &t;
      std::string marks;
      for (size_t i = 0; i < t.columns.size(); ++i) marks += i ? ",?" : "?";
      inserts[t.name] =
          std::string("INSERT INTO ") + t.name + " (" + ColumnList(t) + ") VALUES (" + marks + ")";
    }
    impl_->Begin();
    impl_->in_batch = true;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty()) continue;
      parser.reset();
      auto row = parser.parse(line).extract<Poco::JSON::Array::Ptr>();
      std::string table = row && row->size() ? row->getElement<std::string>(0) : "";
      auto it = by_name.find(table);
      if (it == by_name.end() || row->size() != it->second->columns.size() + 1) {
        impl_->in_batch = false;
        impl_->Rollback();
        return fail("这一行不是已知表的一行（表名“" + table + "”或列数不对），未导入任何数据");
      }
      Args args;
      for (size_t i = 0; i < it->second->columns.size(); ++i) {
        auto v = row->get(static_cast<unsigned>(i + 1));
        if (it->second->columns[i].second)
          args.push_back(v.convert<Poco::Int64>());
        else
          args.push_back(v.convert<std::string>());
      }
      impl_->Exec(inserts[table], args);
    }
    if (impl_->pg)
      for (const auto& t : Tables())
        if (t.identity)
          impl_->Exec(std::string("SELECT setval(pg_get_serial_sequence('") + t.name + "', '" +
                      t.identity + "'), (SELECT COALESCE(MAX(" + t.identity + "), 0) + 1 FROM " +
                      t.name + "), false)");
    impl_->in_batch = false;
    impl_->Commit();
    impl_->Exec(impl_->pg ? "VACUUM (ANALYZE)" : "ANALYZE");  // see Store::Analyze
    return true;
  } catch (const Poco::Exception& e) {
    impl_->in_batch = false;
    impl_->Rollback();
    diags.Error("store.import", {name, static_cast<int>(line_no), 0, ""},
                "导入失败，未导入任何数据：" + ChineseError(e));
    return false;
  }
}

}  // namespace jixiao::store
