// Store: users, sessions, jobs and the audit log (the parts `jixiao serve` keeps in the store so
// that several server processes can share them).
#include "store/store_impl.h"

namespace jixiao::store {

namespace {

const char* kUserColumns =
    "SELECT id, name, role, unit, region, password_hash, disabled, created_at FROM users ";
const char* kSessionColumns =
    "SELECT token_hash, user_id, csrf_token, created_at, last_seen, expires_at FROM sessions ";

User ReadUser(Poco::Data::RecordSet& rs) {
  User u;
  u.id = Int(rs, 0);
  u.name = Text(rs, 1);
  u.role = Text(rs, 2);
  u.unit = Text(rs, 3);
  u.region = Text(rs, 4);
  u.password_hash = Text(rs, 5);
  u.disabled = Int(rs, 6) != 0;
  u.created_at = Text(rs, 7);
  return u;
}

bool ValidRole(const std::string& r) {
  return r == "admin" || r == "bureau" || r == "evaluator" || r == "unit";
}

}  // namespace

const char* const kJobColumns =
    "SELECT id, kind, owner, params, status, done, total, result_ref, error, created_at, "
    "updated_at, worker, heartbeat FROM jobs ";

Job ReadJob(Poco::Data::RecordSet& rs) {
  Job j;
  j.id = Int(rs, 0);
  j.kind = Text(rs, 1);
  j.owner = Int(rs, 2);
  j.params_json = Text(rs, 3);
  j.status = Text(rs, 4);
  j.done = Int(rs, 5);
  j.total = Int(rs, 6);
  j.result_ref = Text(rs, 7);
  j.error = Text(rs, 8);
  j.created_at = Text(rs, 9);
  j.updated_at = Text(rs, 10);
  j.worker = Text(rs, 11);
  j.heartbeat = Text(rs, 12);
  return j;
}

std::optional<int64_t> Store::CreateUser(const User& u, Diagnostics& diags) {
  if (!ValidRole(u.role)) {
    diags.Error("store.role", {impl_->location, 0, 0, "role"},
                "角色“" + u.role + "”无效，应为 admin、bureau、evaluator 或 unit");
    return std::nullopt;
  }
  JX_GUARDED("store.write", "新建用户“" + u.name + "”失败", std::nullopt, {
    auto rs = impl_->Query(
        "INSERT INTO users (name, role, unit, region, password_hash, disabled, created_at) "
        "VALUES (?,?,?,?,?,?,?) RETURNING id",
        {u.name, u.role, u.unit, u.region, u.password_hash, int64_t{u.disabled ? 1 : 0},
         u.created_at.empty() ? UtcNow() : u.created_at});
    return Int(rs, 0);
  })
}

std::optional<User> Store::GetUser(int64_t id, Diagnostics& diags){
    JX_GUARDED("store.read", "读取用户失败", std::nullopt,
               {
                 auto rs = impl_->Query(std::string(kUserColumns) + "WHERE id = ?", {id});
                 if (!rs.rowCount()) return std::nullopt;
                 return ReadUser(rs);
               })}

std::optional<User> Store::GetUserByName(const std::string& name, Diagnostics& diags){
    JX_GUARDED("store.read", "读取用户失败", std::nullopt,
               {
                 auto rs = impl_->Query(std::string(kUserColumns) + "WHERE name = ?", {name});
                 if (!rs.rowCount()) return std::nullopt;
                 return ReadUser(rs);
               })}

std::vector<User> Store::ListUsers(Diagnostics& diags) {
  std::vector<User> out;
  JX_GUARDED("store.read", "读取用户列表失败", out, {
    auto rs = impl_->Query(std::string(kUserColumns) + "ORDER BY id");
    for (bool more = rs.moveFirst(); more; more = rs.moveNext()) out.push_back(ReadUser(rs));
    return out;
  })
}

bool Store::SetPasswordHash(int64_t id, const std::string& hash, Diagnostics& diags) {
  JX_GUARDED("store.write", "修改密码失败", false, {
    return impl_->Exec("UPDATE users SET password_hash = ? WHERE id = ?", {hash, id}) > 0;
  })
}

bool Store::DisableUser(int64_t id, Diagnostics& diags) {
  JX_GUARDED("store.write", "停用用户失败", false, {
    impl_->Begin();
    size_t n = impl_->Exec("UPDATE users SET disabled = 1 WHERE id = ?", {id});
    impl_->Exec("DELETE FROM sessions WHERE user_id = ?", {id});
    impl_->Commit();
    return n > 0;
  })
}

bool Store::EnableUser(int64_t id, Diagnostics& diags) {
  JX_GUARDED("store.write", "启用用户失败", false,
             { return impl_->Exec("UPDATE users SET disabled = 0 WHERE id = ?", {id}) > 0; })
}

bool Store::SetUserRegion(int64_t id, const std::string& region, Diagnostics& diags) {
  JX_GUARDED("store.write", "修改账号区域失败", false, {
    return impl_->Exec("UPDATE users SET region = ? WHERE id = ?", {region, id}) > 0;
  })
}

bool Store::DeleteUserSessions(int64_t id, Diagnostics& diags) {
  JX_GUARDED("store.write", "结束用户的登录会话失败", false, {
    impl_->Exec("DELETE FROM sessions WHERE user_id = ?", {id});
    return true;
  })
}

bool Store::CreateSession(const Session& s, Diagnostics& diags) {
  JX_GUARDED("store.write", "保存登录会话失败", false, {
    std::string now = s.created_at.empty() ? UtcNow() : s.created_at;
    impl_->Exec(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen, "
        "expires_at) VALUES (?,?,?,?,?,?)",
        {s.token_hash, s.user_id, s.csrf_token, now, s.last_seen.empty() ? now : s.last_seen,
         s.expires_at});
    return true;
  })
}

bool Store::PutFlash(const std::string& token_hash, const std::string& message,
                     const std::string& now, Diagnostics& diags){
    JX_GUARDED("store.write", "保存提示信息失败", false,
               {
                 return impl_->Exec(
                            "UPDATE sessions SET flash = ?, flash_at = ? WHERE token_hash = ?",
                            {message, now, token_hash}) > 0;
               })}

std::string Store::TakeFlash(const std::string& token_hash, const std::string& not_before,
                             Diagnostics& diags){
    JX_GUARDED("store.write", "读取提示信息失败", std::string(),
               {
                 auto rs = impl_->Query(
                     "SELECT flash, flash_at FROM sessions WHERE token_hash = ? AND flash <> ''",
                     {token_hash});
                 if (!rs.rowCount()) return std::string();
                 const std::string message = Text(rs, 0), at = Text(rs, 1);
                 // Cleared only if still the same message: the process whose update wins shows it.
                 if (impl_->Exec(
                         "UPDATE sessions SET flash = '', flash_at = '' WHERE token_hash = ? AND "
                         "flash = ? AND flash_at = ?",
                         {token_hash, message, at}) == 0)
                   return std::string();
                 return at >= not_before ? message : std::string();
               })}

std::optional<Session> Store::GetSession(const std::string& token_hash, const std::string& now,
                                         Diagnostics& diags) {
  JX_GUARDED("store.read", "读取登录会话失败", std::nullopt, {
    auto rs = impl_->Query(std::string(kSessionColumns) + "WHERE token_hash = ? AND expires_at > ?",
                           {token_hash, now});
    if (!rs.rowCount()) return std::nullopt;
    return Session{Text(rs, 0), Int(rs, 1), Text(rs, 2), Text(rs, 3), Text(rs, 4), Text(rs, 5)};
  })
}

bool Store::TouchSession(const std::string& token_hash, const std::string& now,
                         const std::string& new_expires_at, Diagnostics& diags) {
  JX_GUARDED("store.write", "更新登录会话失败", false, {
    return impl_->Exec(
               "UPDATE sessions SET last_seen = ?, expires_at = ? WHERE token_hash = ? AND "
               "expires_at > ?",
               {now, new_expires_at, token_hash, now}) > 0;
  })
}

bool Store::DeleteSession(const std::string& token_hash, Diagnostics& diags){
    JX_GUARDED("store.write", "删除登录会话失败", false,
               {
                 impl_->Exec("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
                 return true;
               })}

std::optional<int64_t> Store::DeleteExpiredSessions(const std::string& now, Diagnostics& diags){
    JX_GUARDED("store.write", "清理过期会话失败", std::nullopt,
               {
                 return static_cast<int64_t>(
                     impl_->Exec("DELETE FROM sessions WHERE expires_at <= ?", {now}));
               })}

std::optional<int64_t> Store::CreateJob(const std::string& kind, int64_t owner,
                                        const std::string& params_json, Diagnostics& diags,
                                        const std::string& worker) {
  JX_GUARDED("store.write", "登记任务失败", std::nullopt, {
    std::string now = UtcNow();
    auto rs = impl_->Query(
        "INSERT INTO jobs (kind, owner, params, status, created_at, updated_at, worker, "
        "heartbeat) VALUES (?,?,?,'running',?,?,?,?) RETURNING id",
        {kind, owner, params_json, now, now, worker, now});
    return Int(rs, 0);
  })
}

bool Store::SetJobProgress(int64_t id, int64_t done, int64_t total, Diagnostics& diags) {
  JX_GUARDED("store.write", "更新任务进度失败", false, {
    return impl_->Exec(
               "UPDATE jobs SET done = ?, total = ?, updated_at = ? WHERE id = ? AND "
               "status = 'running'",
               {done, total, UtcNow(), id}) > 0;
  })
}

bool Store::FinishJob(int64_t id, const std::string& result_ref, Diagnostics& diags) {
  JX_GUARDED("store.write", "结束任务失败", false, {
    return impl_->Exec(
               "UPDATE jobs SET status = 'done', result_ref = ?, updated_at = ? WHERE "
               "id = ? AND status = 'running'",
               {result_ref, UtcNow(), id}) > 0;
  })
}

bool Store::FailJob(int64_t id, const std::string& reason, Diagnostics& diags){
    JX_GUARDED("store.write", "记录任务失败原因失败", false,
               {
                 return impl_->Exec(
                            "UPDATE jobs SET status = 'failed', error = ?, updated_at = ? WHERE "
                            "id = ? AND status = 'running'",
                            {reason, UtcNow(), id}) > 0;
               })}

std::optional<Job> Store::GetJob(int64_t id, Diagnostics& diags){
    JX_GUARDED("store.read", "读取任务失败", std::nullopt,
               {
                 auto rs = impl_->Query(std::string(kJobColumns) + "WHERE id = ?", {id});
                 if (!rs.rowCount()) return std::nullopt;
                 return ReadJob(rs);
               })}

std::vector<Job> Store::ListJobs(int64_t owner, Diagnostics& diags) {
  std::vector<Job> out;
  JX_GUARDED("store.read", "读取任务列表失败", out, {
    auto rs = impl_->Query(std::string(kJobColumns) + "WHERE owner = ? ORDER BY id", {owner});
    for (bool more = rs.moveFirst(); more; more = rs.moveNext()) out.push_back(ReadJob(rs));
    return out;
  })
}

std::optional<int64_t> Store::FailInterrupted(const std::string& reason, Diagnostics& diags) {
  JX_GUARDED("store.write", "标记中断任务失败", std::nullopt, {
    return static_cast<int64_t>(impl_->Exec(
        "UPDATE jobs SET status = 'failed', error = ?, updated_at = ? WHERE status = 'running'",
        {reason, UtcNow()}));
  })
}

bool Store::AppendAudit(const AuditEntry& e, Diagnostics& diags){JX_GUARDED(
    "store.write", "写入审计日志失败", false,
    {
      impl_->Exec(
          "INSERT INTO audit (who, at, object_kind, object_id, field, old_value, new_value) "
          "VALUES (?,?,?,?,?,?,?)",
          {e.who, e.at.empty() ? UtcNow() : e.at, e.object_kind, e.object_id, e.field, e.old_value,
           e.new_value});
      return true;
    })}

std::vector<AuditEntry> Store::ListAudit(const AuditFilter& f, Diagnostics& diags) {
  std::vector<AuditEntry> out;
  JX_GUARDED("store.read", "读取审计日志失败", out, {
    std::string sql =
        "SELECT id, who, at, object_kind, object_id, field, old_value, new_value FROM audit "
        "WHERE 1=1";
    Args args;
    auto add = [&](const std::string& v, const char* cond) {
      if (v.empty()) return;
      sql += cond;
      args.push_back(v);
    };
    add(f.who, " AND who = ?");
    add(f.object_kind, " AND object_kind = ?");
    add(f.object_id, " AND object_id = ?");
    add(f.since, " AND at >= ?");
    add(f.until, " AND at < ?");
    sql += " ORDER BY id LIMIT ? OFFSET ?";
    args.push_back(f.limit);
    args.push_back(f.offset);
    auto rs = impl_->Query(sql, args);
    for (bool more = rs.moveFirst(); more; more = rs.moveNext())
      out.push_back({Int(rs, 0), Text(rs, 1), Text(rs, 2), Text(rs, 3), Text(rs, 4), Text(rs, 5),
                     Text(rs, 6), Text(rs, 7)});
    return out;
  })
}

}  // namespace jixiao::store
