#include "web/server.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>
#include <signal.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "web/case_snapshot.h"
#include "web/crypto.h"

namespace jixiao::web {
namespace fs = std::filesystem;

namespace {

struct TooLarge {};

// Keeps each uploaded part in memory, refusing one larger than kMaxUpload.
class MemoryParts : public Poco::Net::PartHandler {
 public:
  explicit MemoryParts(std::vector<Upload>& out) : out_(out) {}
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    Upload u;
    if (header.has("Content-Disposition")) {
      std::string disp;
      Poco::Net::NameValueCollection params;
      Poco::Net::MessageHeader::splitParameters(header["Content-Disposition"], disp, params);
      u.field = params.get("name", "");
      u.filename = params.get("filename", "");
    }
    char buf[65536];
    while (stream.read(buf, sizeof buf) || stream.gcount() > 0) {
      u.bytes.append(buf, static_cast<size_t>(stream.gcount()));
      if (u.bytes.size() > kMaxUpload) throw TooLarge{};
    }
    if (out_.size() >= 8) throw TooLarge{};
    out_.push_back(std::move(u));
  }

 private:
  std::vector<Upload>& out_;
};

// Reads the request into `req`; false when the body is larger than kMaxBody.
bool ReadRequest(Poco::Net::HTTPServerRequest& in, Request& req) {
  Poco::URI uri(in.getURI());
  req.method = in.getMethod();
  req.path = uri.getPath();
  req.query = ParseQuery(uri.getRawQuery());
  req.remote = in.clientAddress().host().toString();
  req.api = req.path.rfind("/api/v1/", 0) == 0;
  req.csrf_header = in.get("X-CSRF-Token", "");
  Poco::Net::NameValueCollection cookies;
  in.getCookies(cookies);
  for (const auto& [k, v] : cookies) req.cookies[k] = v;
  if (in.hasContentLength() && in.getContentLength64() > static_cast<int64_t>(kMaxBody))
    return false;
  if (req.method != "POST") return true;
  std::string body;
  char buf[65536];
  std::istream& s = in.stream();
  while (s.read(buf, sizeof buf) || s.gcount() > 0) {
    body.append(buf, static_cast<size_t>(s.gcount()));
    if (body.size() > kMaxBody) return false;
  }
  std::string type = in.getContentType();
  if (type.rfind("multipart/form-data", 0) == 0) {
    std::istringstream stream(body);
    Poco::Net::HTMLForm form;
    form.setFieldLimit(static_cast<int>(kMaxFields));
    MemoryParts parts(req.files);
    form.load(in, stream, parts);
    for (const auto& [k, v] : form) req.form[k] = v;
  } else if (type.rfind("application/x-www-form-urlencoded", 0) == 0) {
    req.form = ParseQuery(body);
  }
  return true;
}

void Write(const Response& r, const Request& req, Poco::Net::HTTPServerResponse& out) {
  out.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(r.status));
  out.set("Content-Security-Policy",
          !r.framed_csp.empty()
              ? r.framed_csp
              : "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                "base-uri 'none'; form-action 'self'");
  out.set("X-Content-Type-Options", "nosniff");
  out.set("X-Frame-Options", r.framed_csp.empty() ? "DENY" : "SAMEORIGIN");
  out.set("Referrer-Policy", "no-referrer");
  if (req.tls) out.set("Strict-Transport-Security", "max-age=31536000");
  if (req.path.rfind("/static/", 0) != 0) out.set("Cache-Control", "no-store");
  for (const auto& [name, value] : r.cookies) out.add("Set-Cookie", name + "=" + value);
  if (!r.location.empty()) out.set("Location", r.location);
  if (!r.download_name.empty()) out.set("Content-Disposition", ContentDisposition(r.download_name));
  out.setContentType(r.content_type);
  out.setContentLength64(static_cast<int64_t>(r.body.size()));
  out.send().write(r.body.data(), static_cast<std::streamsize>(r.body.size()));
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(Server& server, bool tls) : server_(server), tls_(tls) {}
  void handleRequest(Poco::Net::HTTPServerRequest& in,
                     Poco::Net::HTTPServerResponse& out) override {
    Request req;
    req.tls = tls_;
    Response r;
    try {
      if (!ReadRequest(in, req)) {
        Ctx ctx{server_, req, std::nullopt, "", std::nullopt, std::nullopt};
        r = server_.Error(ctx, 413, "请求过大：上传文件不能超过 10 MB，请拆分或压缩后再上传");
      } else {
        r = server_.Dispatch(req);
      }
    } catch (const TooLarge&) {
      Ctx ctx{server_, req, std::nullopt, "", std::nullopt, std::nullopt};
      r = server_.Error(ctx, 413, "上传的文件过大或过多：每个文件不能超过 10 MB");
    } catch (const std::exception& e) {
      Ctx ctx{server_, req, std::nullopt, "", std::nullopt, std::nullopt};
      r = server_.Error(ctx, 400, "无法读取请求：请检查上传的表单或文件后重试");
    }
    try {
      Write(r, req, out);
    } catch (...) {
      // The client went away.
    }
  }

 private:
  Server& server_;
  bool tls_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Factory(Server& server, bool tls) : server_(server), tls_(tls) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new Handler(server_, tls_);
  }

