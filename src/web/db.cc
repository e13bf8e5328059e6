#include "web/db.h"

#include <algorithm>
#include <stdexcept>

#include "store/store.h"
#include "web/db_impl.h"

namespace jixiao::web {

std::string NowText() { return store::UtcNow(); }

namespace {
// "2026-12-07T00:31:56Z" as pages show it: "2026-12-07 00:31:56".
std::string Shown(std::string at) {
  if (at.size() == 20 && at[10] == 'T' && at[19] == 'Z') {
    at[10] = ' ';
    at.pop_back();
  }
  return at;
}
}  // namespace

namespace db_detail {

// Throws the store's first error (Chinese, located at the store, no password).
void Check(const Diagnostics& diags) {
  for (const auto& d : diags.items())
    if (d.severity == Severity::kError) throw std::runtime_error(d.ToString());
}

// A version's payload: the note, a newline, the content in Base64 (binary-safe in both back ends).
std::string Pack(const std::string& note, const std::string& content) {
  return note + '\n' + store::ToBase64(content);
}

void Unpack(const std::string& payload, std::string& note, std::string& content) {
  size_t nl = payload.find('\n');
  note = payload.substr(0, nl);
  if (nl == std::string::npos) return;
  content = store::FromBase64(payload.substr(nl + 1));
}

Version ToVersion(const store::Version& v) {
  Version out{v.info.version, v.info.author, Shown(v.info.saved_at), "", ""};
  Unpack(v.payload, out.note, out.content);
  return out;
}

User ToUser(const store::User& u) {
  return {u.id, u.name, u.role, u.unit, u.region, u.password_hash, u.disabled};
}

int64_t ToId(const std::string& text) {
  try {
    return std::stoll(text);
  } catch (...) {
    return 0;
  }
}

Doc ToDoc(const store::Document& d) {
  Doc out;
  const auto& f = d.fields;
  out.id = d.id, out.kind = f.kind, out.title = f.project, out.unit = f.unit, out.region = f.region;
  out.year = f.year, out.department = f.department, out.town = f.town, out.grade = f.results.grade;
  out.owner = out.assigned = ToId(f.owner);
  out.version = d.version;
  out.total = f.results.grade.empty() ? -1 : f.results.total;
  out.claimed = f.results.claimed_total, out.computed = f.results.computed_total;
  out.findings = f.results.findings, out.row_total = f.results.row_total;
  out.scorecard_json = f.result_json;
  out.framework = f.framework, out.full = f.results.total_weight;
  out.updated_at = Shown(d.updated_at), out.updated_by = d.author;
  return out;
}

store::DocumentFields ToFields(const Doc& d) {
  store::DocumentFields f;
  f.kind = d.kind, f.owner = std::to_string(d.owner), f.unit = d.unit, f.region = d.region;
  f.department = d.department, f.town = d.town, f.year = d.year, f.project = d.title;
  f.results.grade = d.grade;
  f.results.total = d.total < 0 ? 0 : d.total;
  f.results.claimed_total = d.claimed, f.results.computed_total = d.computed;
  f.results.findings = d.findings, f.results.row_total = d.row_total;
  f.result_json = d.scorecard_json;
  f.framework = d.framework, f.results.total_weight = d.full;
  return f;
}

}  // namespace db_detail
using namespace db_detail;

Db::Db(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Db::~Db() = default;

std::unique_ptr<Db> Db::Open(const std::string& data_dir, const std::string& db_url) {
  Diagnostics diags;
  auto s = store::Store::Open(db_url.empty() ? data_dir + "/jixiao.db" : db_url, diags);
  if (!s) {
    Check(diags);
    throw std::runtime_error("无法打开数据库");
  }
  BackfillFrameworks(*s);
  auto impl = std::make_unique<Impl>();
  impl->store = std::move(s);
  return std::unique_ptr<Db>(new Db(std::move(impl)));
}

std::optional<User> Db::AddUser(const User& u) {
  Diagnostics diags;
  if (impl_->store->GetUserByName(u.name, diags)) return std::nullopt;
  store::User su;
  su.name = u.name, su.role = u.role, su.unit = u.unit, su.region = u.region;
  su.password_hash = u.password_hash;
  auto id = impl_->store->CreateUser(su, diags);
  if (!id) {
    if (impl_->store->GetUserByName(u.name, diags)) return std::nullopt;  // a concurrent add
    Check(diags);
    return std::nullopt;
  }
  User out = u;
  out.id = *id;
  return out;
}

std::optional<User> Db::FindUser(const std::string& name) {
  Diagnostics diags;
  auto u = impl_->store->GetUserByName(name, diags);
  Check(diags);
  if (!u || u->disabled) return std::nullopt;
  return ToUser(*u);
}

std::optional<User> Db::GetUser(int64_t id) {
  Diagnostics diags;
  auto u = impl_->store->GetUser(id, diags);
  Check(diags);
  if (!u || u->disabled) return std::nullopt;
  return ToUser(*u);
}

std::vector<User> Db::Users() {
  Diagnostics diags;
  std::vector<User> out;
  for (const auto& u : impl_->store->ListUsers(diags)) out.push_back(ToUser(u));
  Check(diags);
  return out;
}

bool Db::SetPasswordHash(int64_t id, const std::string& hash) {
  Diagnostics diags;
  bool done =
      impl_->store->SetPasswordHash(id, hash, diags) && impl_->store->DeleteUserSessions(id, diags);
  Check(diags);
  return done;
}

bool Db::SetUserDisabled(int64_t id, bool disabled) {
  Diagnostics diags;
  bool done =
      disabled ? impl_->store->DisableUser(id, diags)
               : impl_->store->EnableUser(id, diags) && impl_->store->DeleteUserSessions(id, diags);
  Check(diags);
  return done;
}

bool Db::SetUserRegion(int64_t id, const std::string& region) {
  Diagnostics diags;
  bool done = impl_->store->SetUserRegion(id, region, diags);
  Check(diags);
  return done;
}

void Db::AddSession(const std::string& token_hash, int64_t user, const std::string& csrf,
                    int64_t idle_seconds) {
  Diagnostics diags;
  store::Session s;
  s.token_hash = token_hash, s.user_id = user, s.csrf_token = csrf;
  s.created_at = s.last_seen = store::UtcNow();
  s.expires_at = store::UtcNow(idle_seconds);
  impl_->store->CreateSession(s, diags);
  Check(diags);
}

std::optional<Session> Db::TouchSession(const std::string& token_hash, int64_t idle_seconds) {
  Diagnostics diags;
  std::string now = store::UtcNow();
  auto s = impl_->store->GetSession(token_hash, now, diags);
  Check(diags);
  if (!s) return std::nullopt;
  if (s->last_seen != now)
    impl_->store->TouchSession(token_hash, now, store::UtcNow(idle_seconds), diags);
  return Session{s->user_id, s->csrf_token, 0};
}

void Db::PutFlash(const std::string& token_hash, const std::string& message) {
  Diagnostics diags;
  impl_->store->PutFlash(token_hash, message, store::UtcNow(), diags);
  Check(diags);
}

std::string Db::TakeFlash(const std::string& token_hash) {
  Diagnostics diags;
  std::string message =
      impl_->store->TakeFlash(token_hash, store::UtcNow(-kFlashKeepSeconds), diags);
  Check(diags);
  return message;
}

void Db::DeleteSession(const std::string& token_hash) {
  Diagnostics diags;
  impl_->store->DeleteSession(token_hash, diags);
  Check(diags);
}

void Db::AddDoc(const Doc& d, const std::string& content, const std::string& author,
                const std::string& note) {
  Diagnostics diags;
  auto outcome = impl_->store->Save(d.id, 0, ToFields(d), Pack(note, content), author, diags);
  Check(diags);
  if (!outcome || outcome->conflict) throw std::runtime_error("文档编号冲突，请重试");
}

std::optional<Doc> Db::GetDoc(const std::string& id) {
  if (id.empty() || id.size() > 64) return std::nullopt;
  Diagnostics diags;
  auto d = impl_->store->Get(id, diags);
  Check(diags);
  if (!d) return std::nullopt;
  Doc out = ToDoc(*d);
  if (out.kind == "evaluation") out.members = Members(id);
  return out;
}

std::vector<Doc> Db::Docs(const std::string& kind) {
  store::DocumentFilter f;
  f.kind = kind;
  return Collect(*impl_->store, f, true);
}

std::vector<std::pair<std::string, int64_t>> Db::GradeCounts(const GradeFilter& g) {
  Diagnostics diags;
  store::DocumentFilter f;
  f.kind = g.kind, f.region = g.region, f.year = g.year, f.department = g.department;
  f.town = g.town, f.grade = g.grade;
  std::vector<std::pair<std::string, int64_t>> out;
  std::vector<store::GradeCount> counts;
  if (g.submitted >= 0) {  // 自评表 by 提交: each grade counted by the list's SQL (a few grades)
    ListFilter l;
    l.kinds = {g.kind}, l.region = g.region, l.year = g.year, l.department = g.department;
    l.town = g.town, l.grade = g.grade, l.submitted = g.submitted;
    for (const auto& grade : DistinctValues(l, "grade")) {
      l.grade = grade;
      counts.push_back({"", grade, CountDocs(l)});
    }
  } else {
    counts = impl_->store->GradeCounts(f, diags);
  }
  for (const auto& c : counts) {
    if (c.grade.empty()) continue;  // not scored yet
    auto at =
        std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == c.grade; });
    if (at == out.end())
      out.push_back({c.grade, c.count});
    else
      at->second += c.count;
  }
  Check(diags);
  // 优 良 中 差 as the reports list them; any other label after, as the store gave it.
  auto rank = [](const std::string& g) {
    static const char* kOrder[] = {"优", "良", "中", "差"};
    for (int i = 0; i < 4; ++i)
      if (g == kOrder[i]) return i;
    return 4;
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
  return out;
}

std::pair<int64_t, int64_t> Db::RenameRegion(const std::string& from, const std::string& to) {
  Diagnostics diags;
  auto changed = impl_->store->RenameRegion(from, to, diags);
  Check(diags);
  return changed ? *changed : std::pair<int64_t, int64_t>{0, 0};
}

bool Db::SaveVersion(const Doc& doc, int64_t expected, const std::string& content,
                     const std::string& author, const std::string& note,
                     const std::vector<Category>& categories) {
  Diagnostics diags;
  store::DocumentFields fields = ToFields(doc);
  if (!categories.empty()) fields.results.total_weight = 0;
  for (const auto& c : categories) {
    fields.indicators.push_back({c.code, 1, c.name, c.weight, c.score});
    fields.results.total_weight += c.weight;
  }
  // A save that does not score again (narrative, observations) keeps the 一级 rows the list
  // pages read, so they stay those of the recorded scorecard.
  if (categories.empty() && doc.kind == "evaluation" && doc.total >= 0)
    for (auto& i : impl_->store->Indicators(doc.id, diags))
      if (i.level == 1) fields.indicators.push_back(std::move(i));
  auto outcome = impl_->store->Save(doc.id, expected, fields, Pack(note, content), author, diags);
  Check(diags);
  return outcome && !outcome->conflict;
}

bool Db::Restore(const std::string& id, int64_t from, int64_t expected, const std::string& author) {
  Diagnostics diags;
  auto outcome = impl_->store->Restore(id, from, expected, author, diags);
  Check(diags);
  return outcome && !outcome->conflict;
}

std::optional<Version> Db::GetVersion(const std::string& id, int64_t version) {
  Diagnostics diags;
  if (version <= 0) {
    auto d = impl_->store->Get(id, diags);
    Check(diags);
    if (!d) return std::nullopt;
    version = d->version;
  }
  auto v = impl_->store->GetVersion(id, version, diags);
  Check(diags);
  if (!v) return std::nullopt;
  return ToVersion(*v);
}

std::vector<Version> Db::Versions(const std::string& id) {
  Diagnostics diags;
  std::vector<Version> out;
  for (const auto& info : impl_->store->ListVersions(id, diags)) {
    Version v{info.version, info.author, Shown(info.saved_at), "", ""};
    if (auto full = impl_->store->GetVersion(id, info.version, diags)) {
      std::string ignored;
      Unpack(full->payload.substr(0, full->payload.find('\n') + 1), v.note, ignored);
    }
    out.push_back(v);
  }
  Check(diags);
  std::sort(out.begin(), out.end(),
            [](const Version& a, const Version& b) { return a.version > b.version; });
  return out;
}

namespace db_detail {
Decision ToDecision(const store::ReviewDecision& r) {
  return {r.doc_id, r.decision, r.opinion, r.reviewer, Shown(r.decided_at), r.version};
}
}  // namespace db_detail

bool Db::Decide(const Decision& d) {
  Diagnostics diags;
  auto outcome =
      impl_->store->Decide({0, d.doc, d.version, d.decision, d.opinion, d.reviewer, ""}, diags);
  Check(diags);
  return outcome && !outcome->conflict;
}

std::vector<Decision> Db::Decisions(const std::string& doc) {
  Diagnostics diags;
  std::vector<Decision> out;
  for (const auto& r : impl_->store->Decisions(doc, diags)) out.push_back(ToDecision(r));
  Check(diags);
  return out;
}

std::map<std::string, Decision> Db::LatestDecisions(const std::string& kind,
                                                    const std::string& region) {
  Diagnostics diags;
  std::map<std::string, Decision> out;
  for (const auto& r : impl_->store->LatestDecisions(kind, region, diags))
    out[r.doc_id] = ToDecision(r);
  Check(diags);
  return out;
}

void Db::Audit(const std::string& who, const std::string& action, const std::string& object,
               const std::string& before, const std::string& after) {
  Diagnostics diags;
  store::AuditEntry e;
  e.who = who;
  size_t colon = object.find(':');
  e.object_kind = object.substr(0, colon);
  e.object_id = colon == std::string::npos ? "" : object.substr(colon + 1);
  e.field = action, e.old_value = before, e.new_value = after;
  impl_->store->AppendAudit(e, diags);
  Check(diags);
}

std::vector<Db::AuditEntry> Db::AuditLog(int limit) {
  Diagnostics diags;
  store::AuditFilter f;
  f.limit = 1000000;
  auto all = impl_->store->ListAudit(f, diags);
  Check(diags);
  std::vector<AuditEntry> out;
  for (auto it = all.rbegin(); it != all.rend() && static_cast<int>(out.size()) < limit; ++it)
    out.push_back({Shown(it->at), it->who, it->field,
                   it->object_kind + (it->object_id.empty() ? "" : ":" + it->object_id),
                   it->old_value, it->new_value});
  return out;
}

std::vector<Db::AuditEntry> Db::ObjectAudit(const std::string& kind, const std::string& id) {
  Diagnostics diags;
  store::AuditFilter f;
  f.object_kind = kind;
  f.limit = 1000000;
  auto all = impl_->store->ListAudit(f, diags);
  Check(diags);
  std::vector<AuditEntry> out;
  for (const auto& e : all)
    if (e.object_id == id || e.object_id.rfind(id + " ", 0) == 0)
      out.push_back({Shown(e.at), e.who, e.field, e.object_kind + ":" + e.object_id, e.old_value,
                     e.new_value});
  return out;
}

int64_t Db::AddJob(const Job& j) {
  Diagnostics diags;
  auto id =
      impl_->store->CreateJob(j.kind, j.owner, "{\"doc\":\"" + j.doc + "\"}", diags, j.worker);
  Check(diags);
  if (!id) throw std::runtime_error("无法建立后台任务");
  return *id;
}

void Db::UpdateJob(int64_t id, const std::string& state, int progress, const std::string& message,
                   const std::string& result_name) {
  Diagnostics diags;
  if (state == "done")
    impl_->store->FinishJob(id, result_name, diags);
  else if (state == "failed")
    impl_->store->FailJob(id, message, diags);
  else
    impl_->store->SetJobProgress(id, progress, 100, diags);
  Check(diags);
}

std::optional<Job> Db::GetJob(int64_t id) {
  Diagnostics diags;
  auto j = impl_->store->GetJob(id, diags);
  Check(diags);
  if (!j) return std::nullopt;
  Job out;
  out.id = j->id, out.kind = j->kind, out.owner = j->owner;
  out.state = j->status, out.message = j->error, out.result_name = j->result_ref;
  out.worker = j->worker;
  out.progress = j->status == "done" ? 100
                 : j->total          ? static_cast<int>(j->done * 100 / j->total)
                                     : 0;
  size_t at = j->params_json.find("\"doc\":\"");
  if (at != std::string::npos) out.doc = j->params_json.substr(at + 7, 24);
  return out;
}

void Db::Heartbeat(const std::string& worker) {
  Diagnostics diags;
  impl_->store->Heartbeat(worker, store::UtcNow(), diags);
  Check(diags);
}

std::vector<Job> Db::FailStaleJobs(int64_t stale_seconds, const std::string& reason) {
  Diagnostics diags;
  std::vector<Job> out;
  for (const auto& j : impl_->store->FailStale(store::UtcNow(-stale_seconds), reason, diags)) {
    Job job;
    job.id = j.id, job.kind = j.kind, job.owner = j.owner, job.worker = j.worker;
    job.state = "failed", job.message = reason;
    out.push_back(job);
  }
  Check(diags);
  return out;
}

std::vector<std::string> Db::RunningWorkers() {
  Diagnostics diags;
  auto out = impl_->store->RunningWorkers(diags);
  Check(diags);
  return out;
}

int Db::FailWorker(const std::string& worker, const std::string& reason) {
  Diagnostics diags;
  auto n = impl_->store->FailWorker(worker, reason, diags);
  Check(diags);
  return n ? static_cast<int>(*n) : 0;
}

bool Db::FinishJobWithFile(int64_t id, const std::string& name, const std::string& bytes) {
  Diagnostics diags;
  bool ok = impl_->store->FinishJobWithFile(id, {name, bytes}, diags);
  Check(diags);
  return ok;
}

std::optional<std::string> Db::JobFileBytes(int64_t id) {
  Diagnostics diags;
  auto file = impl_->store->GetJobFile(id, diags);
  Check(diags);
  if (!file) return std::nullopt;
  return std::move(file->bytes);
}

std::pair<int64_t, int64_t> Db::LoginFailures(const std::string& key) {
  Diagnostics diags;
  auto f = impl_->store->GetLoginFailures(key, diags);
  Check(diags);
  return f ? std::make_pair(f->failures, f->last) : std::make_pair<int64_t, int64_t>(0, 0);
}

void Db::RecordLoginFailure(const std::string& key, int64_t now, int64_t window) {
  Diagnostics diags;
  impl_->store->RecordLoginFailure(key, now, window, diags);
  Check(diags);
}

void Db::ClearLoginFailures(const std::string& key) {
  Diagnostics diags;
  impl_->store->ClearLoginFailures(key, diags);
  Check(diags);
}

}  // namespace jixiao::web
