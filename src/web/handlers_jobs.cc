// Long work as background jobs: the report PDF (LibreOffice lays it out twice for the TOC's page
// numbers, which takes tens of seconds). A job is a row in the store with its progress; the page
// polls /api/v1/jobs/{id}, so the bar survives a reload. A job carries the worker token of the
// process running it, whose heartbeat keeps it alive (web/job_keeper); a job of a process that is
// gone is failed with a reason. The finished file is kept in the store, so any process serving the
// same store answers the download (jobs finished before schema 6 are read from DATA/jobs/ID.pdf).
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/pipeline.h"
#include "app/report_files.h"
#include "core/temp_files.h"
#include "report/builder.h"
#include "web/case_snapshot.h"
#include "web/handlers.h"

namespace jixiao::web {
namespace fs = std::filesystem;

namespace {

// Where a job finished before schema 6 kept its file.
std::string JobFile(Server& server, int64_t id) {
  return server.options().data_dir + "/jobs/" + std::to_string(id) + ".pdf";
}

void RunPdfJob(Server* server, int64_t job, std::string doc_id) {
  Db& db = server->db();
  try {
    // The case as it is now, copied under its lock; the layout (tens of seconds) then runs on the
    // copy without holding up edits of the case.
    std::string snapshot;
    {
      auto lock = server->LockObject(doc_id);
      auto doc = db.GetDoc(doc_id);
      if (!doc) {
        db.UpdateJob(job, "failed", 0, "该评价已不存在", "");
        return;
      }
      server->SyncCase(doc_id, doc->version);
      snapshot = SnapshotCase(server->CaseDir(doc_id));
    }
    db.UpdateJob(job, "running", 10, "正在读取评价数据并评分", "");
    ScratchFolder scratch(server->options().data_dir);
    temp::SetScratchDir(scratch.path());
    std::string case_dir = scratch.path() + "/case", error;
    if (!RestoreCase(snapshot, case_dir, error)) {
      db.UpdateJob(job, "failed", 0, error, "");
      return;
    }
    Diagnostics diags;
    auto evaluation = EvaluateCaseDir(case_dir, diags);
    if (!evaluation) {
      db.UpdateJob(job, "failed", 0, "评价尚不能评分，请先处理核验清单中的错误", "");
      return;
    }
    db.UpdateJob(job, "running", 30,
                 "正在排版报告并转换为 PDF（这一步最慢，服务器繁忙时可能需要几分钟）", "");
    auto files = RenderReport(*evaluation, {"pdf"}, report::DefaultTemplateDir(), diags,
                              {scratch.path(), true});
    const OutputFile* pdf = nullptr;
    if (files)
      for (const auto& f : *files)
        if (f.name.size() > 4 && f.name.substr(f.name.size() - 4) == ".pdf") pdf = &f;
    if (!pdf) {
      std::string why = "生成 PDF 失败";
      for (const auto& d : diags.items())
        if (d.severity == Severity::kError) {
          // The install advice is the administrator's, not a command for the page's user.
          why += "：" + (d.code == "pdf.no_office"
                             ? std::string("服务器上未安装 LibreOffice，请联系系统管理员安装；"
                                           "也可先在评价页下载 DOCX")
                             : d.message);
          break;
        }
      db.UpdateJob(job, "failed", 0, why, "");
      return;
    }
    if (!db.FinishJobWithFile(job, "report.pdf", pdf->bytes))
      std::fprintf(stderr, "jixiao serve: PDF job %lld finished after it was failed\n",
                   static_cast<long long>(job));
  } catch (const std::exception& e) {
    try {
      db.UpdateJob(job, "failed", 0, "生成 PDF 时出错，已记录；请稍后重试", "");
    } catch (...) {
    }
    std::fprintf(stderr, "jixiao serve: PDF job %lld: %s\n", static_cast<long long>(job), e.what());
  }
}

const char* StateLabel(const std::string& state) {
  return state == "done" ? "已完成" : state == "failed" ? "失败" : "进行中";
}

}  // namespace

Response PdfJobStart(Ctx& ctx) {
  Job j;
  j.kind = "pdf";
  j.doc = ctx.doc->id;
  j.owner = ctx.user->id;
  j.worker = ctx.server.jobs().worker();
  int64_t id = ctx.server.db().AddJob(j);
  ctx.server.Audit(ctx, "job.pdf", "evaluation:" + ctx.doc->id, "", "任务 " + std::to_string(id));
  std::thread(RunPdfJob, &ctx.server, id, ctx.doc->id).detach();
  if (ctx.req.api)
    return Json("{\"job\":" + std::to_string(id) +
                    ",\"location\":" + Q("/api/v1/jobs/" + std::to_string(id)) + "}",
                202);
  return Redirect("/jobs/" + std::to_string(id));
}

Response JobShow(Ctx& ctx) {
  Job j = *ctx.job;
  // A finished job's message is its end, not the last step it was on.
  if (j.state == "done") j.message = "已完成：PDF 已生成，请下载";
  if (ctx.req.api)
    return Json("{\"id\":" + std::to_string(j.id) + ",\"kind\":" + Q(j.kind) +
                ",\"state\":" + Q(j.state) + ",\"progress\":" + std::to_string(j.progress) +
                ",\"message\":" + Q(j.message) + ",\"download\":" +
                (j.state == "done" ? Q("/jobs/" + std::to_string(j.id) + "/download")
                                   : std::string("null")) +
                "}");
  Data data = Object({{"id", std::to_string(j.id)},
                      {"state", j.state},
                      {"state_label", StateLabel(j.state)},
                      {"progress", std::to_string(j.progress)},
                      {"message", j.message},
                      {"doc", j.doc}});
  data.set("done", j.state == "done");
  data.set("failed", j.state == "failed");
  data.set("running", j.state == "running");
  return ctx.server.Page(ctx, "job", "报告 PDF（后台任务）", data);
}

// The PDF saved under its evaluation's name, as the DOCX is (标题-评价报告.pdf).
std::string PdfName(Ctx& ctx, const Job& j) {
  auto doc = ctx.server.db().GetDoc(j.doc);
  return doc ? doc->title + "-评价报告.pdf" : std::string("评价报告.pdf");
}

Response JobDownload(Ctx& ctx) {
  const Job& j = *ctx.job;
  if (j.state != "done") return ctx.server.Error(ctx, 404, "任务尚未完成");
  if (auto bytes = ctx.server.db().JobFileBytes(j.id))
    return Download(std::move(*bytes), PdfName(ctx, j), "application/pdf");
  std::ifstream in(JobFile(ctx.server, j.id), std::ios::binary);
  if (!in) return ctx.server.Error(ctx, 404, "找不到任务结果，请重新生成");
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  return Download(std::move(bytes), PdfName(ctx, j), "application/pdf");
}

}  // namespace jixiao::web
