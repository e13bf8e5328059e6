#include "app/archive_store.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <map>
#include <set>

#include "app/archive_compare.h"
#include "app/compare_app.h"
#include "compare/comparison.h"
#include "core/text.h"
#include "ingest/json.h"
#include "scorecard_io/scorecard_json.h"
#include "scorecard_io/scorecard_json_reader.h"

namespace jixiao {

namespace {

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

}  // namespace

std::string DefaultArchiveLocation() {
  if (const char* env = std::getenv("JIXIAO_ARCHIVE")) return env;
  const char* home = std::getenv("HOME");
  return std::string(home ? home : ".") + "/.local/share/jixiao/archive.db";
}

std::unique_ptr<store::Store> OpenArchive(const std::string& location, Diagnostics& diags,
                                          int64_t cache_kib, const std::string& spill_dir) {
  auto db = store::Store::Open(location, diags);
  if (!db) return nullptr;
  if (cache_kib > 0) db->LimitCache(cache_kib, spill_dir);
  for (;;) {
    auto ids = db->IdsMissingIndicators("evaluation", 200, diags);
    if (diags.HasErrors()) return nullptr;
    if (ids.empty()) return db;
    for (const auto& id : ids) {
      auto doc = db->Get(id, diags);
      auto version = doc ? db->GetVersion(id, doc->version, diags) : std::nullopt;
      auto card =
          version ? ScorecardFromJson("archive:" + id, version->payload, diags) : std::nullopt;
      if (!card) {
        diags.Error("archive.upgrade", {db->Location(), 0, 0, id},
                    "无法从已存的评分结果补全“" + id + "”的指标得分，请重新加入该案例");
        return nullptr;
      }
      std::vector<store::IndicatorResult> rows;
      for (const auto& r : card->indicators)
        rows.push_back(
            {r.code, r.level, r.name, r.weight.hundredths, r.score.hundredths, r.leaf, r.parent});
      if (rows.empty()) rows.push_back({"", 0, "", 0, 0, false, -1});  // marks it done
      if (!db->SetIndicators(id, doc->version, card->total_weight.hundredths, rows, diags))
        return nullptr;
    }
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

store::DocumentFields EvaluationFields(const Evaluation& e, const std::string& digest) {
  store::DocumentFields f;
  f.kind = "evaluation";
  f.unit = e.c.project.unit;
  f.region = e.c.project.district;
  f.department = e.c.project.authority;
  f.town = e.c.project.town;
  f.year = e.c.project.year;
  f.project = e.c.project.name;
  f.framework = e.framework->id;
  f.framework_title = e.framework->title;
  f.digest = digest;
  f.results.total = e.card.total.hundredths;
  f.results.total_weight = e.card.total_weight.hundredths;
  f.results.grade = e.card.grade;
  f.results.findings = static_cast<int64_t>(e.c.problems.size());
  f.result_json =
      "{\"grades\":" + GradesJson(*e.framework) + ",\"problems\":" + ProblemsJson(e.c) + "}";
  for (const auto& r : e.card.indicators)
    f.indicators.push_back(
        {r.code, r.level, r.name, r.weight.hundredths, r.score.hundredths, r.leaf, r.parent});
  return f;
}

std::optional<AddResult> AddEvaluation(store::Store& db, const Evaluation& e,
                                       const std::string& author, Diagnostics& diags) {
  std::string digest = DigestInputs(e);
  store::DocumentFields fields = EvaluationFields(e, digest);
  std::string payload = ScorecardJson(e.card);
  // Another writer may save the same case between our read and our write: read again, retry.
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto existing = db.Get(e.c.id, diags);
    if (diags.HasErrors()) return std::nullopt;
    if (existing && existing->fields.digest == digest) return AddResult::kUnchanged;
    auto saved = db.Save(e.c.id, existing ? existing->version : 0, fields, payload, author, diags);
    if (!saved) return std::nullopt;
    if (!saved->conflict) return existing ? AddResult::kUpdated : AddResult::kAdded;
  }
  diags.Error("archive.conflict", {db.Location(), 0, 0, e.c.id},
              "“" + e.c.id + "”正被其他进程反复修改，未能写入，请稍后重试");
  return std::nullopt;
}

std::vector<std::optional<AddResult>> AddEvaluations(store::Store& db,
                                                     const std::vector<const Evaluation*>& list,
                                                     const std::string& author,
                                                     Diagnostics& diags) {
  std::vector<std::optional<AddResult>> out(list.size());
  std::vector<store::NewDocument> fresh;
  std::vector<size_t> fresh_index;
  for (size_t i = 0; i < list.size(); ++i) {
    const Evaluation& e = *list[i];
    auto existing = db.Get(e.c.id, diags);
    if (diags.HasErrors()) return out;
    if (existing) {
      out[i] = AddEvaluation(db, e, author, diags);
      continue;
    }
    fresh.push_back({e.c.id, EvaluationFields(e, DigestInputs(e)), ScorecardJson(e.card)});
    fresh_index.push_back(i);
  }
  if (fresh.empty()) return out;
  auto taken = db.CreateMany(fresh, author, diags);
  if (!taken) return out;
  for (size_t k = 0; k < fresh.size(); ++k) {
    bool raced = std::find(taken->begin(), taken->end(), fresh[k].id) != taken->end();
    // Two cases with one id in the same call, or another writer: the ordinary path decides.
    out[fresh_index[k]] =
        raced ? AddEvaluation(db, *list[fresh_index[k]], author, diags) : AddResult::kAdded;
  }
  return out;
}

std::optional<std::vector<OutputFile>> CompareArchived(store::Store& db,
                                                       const store::DocumentFilter& filter,
                                                       const std::vector<std::string>& formats,
                                                       const std::string& template_dir,
                                                       Diagnostics& diags, bool matrix) {
  store::DocumentFilter f = filter;
  f.kind = "evaluation";
  f.order = store::DocumentFilter::Order::kId;
  // Many evaluations (one framework or several): aggregates from the store, rows streamed.
  auto count = db.Count(f, diags);
  if (!count) return std::nullopt;
  if (*count > SummaryThreshold() && *count >= 2)
    return CompareArchivedSummary(db, f, *count, formats, template_dir, diags, matrix);
  // Only what the comparison reads is kept per case: the indexed results, the indicator rows as
  // compare::Row (interned code and name, no explanations) and the problems; the title and grade
  // bands once per framework.
  compare::Names names;
  std::deque<compare::CardRows> cards;
  std::deque<Case> cases;
  std::vector<std::string> framework_of;  // per card
  struct FrameworkSeen {
    std::string title;
    std::vector<GradeBand> bands;
    size_t first = 0;  // the card its indicator tree is rebuilt from
  };
  std::map<std::string, FrameworkSeen> seen;
  bool ok = db.ForEach(
      f,
      [&](const store::Document& d) {
        compare::CardRows card{Score{d.fields.results.total},
                               Score{d.fields.results.total_weight},
                               names.Intern(d.fields.results.grade),
                               {}};
        JsonValue extra = ParseJson("archive:" + d.id, d.fields.result_json);
        if (!seen.count(d.fields.framework)) {
          FrameworkSeen& fw = seen[d.fields.framework];
          fw.title = d.fields.framework_title;
          fw.first = cards.size();
          if (const JsonValue* g = extra.Find("grades"))
            for (const auto& item : g->items)
              fw.bands.push_back(
                  {item.Find("label")->text, Score{std::stoll(item.Find("min")->text)}});
        }
        Case c;
        c.id = d.id;
        c.project.name = d.fields.project;
        c.project.town = d.fields.town;
        c.project.year = d.fields.year;
        if (const JsonValue* problems = extra.Find("problems")) {
          for (const auto& p : problems->items) {
            Observation o;
            o.title = p.Find("title")->text;
            for (const auto& code : p.Find("indicators")->items) o.indicators.push_back(code.text);
            c.problems.push_back(o);
          }
        }
        cards.push_back(std::move(card));
        cases.push_back(std::move(c));
        framework_of.push_back(d.fields.framework);
        return true;
      },
      diags);
  if (!ok) return std::nullopt;
  if (cards.size() < 2) {
    diags.Error(
        "archive.too_few", {"--archive", 0, 0, ""},
        "档案库中符合条件的案例不足两个（共" + std::to_string(cards.size()) + "个），无法比较");
    return std::nullopt;
  }
  // Indicator rows come in the same document order as the cards.
  size_t at = 0;
  ok = db.ForEachIndicator(
      f, 0,
      [&](const std::string& id, const store::IndicatorResult& r) {
        // Each card's rows at their size (growth by doubling leaves up to a third unused).
        while (at < cards.size() && cases[at].id != id) cards[at++].rows.shrink_to_fit();
        if (at == cards.size()) return false;
        cards[at].rows.push_back({r.weight, r.score, names.Intern(r.code), names.Intern(r.name),
                                  static_cast<int32_t>(r.parent), static_cast<uint8_t>(r.level),
                                  r.leaf});
        return true;
      },
      diags);
  if (!ok) return std::nullopt;
  std::map<std::string, Framework> frameworks;
  for (const auto& [id, fw] : seen) {
    Scorecard tree;  // the first card's rows, as FrameworkFromScorecard reads them
    tree.framework_id = id;
    tree.total_weight = cards[fw.first].total_weight;
    for (const auto& r : cards[fw.first].rows) {
      IndicatorResult ir;
      ir.code = names[r.code];
      ir.name = names[r.name];
      ir.level = r.level;
      ir.parent = r.parent;
      ir.leaf = r.leaf;
      ir.weight = Score{r.weight};
      ir.score = Score{r.score};
      tree.indicators.push_back(std::move(ir));
    }
    frameworks.emplace(id, FrameworkFromScorecard(tree, fw.title, fw.bands));
  }
  std::vector<compare::LightRef> refs;
  for (size_t i = 0; i < cards.size(); ++i)
    refs.push_back({&frameworks.at(framework_of[i]), &cases[i], &cards[i]});
  compare::Comparison cmp = compare::Compare(refs, names);
  // The rows the comparison was computed from are freed before the writers build their outputs.
  refs = {};
  cards = {};
  cases = {};
  frameworks = {};
  return RenderComparison(cmp, formats, template_dir, diags);
}

}  // namespace jixiao