 private:
  Server& server_;
  bool tls_;
};

std::string SessionCookie(const std::string& value, bool tls, bool clear) {
  return value + "; Path=/; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : "") +
         (clear ? "; Max-Age=0" : "");
}

}  // namespace

std::string MakeSessionCookie(const std::string& token, bool tls, bool clear) {
  return SessionCookie(token, tls, clear);
}

ScratchFolder::ScratchFolder(const std::string& data_dir) {
  path_ = data_dir + "/tmp/" + RandomHex(12);
  fs::create_directories(path_);
}

ScratchFolder::~ScratchFolder() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string Server::CaseDir(const std::string& doc_id) const {
  return options_.data_dir + "/cases/" + doc_id;
}

Server::ObjectLock Server::LockObject(const std::string& id) {
  std::shared_ptr<std::mutex> one;
  {
    std::lock_guard<std::mutex> lock(locks_mu_);
    auto& slot = object_locks_[id];
    if (!slot) slot = std::make_shared<std::mutex>();
    one = slot;
  }
  ObjectLock out{std::shared_lock<std::shared_mutex>(cases_mu_),
                 std::unique_lock<std::mutex>(*one)};
  return out;
}

namespace {
std::string MarkerPath(const std::string& case_dir) { return case_dir + ".version"; }
}  // namespace

void Server::SyncCase(const std::string& id, int64_t version) {
  std::string dir = CaseDir(id);
  std::string held;
  {
    std::ifstream in(MarkerPath(dir));
    std::getline(in, held);
  }
  if (held == std::to_string(version)) return;
  auto v = db_->GetVersion(id, version);
  std::string error;
  // A version saved before snapshots were kept: this folder is the only copy; leave it.
  if (!v || !IsCaseSnapshot(v->content)) return;
  if (!RestoreCase(v->content, dir, error))
    throw std::runtime_error("案例文件夹未能与数据库同步：" + error);
  CaseSaved(id, version, true);
}

void Server::CaseSaved(const std::string& id, int64_t version, bool saved) {
  std::string marker = MarkerPath(CaseDir(id));
  std::error_code ec;
  if (!saved) {
    fs::remove(marker, ec);  // the folder is ahead of the store: the next request syncs it
    return;
  }
  std::string temp = marker + ".tmp";
  {
    std::ofstream out(temp);
    out << version << "\n";
  }
  fs::rename(temp, marker, ec);
}

void Server::Audit(Ctx& ctx, const std::string& action, const std::string& object,
                   const std::string& before, const std::string& after) {
  db_->Audit(ctx.user ? ctx.user->name : "", action, object, before, after);
}

