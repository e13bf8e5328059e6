#include "scorecard_io/scorecard_json_reader.h"

#include "ingest/json.h"

namespace jixiao {
namespace {

Score ScoreOf(JsonReader& in, const JsonValue* v) {
  if (!v) return Score{};
  auto r = in.Number(*v);
  return r ? Score::Round(*r) : Score{};
}

std::string Text(const JsonValue* v) { return v && v->IsString() ? v->text : ""; }

}  // namespace

std::optional<Scorecard> ScorecardFromJson(const std::string& where, const std::string& json,
                                           Diagnostics& diags) {
  JsonValue root;
  try {
    root = ParseJson(where, json);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return std::nullopt;
  }
  JsonReader in(where, diags);
  if (!in.Expect(root, JsonValue::Type::kObject)) return std::nullopt;
  Scorecard card;
  card.case_id = Text(root.Find("case"));
  card.framework_id = Text(root.Find("framework"));
  card.total = ScoreOf(in, root.Find("total"));
  card.grade = Text(root.Find("grade"));
  std::vector<int> last_at_level(6, -1);
  if (const JsonValue* list = root.Find("indicators")) {
    for (const auto& item : list->items) {
      IndicatorResult r;
      r.code = Text(item.Find("code"));
      r.name = Text(item.Find("name"));
      auto level = item.Find("level") ? in.Integer(*item.Find("level")) : std::nullopt;
      r.level = static_cast<int>(level.value_or(1));
      r.weight = ScoreOf(in, item.Find("weight"));
      r.score = ScoreOf(in, item.Find("score"));
      const JsonValue* value = item.Find("value");
      r.leaf = value && value->IsString();
      if (r.leaf) r.value = value->text;
      r.parent = r.level > 1 && r.level <= 5 ? last_at_level[static_cast<size_t>(r.level - 1)] : -1;
      if (const JsonValue* ds = item.Find("deductions"))
        for (const auto& d : ds->items)
          r.deductions.push_back({in.Number(*d.Find("points")).value_or(Rational(0)), std::nullopt,
                                  Text(d.Find("reason"))});
      if (r.level >= 1 && r.level <= 5)
        last_at_level[static_cast<size_t>(r.level)] = static_cast<int>(card.indicators.size());
      card.indicators.push_back(r);
    }
  }
  for (const auto* c : card.Categories()) card.total_weight += c->weight;
  return card;
}

Framework FrameworkFromScorecard(const Scorecard& card, const std::string& title,
                                 const std::vector<GradeBand>& grades) {
  Framework fw;
  fw.id = card.framework_id;
  fw.title = title;
  fw.grades = grades;
  fw.total = card.total_weight;
  // Rebuild the tree from the pre-order list: each node goes under the last node one level up.
  std::vector<Indicator*> path(6, nullptr);
  for (const auto& r : card.indicators) {
    Indicator node;
    node.code = r.code;
    node.name = r.name;
    node.weight = r.weight;
    node.level = r.level;
    if (r.level <= 1 || !path[static_cast<size_t>(r.level - 1)]) {
      fw.indicators.push_back(node);
      path[1] = &fw.indicators.back();
    } else if (r.level <= 4) {
      Indicator* parent = path[static_cast<size_t>(r.level - 1)];
      parent->children.push_back(node);
      path[static_cast<size_t>(r.level)] = &parent->children.back();
    }
  }
  return fw;
}

}  // namespace jixiao
