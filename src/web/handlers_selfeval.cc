// The unit's 自评表: upload form.csv (with budget/summary/project CSVs when it has them), see each
// row's printed and recomputed score with the 复核 findings, type 实际完成值 / 得分 / 偏差原因 and
// watch the score update (each save a version), download the 复核 workbook. The bureau's 复核
// list sorts its region's forms by the gap between printed and recomputed 总分.
// Every call goes through app/selfeval_app.h, as `jixiao selfeval check` does.
#include <algorithm>

#include "app/selfeval_app.h"
#include "core/format.h"
#include "core/temp_files.h"
#include "web/crypto.h"
#include "web/handlers.h"

namespace jixiao::web {
namespace {

constexpr size_t kMaxEdits = 2000;

// A version's content: parts "NAME SIZE\n" + bytes; NAME: form, budget, summary, project, edits.
std::string PackParts(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string out;
  for (const auto& [name, bytes] : parts)
    out += name + " " + std::to_string(bytes.size()) + "\n" + bytes;
  return out;
}

std::map<std::string, std::string> UnpackParts(const std::string& content) {
  std::map<std::string, std::string> out;
  size_t at = 0;
  while (at < content.size()) {
    size_t nl = content.find('\n', at);
    if (nl == std::string::npos) break;
    std::string head = content.substr(at, nl - at);
    size_t sp = head.find(' ');
    if (sp == std::string::npos) break;
    size_t size = std::stoul(head.substr(sp + 1));
    out[head.substr(0, sp)] = content.substr(nl + 1, size);
    at = nl + 1 + size;
  }
  return out;
}

struct Edit {
  size_t row;
  std::string field, text;
};

std::vector<Edit> ReadEdits(const std::string& text) {
  std::vector<Edit> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    std::string line = text.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
    at = nl == std::string::npos ? text.size() : nl + 1;
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    out.push_back(
        {std::stoul(line.substr(0, a)), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
  }
  return out;
}

std::string OneLine(std::string s) {
  for (auto& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

struct Loaded {
  SelfEvalCheck check;
  std::map<std::string, std::string> parts;
};

Loaded Load(const std::string& content, const std::string& name) {
  Loaded l;
  l.parts = UnpackParts(content);
  SelfEvalCsvInput in;
  in.name = name;
  in.form_csv = l.parts["form"];
  for (const char* k : {"budget", "summary", "project"})
    if (l.parts.count(k))
      (k[0] == 'b' ? in.budget_csv : k[0] == 's' ? in.summary_csv : in.project_csv) = l.parts[k];
  Diagnostics diags;
  auto rules = ResolveSelfEvalRules("", diags);
  auto hubei = ResolveSelfEvalRules("selfeval-hubei", diags);
  if (!rules) throw std::runtime_error("找不到自评表规则 selfeval-national");
  l.check = CheckSelfEvalBytes(in, *rules, hubei ? &*hubei : nullptr);
  if (l.check.form && l.parts.count("edits")) {
    for (const auto& e : ReadEdits(l.parts["edits"])) {
      std::string why;
      EditSelfEval(*l.check.form, e.row, e.field, e.text, &why);
    }
    l.check.result = RescoreSelfEval(*l.check.form, *rules);
  }
  return l;
}

int64_t Hundredths(const std::optional<Rational>& r) { return r ? r->RoundScaled(2) : 0; }
std::string Points(const std::optional<Rational>& r) { return r ? FormatPoints(*r) : ""; }

void Record(Doc& d, const SelfEvalResult& r) {
  d.claimed = r.claimed_total ? Hundredths(r.claimed_total) : -1;  // -1: no printed 总分
  d.computed = Hundredths(r.computed_total);
  d.findings = static_cast<int64_t>(r.AllFindings().size());
  d.grade = r.computed_grade;
}

Response Show(Ctx& ctx, const Doc& doc, const std::string& message, int status) {
  auto version = ctx.server.db().GetVersion(doc.id, 0);
  Loaded l = Load(version->content, doc.title);
  const SelfEvalResult& r = l.check.result;
  if (ctx.req.api)
    return Json("{\"id\":" + Q(doc.id) + ",\"version\":" + std::to_string(doc.version) +
                    ",\"result\":" + SelfEvalJson(r) +
                    (message.empty() ? "" : ",\"message\":" + Q(message)) + "}",
                status);
  Data rows = List(), general = List(), reading = List();
  for (const auto& d : l.check.reading.items()) reading.push_back(DiagnosticData(d));
  for (const auto& d : r.findings) general.push_back(DiagnosticData(d));
  for (const auto& d : r.budget.findings) general.push_back(DiagnosticData(d));
  for (const auto& row : r.rows) {
    const SelfEvalRow& src = l.check.form->rows[row.index];
    Data findings = List();
    for (const auto& d : row.findings) findings.push_back(DiagnosticData(d));
    Data d = Object({{"index", std::to_string(row.index)},
                     {"line", std::to_string(row.line)},
                     {"indicator", row.indicator},
                     {"target", src.target.text},
                     {"actual", src.actual.text},
                     {"score", src.score.text},
                     {"reason", src.reason.text},
                     {"weight", Points(row.weight)},
                     {"computed", Points(row.computed)},
                     {"how", row.how}});
    d.set("findings", findings);
    rows.push_back(d);
  }
  Data data = Object({{"id", doc.id},
                      {"title", doc.title},
                      {"version", std::to_string(doc.version)},
                      {"updated_at", doc.updated_at},
                      {"updated_by", doc.updated_by},
                      {"message", message},
                      {"claimed", Points(r.claimed_total)},
                      {"computed", Points(r.computed_total)},
                      {"grade", r.computed_grade},
                      {"count", std::to_string(r.AllFindings().size())}});
  data.set("rows", rows);
  data.set("general", general);
  data.set("reading", reading);
  data.set("can_edit", ctx.user->role == "unit");
  return ctx.server.Page(ctx, "selfeval_show", "自评表：" + doc.title, data, status);
}

}  // namespace

Response SelfEvalList(Ctx& ctx) {
  std::vector<std::string> items;
  Data list = List();
  for (const auto& d : ctx.server.db().Docs("selfeval")) {
    if (!CanReach(*ctx.user, d)) continue;
    items.push_back("{\"id\":" + Q(d.id) + ",\"title\":" + Q(d.title) + ",\"year\":" + Q(d.year) +
                    ",\"version\":" + std::to_string(d.version) + "}");
    list.push_back(Object({{"id", d.id},
                           {"title", d.title},
                           {"year", d.year},
                           {"claimed", d.claimed < 0 ? "未填总分" : FormatScore(Score{d.claimed})},
                           {"computed", FormatScore(Score{d.computed})},
                           {"version", std::to_string(d.version)}}));
  }
  if (ctx.req.api) return Json("{\"selfevals\":" + JsonArray(items) + "}");
  Data data;
  data.set("forms", list);
  return ctx.server.Page(ctx, "selfeval_list", "自评表", data);
}

Response SelfEvalUpload(Ctx& ctx) {
  const Upload* form = ctx.req.File("form");
  if (!form || form->bytes.empty())
    return ctx.server.Error(
        ctx, 422,
        "请选择自评表 "
        "form.csv（表头：一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因）");
  std::vector<std::pair<std::string, std::string>> parts = {{"form", form->bytes}};
  for (const char* k : {"budget", "summary", "project"})
    if (const Upload* u = ctx.req.File(k); u && !u->bytes.empty()) parts.push_back({k, u->bytes});
  Doc doc;
  doc.id = RandomHex(12);
  doc.kind = "selfeval";
  doc.title = ctx.req.Field("title").empty() ? ctx.user->unit + "自评表" : ctx.req.Field("title");
  doc.unit = ctx.user->unit;
  doc.region = ctx.user->region;
  doc.year = ctx.req.Field("year");
  doc.owner = ctx.user->id;
  std::string content = PackParts(parts);
  Loaded l;
  try {
    l = Load(content, doc.title);
  } catch (const InputError& e) {
    return ctx.server.Error(ctx, 422, "无法读取自评表", {DiagnosticLine(e.diagnostic)});
  }
  if (!l.check.form) {
    std::vector<std::string> items;
    for (const auto& d : l.check.reading.items()) items.push_back(DiagnosticLine(d));
    return ctx.server.Error(ctx, 422, "无法读取自评表，请按下列位置修改后重新上传", items);
  }
  Record(doc, l.check.result);
  ctx.server.db().AddDoc(doc, content, ctx.user->name, "上传");
  // AddDoc keeps the fields given: the results are part of version 1.
  ctx.server.Audit(
      ctx, "selfeval.upload", "selfeval:" + doc.id, "",
      "自评分 " + FormatScore(Score{doc.claimed}) + "，复核分 " + FormatScore(Score{doc.computed}));
  if (ctx.req.api)
    return Json("{\"id\":" + Q(doc.id) +
                    ",\"version\":1,\"location\":" + Q("/api/v1/selfevals/" + doc.id) + "}",
                201);
  return Redirect("/selfevals/" + doc.id);
}

Response SelfEvalShow(Ctx& ctx) { return Show(ctx, *ctx.doc, ctx.req.Field("message"), 200); }

Response SelfEvalEdit(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  int64_t expected = -1;
  try {
    expected = std::stoll(ctx.req.Field("version"));
  } catch (...) {
    return ctx.server.Error(ctx, 422, "请求缺少 version（当前版本号）");
  }
  if (expected != doc.version)
    return Show(ctx, doc,
                "未保存：该自评表已由 " + doc.updated_by + " 于 " + doc.updated_at + " 保存为第 " +
                    std::to_string(doc.version) + " 版。下面是最新内容，请重新填写后保存。",
                409);
  auto version = ctx.server.db().GetVersion(doc.id, 0);
  Loaded l = Load(version->content, doc.title);
  if (!l.check.form) return ctx.server.Error(ctx, 422, "无法读取自评表");
  std::string edits = l.parts["edits"];
  std::vector<std::string> audit;
  static const std::pair<const char*, const char*> kFields[] = {
      {"a_", "实际完成值"}, {"s_", "得分"}, {"r_", "偏差原因"}};
  for (size_t i = 0; i < l.check.form->rows.size(); ++i) {
    const SelfEvalRow& row = l.check.form->rows[i];
    for (const auto& [prefix, field] : kFields) {
      std::string key = prefix + std::to_string(i);
      if (!ctx.req.form.count(key)) continue;
      std::string typed = OneLine(ctx.req.form.at(key)).substr(0, 2000);
      const std::string& before = prefix[0] == 'a'   ? row.actual.text
                                  : prefix[0] == 's' ? row.score.text
                                                     : row.reason.text;
      if (typed == before) continue;
      SelfEvaluation probe = *l.check.form;
      std::string why;
      if (!EditSelfEval(probe, i, field, typed, &why))
        return ctx.server.Error(ctx, 422,
                                "第" + std::to_string(row.line) + "行 " + field + "：" + why);
      edits += std::to_string(i) + "\t" + field + "\t" + typed + "\n";
      ctx.server.Audit(
          ctx, std::string("selfeval.edit ") + field,
          "selfeval:" + doc.id + " 第" + std::to_string(row.line) + "行 " + row.indicator(), before,
          typed);
      audit.push_back(field);
    }
  }
  if (audit.empty()) return Redirect("/selfevals/" + doc.id + "?message=" + UrlEncode("没有改动"));
  if (audit.size() > kMaxEdits) return ctx.server.Error(ctx, 413, "一次改动过多");
  auto parts = l.parts;
  parts["edits"] = edits;
  std::vector<std::pair<std::string, std::string>> list(parts.begin(), parts.end());
  std::string content = PackParts(list);
  Doc updated = doc;
  Record(updated, Load(content, doc.title).check.result);
  if (!ctx.server.db().SaveVersion(updated, expected, content, ctx.user->name,
                                   "填写 " + std::to_string(audit.size()) + " 处"))
    return Show(ctx, doc, "未保存：该自评表刚被他人保存，请刷新后重新填写。", 409);
  std::string note = "已保存第 " + std::to_string(expected + 1) + " 版：复核分 " +
                     FormatScore(Score{updated.computed});
  if (ctx.req.api)
    return Json("{\"version\":" + std::to_string(expected + 1) + ",\"message\":" + Q(note) + "}");
  return Redirect("/selfevals/" + doc.id + "?message=" + UrlEncode(note));
}

Response SelfEvalDownload(Ctx& ctx) {
  const std::string& format = ctx.req.params["format"];
  auto version = ctx.server.db().GetVersion(ctx.doc->id, 0);
  Loaded l = Load(version->content, ctx.doc->title);
  if (format == "json")
    return Download(SelfEvalJson(l.check.result), "复核结果.json", "application/json");
  if (format != "xlsx") return ctx.server.Error(ctx, 404, "只能下载 xlsx 或 json");
  std::lock_guard<std::mutex> lock(ctx.server.work_mutex());
  ScratchFolder scratch(ctx.server.options().data_dir);
  temp::SetScratchDir(scratch.path());
  auto files = SelfEvalReviewFiles({l.check});
  for (auto& f : files)
    if (f.name != "复核汇总.xlsx")
      return Download(std::move(f.bytes), f.name,
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  if (files.empty()) return ctx.server.Error(ctx, 422, "无法生成复核表");
  return Download(std::move(files.front().bytes), files.front().name,
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

std::vector<SelfEvalCheck> RegionSelfEvalChecks(Server& server, const User& user) {
  std::vector<SelfEvalCheck> out;
  for (const auto& d : server.db().Docs("selfeval")) {
    if (!CanReach(user, d)) continue;
    auto version = server.db().GetVersion(d.id, 0);
    if (version) out.push_back(Load(version->content, d.unit + "-" + d.title).check);
  }
  return out;
}

Response ReviewList(Ctx& ctx) {
  std::vector<Doc> forms;
  for (auto& d : ctx.server.db().Docs("selfeval"))
    if (CanReach(*ctx.user, d)) forms.push_back(d);
  // Largest gap first; forms without a printed 总分 after those with one.
  auto gap_of = [](const Doc& d) {
    return d.claimed < 0 ? -1 : std::llabs(d.claimed - d.computed);
  };
  std::stable_sort(forms.begin(), forms.end(),
                   [&](const Doc& a, const Doc& b) { return gap_of(a) > gap_of(b); });
  std::vector<std::string> items;
  Data list = List();
  for (const auto& d : forms) {
    Score gap{d.claimed - d.computed};
    bool printed = d.claimed >= 0;
    items.push_back("{\"id\":" + Q(d.id) + ",\"title\":" + Q(d.title) + ",\"unit\":" + Q(d.unit) +
                    ",\"claimed\":" + (printed ? FormatScoreNumber(Score{d.claimed}) : "null") +
                    ",\"computed\":" + FormatScoreNumber(Score{d.computed}) +
                    ",\"gap\":" + (printed ? FormatScoreNumber(gap) : "null") +
                    ",\"findings\":" + std::to_string(d.findings) + "}");
    list.push_back(Object({{"id", d.id},
                           {"title", d.title},
                           {"unit", d.unit},
                           {"year", d.year},
                           {"claimed", printed ? FormatScore(Score{d.claimed}) : "未填总分"},
                           {"computed", FormatScore(Score{d.computed})},
                           {"gap", printed ? FormatScore(gap) : ""},
                           {"findings", std::to_string(d.findings)}}));
  }
  if (ctx.req.api) return Json("{\"review\":" + JsonArray(items) + "}");
  Data data;
  data.set("forms", list);
  return ctx.server.Page(ctx, "review", "自评表复核清单：" + ctx.user->region, data);
}

}  // namespace jixiao::web