Response Server::Dispatch(Request& req) {
  Ctx ctx{*this, req, std::nullopt, "", std::nullopt, std::nullopt};
  // The session, when a cookie names one (an unknown address's page shows the navigation too).
  auto cookie = req.cookies.find("jx_session");
  std::string session_hash;  // set for a live session: its one-time messages
  if (cookie != req.cookies.end() && cookie->second.size() == 64) {
    auto session = db_->TouchSession(Sha256Hex(cookie->second), options_.idle_seconds);
    if (session) {
      ctx.user = db_->GetUser(session->user_id);
      ctx.csrf = session->csrf;
      session_hash = Sha256Hex(cookie->second);
    }
  }
  // A page after a form post shows the message the post left for this session, once.
  if (!session_hash.empty() && !req.api && req.method == "GET")
    if (std::string flash = db_->TakeFlash(session_hash); !flash.empty())
      req.form["message"] = flash;
  const Route* route = MatchRoute(req.method, req.path, req.params);
  if (!route)
    return Error(ctx, PathKnown(req.path) ? 405 : 404,
                 PathKnown(req.path) ? "该地址不接受这种请求方式" : "找不到该页面，请从首页进入");
  if (!(route->roles & kPublic)) {
    if (!ctx.user) {
      if (req.api) return Error(ctx, 401, "请先登录（会话不存在或已超时）");
      return Redirect("/login");
    }
    if (!(route->roles & RoleBit(ctx.user->role)))
      return Error(ctx, 403,
                   std::string("您的账号（") + RoleLabel(ctx.user->role) + "）无权进行此操作");
    if (route->changes_state) {
      std::string sent = req.csrf_header.empty() ? req.Field("csrf") : req.csrf_header;
      if (ctx.csrf.empty() || !ConstantTimeEqual(sent, ctx.csrf))
        return Error(ctx, 403, "安全校验失败（CSRF 令牌缺失或不符）：请刷新页面后重新提交");
    }
  }
  ObjectLock lock;
  if (route->object == ObjectKind::kTargets || route->object == ObjectKind::kEvaluation ||
      route->object == ObjectKind::kSelfEval) {
    const char* kind = route->object == ObjectKind::kTargets      ? "targets"
                       : route->object == ObjectKind::kEvaluation ? "evaluation"
                                                                  : "selfeval";
    auto doc = db_->GetDoc(req.params["id"]);
    if (!doc || doc->kind != kind || !CanReach(*ctx.user, *doc))
      return Error(ctx, 404, "找不到该对象，或它不在您的权限范围内");
    // The document's lock for the whole request, then its latest version (a save may have come
    // in while waiting), and for an evaluation its case folder brought to that version.
    lock = LockObject(doc->id);
    doc = db_->GetDoc(doc->id);
    if (!doc) return Error(ctx, 404, "找不到该对象，或它不在您的权限范围内");
    ctx.doc = std::move(doc);
  } else if (route->object == ObjectKind::kJob) {
    std::optional<Job> job;
    try {
      job = db_->GetJob(std::stoll(req.params["id"]));
    } catch (...) {
    }
    // A job about a document is reached only while the document is (a colleague removed from
    // a shared evaluation loses its jobs on it too).
    std::optional<Doc> about;
    if (job && !job->doc.empty()) about = db_->GetDoc(job->doc);
    if (!job || !CanReachJob(*ctx.user, *job) ||
        (!job->doc.empty() && (!about || !CanReach(*ctx.user, *about))))
      return Error(ctx, 404, "找不到该任务，或它不在您的权限范围内");
    ctx.job = std::move(job);
  }
  try {
    if (ctx.doc && ctx.doc->kind == "evaluation") SyncCase(ctx.doc->id, ctx.doc->version);
    Response r = route->handler(ctx);
    // The message a post's redirect carries is kept for the session, not in the address.
    if (!session_hash.empty() && !r.location.empty())
      if (std::string message = TakeMessageParam(r.location); !message.empty())
        db_->PutFlash(session_hash, message);
    return r;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "jixiao serve: %s %s: %s\n", req.method.c_str(), req.path.c_str(),
                 e.what());
    return Error(ctx, 500, "服务器处理请求时出错，已记录；请稍后重试或联系管理员");
  }
}

int Serve(const ServeOptions& options) {
  std::unique_ptr<Db> db;
  try {
    fs::create_directories(options.data_dir + "/cases");
    fs::create_directories(options.data_dir + "/tmp");
    db = Db::Open(options.data_dir, options.db_url);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "错误：%s\n", e.what());
    return 1;
  }
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(options.data_dir + "/tmp", ec))
    fs::remove_all(entry.path(), ec);  // scratch folders of an earlier run

  size_t colon = options.listen.rfind(':');
  if (colon == std::string::npos) {
    std::fprintf(stderr, "错误：--listen 应写成 地址:端口，如 127.0.0.1:8080\n");
    return 2;
  }
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  bool tls = !options.tls_cert.empty() || !options.tls_key.empty();
  if (tls && (options.tls_cert.empty() || options.tls_key.empty())) {
    std::fprintf(stderr, "错误：--tls-cert 与 --tls-key 须同时给出\n");
    return 2;
  }
  Server server(options, std::move(db));
  try {
    // Jobs of processes that are gone are failed now (this host) or once their heartbeat is
    // stale (any host); the jobs of other live processes on the same store are left running.
    server.jobs().Start();
    std::unique_ptr<Poco::Net::ServerSocket> socket;
    if (tls) {
      // TLS 1.2 and later, the server's certificate and key (PEM); no client certificates.
      Poco::Net::Context::Ptr context =
          new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, options.tls_key,
                                 options.tls_cert, "", Poco::Net::Context::VERIFY_NONE, 9, false,
                                 "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!MD5:!RC4");
      context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                                Poco::Net::Context::PROTO_TLSV1 |
                                Poco::Net::Context::PROTO_TLSV1_1);
      socket = std::make_unique<Poco::Net::SecureServerSocket>(
          Poco::Net::SocketAddress(options.listen), 128, context);
    } else {
      socket =
          std::make_unique<Poco::Net::ServerSocket>(Poco::Net::SocketAddress(options.listen), 128);
    }
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(16);
    params->setMaxQueued(256);
    params->setKeepAlive(true);
    Poco::Net::HTTPServer http(new Factory(server, tls), *socket, params);
    http.start();
    std::printf("jixiao serve 正在监听 %s://%s/ （数据目录 %s）；按 Ctrl+C 停止\n",
                tls ? "https" : "http", socket->address().toString().c_str(),
                options.data_dir.c_str());
    std::fflush(stdout);
    int sig = 0;
    sigwait(&signals, &sig);
    std::printf("正在停止…\n");
    http.stopAll(true);
    server.jobs().Stop();
  } catch (const Poco::Exception& e) {
    std::fprintf(stderr, "错误：无法在 %s 上监听：%s\n", options.listen.c_str(),
                 e.displayText().c_str());
    return 1;
  }
  return 0;
}

}  // namespace jixiao::web
