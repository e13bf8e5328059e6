#include "app/draft_app.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/pipeline.h"
#include "casefile/case_files.h"
#include "casefile/scaffold.h"
#include "core/format.h"
#include "core/text.h"
#include "ingest/json.h"
#include "report/prose.h"
#include "report/running_text.h"
#include "report/section_drafts.h"

namespace jixiao {
namespace {

bool WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

// 主要经验及做法 from the 一级 indicators scored best (the two of highest 得分率): what the
// scores show, with the leaves at full marks; the practice behind them is the evaluator's
// 【待补充】. Written only when case.json has none.
void DraftExperiences(const Evaluation& e, JsonValue& root, std::vector<std::string>& done) {
  if (!e.c.experiences.empty()) return;
  std::vector<const IndicatorResult*> best;
  for (const auto* c : e.card.Categories())
    if (c->RatePercent()) best.push_back(c);
  std::stable_sort(best.begin(), best.end(), [](const auto* a, const auto* b) {
    return *a->RatePercent() > *b->RatePercent();
  });
  if (best.size() > 2) best.resize(2);
  if (best.empty()) return;
  JsonValue items = JsonArray();
  for (const auto* c : best) {
    std::vector<std::string> full;
    std::vector<std::string> codes;
    for (size_t i = 0; i < e.card.indicators.size(); ++i) {
      const auto& r = e.card.indicators[i];
      if (!r.leaf || r.weight.hundredths == 0 || r.score != r.weight) continue;
      int up = static_cast<int>(i);
      while (up >= 0 && &e.card.indicators[static_cast<size_t>(up)] != c)
        up = e.card.indicators[static_cast<size_t>(up)].parent;
      if (up < 0) continue;
      if (full.size() < 4) full.push_back(r.name);
      codes.push_back(r.code);
    }
    std::string label = report::CategoryLabel(c->name);
    std::string text = label + "得" + FormatScore(c->score) + "（满分" + FormatScore(c->weight) +
                       "，得分率" + FormatPercent(*c->RatePercent()) + "）";
    if (!full.empty()) {
      text += "，其中";
      for (size_t i = 0; i < full.size(); ++i) text += (i ? "、" : "") + full[i];
      text += codes.size() > full.size() ? "等" + std::to_string(codes.size()) + "项指标得满分"
                                         : "得满分";
    }
    text += "。主要做法是【待补充：取得这些结果的具体做法】。";
    JsonValue o = JsonObject(), list = JsonArray();
    JsonSet(o, "title", JsonString(label + "方面的做法"));
    JsonSet(o, "text", JsonString(text));
    for (const auto& code : codes) list.items.push_back(JsonString(code));
    if (codes.empty()) list.items.push_back(JsonString(c->code));
    JsonSet(o, "indicators", std::move(list));
    items.items.push_back(std::move(o));
  }
  JsonSet(root, "experiences", std::move(items));
  done.push_back("case.json：$.experiences 写入" + std::to_string(best.size()) +
                 "条主要经验草稿（按一级指标得分率），其中的【待补充】须写明做法");
}

// 存在问题 and 建议 from the deducted leaves, most points lost first (at most five).
void DraftObservations(const Evaluation& e, JsonValue& root, std::vector<std::string>& done) {
  report::ReportInput in{*e.framework, e.c, e.card};
  std::vector<const IndicatorResult*> lost;
  for (const auto& r : e.card.indicators)
    if (r.leaf && r.Lost().hundredths > 0) lost.push_back(&r);
  std::stable_sort(lost.begin(), lost.end(), [](const auto* a, const auto* b) {
    return a->Lost().hundredths > b->Lost().hundredths;
  });
  if (lost.size() > 5) lost.resize(5);
  if (lost.empty()) return;
  auto observation = [](const std::string& title, const std::string& text,
                        const std::string& code) {
    JsonValue o = JsonObject(), codes = JsonArray();
    JsonSet(o, "title", JsonString(report::NestQuotes(title)));  // “…‘…’…”, never “…“…”…”
    JsonSet(o, "text", JsonString(report::NestQuotes(text)));
    codes.items.push_back(JsonString(code));
    JsonSet(o, "indicators", std::move(codes));
    return o;
  };
  if (e.c.problems.empty()) {
    JsonValue problems = JsonArray();
    for (const auto* r : lost) {
      // What fell short, in the evaluator's deduction reasons or the rule's evidence; the report
      // adds which indicator shows it and the points lost (report::ProblemEvidence).
      std::vector<std::string> reasons;
      for (const auto& d : r->deductions)
        if (!Trim(d.reason).empty()) reasons.push_back(Trim(d.reason));
      if (reasons.empty() && !r->evidence.empty()) reasons.push_back(r->evidence);
      std::string text;
      for (const auto& reason : reasons) text += (text.empty() ? "" : "；") + reason;
      text = text.empty() ? "【待补充：问题的具体表现】" : "经评价，" + text + "。";
      problems.items.push_back(observation(report::SummaryPhrase(in, *r), text, r->code));
    }
    JsonSet(root, "problems", std::move(problems));
    done.push_back("case.json：$.problems 写入" + std::to_string(lost.size()) +
                   "条存在问题草稿（按扣分多少排列），请核对措辞");
  }
  if (e.c.suggestions.empty()) {
    JsonValue suggestions = JsonArray();
    for (const auto* r : lost)
      suggestions.items.push_back(observation(
          "改进" + r->name,
          report::SuggestionLead(in, {r->code}) + "建议【待补充：具体改进措施】。", r->code));
    JsonSet(root, "suggestions", std::move(suggestions));
    done.push_back("case.json：$.suggestions 写入" + std::to_string(lost.size()) +
                   "条建议草稿，其中的【待补充】须写明措施");
  }
}

}  // namespace

std::optional<std::vector<std::string>> DraftCase(const std::string& dir, bool force,
                                                  Diagnostics& diags) {
  auto evaluation = EvaluateCaseDir(dir, diags);
  if (!evaluation) return std::nullopt;
  const std::string json_path = dir + "/case.json";
  auto raw = ReadFileBytes(json_path);
  if (!raw) {
    diags.Error("draft.read", {json_path, 0, 0, ""}, "无法读取 case.json");
    return std::nullopt;
  }
  JsonValue root = ParseJson(json_path, *raw);
  JsonValue narrative = root.Find("narrative") ? *root.Find("narrative") : JsonObject();
  std::vector<std::string> done;
  size_t said_before_observations = 0;
  bool registered = false;  // case.json is rewritten only when something was added to it
  std::error_code ec;
  std::filesystem::create_directories(dir + "/narrative", ec);
  if (!IsInside(dir + "/narrative", dir)) {
    diags.Error("draft.path", {dir + "/narrative", 0, 0, ""},
                "narrative/ 指向案例目录之外：草稿只写在案例目录内，请改为普通目录");
    return std::nullopt;
  }
  report::ReportInput input{*evaluation->framework, evaluation->c, evaluation->card};
  for (const auto& [key, text] : report::DataDrafts(input)) {
    auto written = evaluation->c.narrative.find(key);
    bool has_words = written != evaluation->c.narrative.end() && !Trim(written->second).empty() &&
                     written->second.find(kStubMark) == std::string::npos;
    const JsonValue* listed = narrative.Find(key);
    std::string file = listed && listed->IsString() ? listed->text : key + ".md";
    std::string path = dir + "/narrative/" + file;
    auto existing = ReadFileBytes(path);
    bool stub = existing && existing->find(kStubMark) != std::string::npos;
    if ((has_words || (existing && !Trim(*existing).empty() && !stub)) && !force) {
      done.push_back("narrative/" + file + "：已有评价人员撰写的内容，未覆盖（需要时加 --force）" +
                     std::string(listed ? "" : "，已在 case.json 中登记"));
      if (!listed && existing) {
        JsonSet(narrative, key, JsonString(file));
        registered = true;
      }
      continue;
    }
    if (!IsPlainRelativePath(file) || !IsInside(path, dir + "/narrative")) continue;
    if (!WriteText(path, text)) {
      diags.Error("draft.write", {path, 0, 0, ""}, "无法写入草稿文件，请检查目录权限");
      return std::nullopt;
    }
    done.push_back("narrative/" + file + "：已写入依据数据生成的草稿" +
                   std::string(existing && !stub ? "（覆盖了原有内容）" : ""));
    if (!listed) {
      JsonSet(narrative, key, JsonString(file));
      registered = true;
    }
  }
  JsonSet(root, "narrative", std::move(narrative));
  said_before_observations = done.size();
  DraftExperiences(*evaluation, root, done);
  DraftObservations(*evaluation, root, done);
  if (registered || done.size() > said_before_observations) {
    std::string text = JsonText(root);
    if (!WriteText(json_path, text)) {
      diags.Error("draft.write", {json_path, 0, 0, ""}, "无法写入 case.json，请检查文件权限");
      return std::nullopt;
    }
    done.push_back("case.json：登记了新的叙述文件和草稿（原有内容保留）");
  }
  return done;
}

}  // namespace jixiao
