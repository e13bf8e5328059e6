// Store: what lets several serve processes share one store — jobs owned by a process token with a
// heartbeat (only stale ones are failed), a finished job's file kept in the store, and login
// failures counted in the store. Schema version 6 (schema.cc).
#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>

#include <sstream>

#include "store/store_impl.h"

namespace jixiao::store {

std::string ToBase64(const std::string& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder enc(out);
  enc.rdbuf()->setLineLength(0);
  enc << bytes;
  enc.close();
  return out.str();
}

std::string FromBase64(const std::string& text) {
  std::istringstream in(text);
  Poco::Base64Decoder dec(in);
  std::ostringstream out;
  out << dec.rdbuf();
  return out.str();
}

std::optional<int64_t> Store::Heartbeat(const std::string& worker, const std::string& now,
                                        Diagnostics& diags){
    JX_GUARDED("store.write", "更新任务心跳失败", std::nullopt,
               {
                 return static_cast<int64_t>(impl_->Exec(
                     "UPDATE jobs SET heartbeat = ? WHERE worker = ? AND status = 'running'",
                     {now, worker}));
               })}

std::vector<Job> Store::FailStale(const std::string& stale_before, const std::string& reason,
                                  Diagnostics& diags) {
  std::vector<Job> out;
  JX_GUARDED("store.write", "标记中断任务失败", out, {
    impl_->Begin();
    auto rs = impl_->Query(
        std::string(kJobColumns) + "WHERE status = 'running' AND heartbeat < ? ORDER BY id",
        {stale_before});
    for (bool more = rs.moveFirst(); more; more = rs.moveNext()) out.push_back(ReadJob(rs));
    std::vector<Job> failed;
    for (const auto& j : out)
      if (impl_->Exec("UPDATE jobs SET status = 'failed', error = ?, updated_at = ? WHERE id = ? "
                      "AND status = 'running' AND heartbeat < ?",
                      {reason, UtcNow(), j.id, stale_before}) > 0)
        failed.push_back(j);
    impl_->Commit();
    return failed;
  })
}

std::vector<std::string> Store::RunningWorkers(Diagnostics& diags) {
  std::vector<std::string> out;
  JX_GUARDED("store.read", "读取任务列表失败", out, {
    auto rs =
        impl_->Query("SELECT DISTINCT worker FROM jobs WHERE status = 'running' ORDER BY worker");
    for (bool more = rs.moveFirst(); more; more = rs.moveNext()) out.push_back(Text(rs, 0));
    return out;
  })
}

std::optional<int64_t> Store::FailWorker(const std::string& worker, const std::string& reason,
                                         Diagnostics& diags) {
  JX_GUARDED("store.write", "标记中断任务失败", std::nullopt, {
    return static_cast<int64_t>(impl_->Exec(
        "UPDATE jobs SET status = 'failed', error = ?, updated_at = ? WHERE worker = ? AND "
        "status = 'running'",
        {reason, UtcNow(), worker}));
  })
}

bool Store::FinishJobWithFile(int64_t id, const JobFile& file, Diagnostics& diags){
    JX_GUARDED("store.write", "保存任务结果失败", false,
               {
                 impl_->Begin();
                 if (impl_->Exec(
                         "UPDATE jobs SET status = 'done', result_ref = ?, updated_at = ? WHERE "
                         "id = ? AND status = 'running'",
                         {file.name, UtcNow(), id}) == 0) {
                   impl_->Rollback();
                   return false;
                 }
                 impl_->Exec("INSERT INTO job_files (job_id, name, bytes) VALUES (?,?,?)",
                             {id, file.name, ToBase64(file.bytes)});
                 impl_->Commit();
                 return true;
               })}

std::optional<JobFile> Store::GetJobFile(int64_t id, Diagnostics& diags){
    JX_GUARDED("store.read", "读取任务结果失败", std::nullopt,
               {
                 auto rs = impl_->Query("SELECT name, bytes FROM job_files WHERE job_id = ?", {id});
                 if (!rs.rowCount()) return std::nullopt;
                 return JobFile{Text(rs, 0), FromBase64(Text(rs, 1))};
               })}

std::optional<int64_t> Store::RecordLoginFailure(const std::string& name, int64_t now,
                                                 int64_t window, Diagnostics& diags){
    JX_GUARDED("store.write", "记录登录失败次数失败", std::nullopt,
               {
                 impl_->Begin();
                 // Created at zero when missing (two processes may race here; the key keeps one
                 // row), then counted in one statement, so concurrent failures are all counted.
                 impl_->Exec(
                     "INSERT INTO login_failures (name, failures, last_failure) VALUES (?, 0, 0) "
                     "ON CONFLICT (name) DO NOTHING",
                     {name});
                 impl_->Exec(
                     "UPDATE login_failures SET failures = CASE WHEN ? - last_failure >= ? THEN 1 "
                     "ELSE failures + 1 END, last_failure = ? WHERE name = ?",
                     {now, window, now, name});
                 auto rs =
                     impl_->Query("SELECT failures FROM login_failures WHERE name = ?", {name});
                 int64_t failures = Int(rs, 0);
                 impl_->Commit();
                 return failures;
               })}

std::optional<Store::LoginFailures> Store::GetLoginFailures(const std::string& name,
                                                            Diagnostics& diags) {
  JX_GUARDED("store.read", "读取登录失败次数失败", std::nullopt, {
    auto rs =
        impl_->Query("SELECT failures, last_failure FROM login_failures WHERE name = ?", {name});
    if (!rs.rowCount()) return LoginFailures{};
    return LoginFailures{Int(rs, 0), Int(rs, 1)};
  })
}

bool Store::ClearLoginFailures(const std::string& name, Diagnostics& diags) {
  JX_GUARDED("store.write", "清除登录失败次数失败", false, {
    impl_->Exec("DELETE FROM login_failures WHERE name = ?", {name});
    return true;
  })
}

}  // namespace jixiao::store
