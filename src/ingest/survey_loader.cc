// survey/questionnaire.json and survey/responses.csv of a case (DESIGN.md §4, issue 6).

#include <algorithm>

#include "core/text.h"
#include "ingest/case_loader.h"
#include "ingest/csv.h"
#include "ingest/json.h"

namespace jixiao {
namespace {

std::vector<std::string> StringList(JsonReader& in, const JsonValue* v) {
  std::vector<std::string> out;
  if (!v || !in.Expect(*v, JsonValue::Type::kArray)) return out;
  for (const auto& item : v->items)
    if (auto s = in.String(item)) out.push_back(*s);
  return out;
}

std::optional<Question> ReadQuestion(JsonReader& in, const JsonValue& v) {
  if (!in.Expect(v, JsonValue::Type::kObject)) return std::nullopt;
  in.RejectUnknown(
      v, {"id", "text", "type", "options", "metric", "method", "positive", "scores", "group_by"});
  Question q;
  q.where = in.Where(v);
  const JsonValue* id = in.Member(v, "id", true);
  const JsonValue* text = in.Member(v, "text", true);
  if (!id || !text) return std::nullopt;
  q.id = in.String(*id).value_or("");
  q.text = in.String(*text).value_or("");
  if (const JsonValue* type = v.Find("type")) {
    std::string t = in.String(*type).value_or("single");
    if (t != "single" && t != "multiple")
      in.Error(*type, "survey.type", "type 只能是 single（单选）或 multiple（多选）");
    q.multiple = t == "multiple";
  }
  q.options = StringList(in, in.Member(v, "options", true));
  if (const JsonValue* m = v.Find("metric")) q.metric = in.String(*m).value_or("");
  if (const JsonValue* g = v.Find("group_by")) q.group_by = in.String(*g).value_or("");
  std::string method = "share";
  if (const JsonValue* m = v.Find("method")) method = in.String(*m).value_or("share");
  auto known = [&](const std::string& option) {
    return std::find(q.options.begin(), q.options.end(), option) != q.options.end();
  };
  if (method == "share") {
    for (const auto& p : StringList(in, v.Find("positive"))) {
      if (!known(p)) in.Error(v, "survey.positive", "positive 中的“" + p + "”不是该题的选项");
      q.positive.insert(p);
    }
    if (!q.metric.empty() && q.positive.empty())
      in.Error(v, "survey.positive", "按比例计算（share）的题目须在 positive 中列出计为正面的选项");
  } else if (method == "mean") {
    q.method = Question::Method::kMean;
    const JsonValue* scores = in.Member(v, "scores", true);
    if (scores && in.Expect(*scores, JsonValue::Type::kObject)) {
      for (const auto& [option, score] : scores->members) {
        auto value = in.Integer(score);
        if (!known(option))
          in.Error(score, "survey.scores", "scores 中的“" + option + "”不是该题的选项");
        if (value && (*value < 0 || *value > 100))
          in.Error(score, "survey.scores", "选项分值应在 0–100 之间");
        if (value) q.scores[option] = static_cast<int>(*value);
      }
      for (const auto& o : q.options)
        if (!q.scores.count(o)) in.Error(*scores, "survey.scores", "选项“" + o + "”缺少分值");
    }
  } else {
    in.Error(*v.Find("method"), "survey.method",
             "method 只能是 share（正面选项占比）或 mean（选项分值均值）");
  }
  return q;
}

}  // namespace

bool LoadQuestionnaire(const std::string& qfile, Questionnaire& q, Diagnostics& diags) {
  size_t before = diags.items().size();
  q.file = qfile;
  try {
    JsonValue root = ReadJsonFile(qfile);
    JsonReader in(qfile, diags);
    if (!in.Expect(root, JsonValue::Type::kObject)) return false;
    in.RejectUnknown(root, {"title", "population", "sampling", "questions"});
    if (const JsonValue* t = in.Member(root, "title", true)) q.title = in.String(*t).value_or("");
    if (const JsonValue* s = root.Find("sampling")) q.sampling = in.String(*s).value_or("");
    if (const JsonValue* p = root.Find("population")) q.population = in.Integer(*p);
    if (const JsonValue* questions = in.Member(root, "questions", true)) {
      if (in.Expect(*questions, JsonValue::Type::kArray))
        for (const auto& item : questions->items)
          if (auto question = ReadQuestion(in, item)) q.questions.push_back(*question);
    }
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
  }
  for (size_t i = before; i < diags.items().size(); ++i)
    if (diags.items()[i].severity == Severity::kError) return false;
  return true;
}

void LoadSurvey(const std::string& dir, Survey& survey, Diagnostics& diags) {
  std::string qfile = dir + "/survey/questionnaire.json", rfile = dir + "/survey/responses.csv";
  if (!PathExists(qfile) && !PathExists(rfile)) return;
  survey.present = true;
  survey.questionnaire.file = qfile;
  survey.responses_file = rfile;
  if (!PathExists(qfile) || !PathExists(rfile)) {
    diags.Error("survey.incomplete", {PathExists(qfile) ? rfile : qfile, 0, 0, ""},
                "问卷需要 questionnaire.json 和 responses.csv 两个文件，缺少此文件");
    return;
  }
  Questionnaire& q = survey.questionnaire;
  if (!LoadQuestionnaire(qfile, q, diags) && q.questions.empty()) return;
  try {
    CsvTable csv = ReadCsvFile(rfile);
    CsvCells cells(csv, diags);
    CsvColumn id = csv.Column("编号");
    std::map<std::string, CsvColumn> columns;
    for (const auto& question : q.questions) {
      CsvColumn col = csv.Column(question.id);
      if (!col.present())
        diags.Error("survey.column", {rfile, 1, 0, ""},
                    "responses.csv 缺少题目“" + question.id + "”的列");
      columns[question.id] = col;
    }
    std::set<std::string> question_ids;
    for (const auto& question : q.questions) question_ids.insert(question.id);
    for (const auto& row : csv.rows) {
      SurveyResponse r;
      r.line = row.line;
      r.id = cells.Text(row, id);
      for (size_t c = 0; c < csv.header.size(); ++c) {
        const std::string& h = csv.header[c];
        if (h != "编号" && !question_ids.count(h)) r.groups[h] = cells.Text(row, csv.Column(h));
      }
      for (const auto& question : q.questions) {
        const CsvColumn& col = columns[question.id];
        std::string text = cells.Text(row, col);
        if (text.empty()) continue;  // missing: left out of this question's denominator
        std::vector<std::string> chosen;
        size_t start = 0;
        std::string normalized = text;
        for (size_t pos; (pos = normalized.find("；")) != std::string::npos;)
          normalized.replace(pos, 3, ";");
        while (start <= normalized.size()) {
          size_t end = normalized.find(';', start);
          std::string part = Trim(
              normalized.substr(start, end == std::string::npos ? std::string::npos : end - start));
          if (!part.empty()) chosen.push_back(part);
          if (end == std::string::npos) break;
          start = end + 1;
        }
        if (!question.multiple && chosen.size() > 1)
          cells.Error(row, col, "survey.single",
                      "单选题“" + question.id + "”选了多个选项：“" + text + "”");
        for (const auto& option : chosen)
          if (std::find(question.options.begin(), question.options.end(), option) ==
              question.options.end())
            cells.Error(row, col, "survey.unknown_option",
                        "“" + option + "”不是题目“" + question.id +
                            "”的选项，请核对或在 questionnaire.json 中补充");
        r.answers[question.id] = chosen;
      }
      survey.responses.push_back(r);
    }
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
  }
}

}  // namespace jixiao
