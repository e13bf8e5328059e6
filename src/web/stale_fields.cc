#include "web/stale_fields.h"

#include "core/text.h"
#include "web/case_snapshot.h"
#include "web/change_places.h"
#include "web/selfeval_page.h"

namespace jixiao::web {
namespace {

std::string ValueOf(const std::map<std::string, std::string>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? "" : it->second;
}

std::string Quoted(const std::string& text) { return text.empty() ? "空" : "“" + text + "”"; }

}  // namespace

StaleMerge MergeStale(const std::vector<std::pair<std::string, std::string>>& labels,
                      const std::map<std::string, std::string>& opened,
                      const std::map<std::string, std::string>& newer,
                      const std::map<std::string, std::string>& typed) {
  StaleMerge out;
  for (const auto& [key, label] : labels) {
    const std::string before = Trim(ValueOf(opened, key));
    const std::string theirs = Trim(ValueOf(newer, key));
    auto sent = typed.find(key);
    const bool mine = sent != typed.end() && Trim(sent->second) != before;
    if (mine) out.kept[key] = sent->second;
    if (theirs == before) continue;
    std::string line = label + "：他人改为" + Quoted(theirs) + "（原为" + Quoted(before) + "）";
    if (mine && Trim(sent->second) == theirs)
      line += "；与您填写的相同";
    else if (mine)
      line += "；您填写的是" + Quoted(Trim(sent->second)) + "（下面保留您的填写，保存即以它为准）";
    else
      line += "；您未改动此处，下面显示他人的新值";
    out.changes.push_back(line);
  }
  return out;
}

// The form's fields as the page names them, in page order, and their saved texts.
void SelfEvalFields(const SelfEvaluation& form,
                    std::vector<std::pair<std::string, std::string>>* labels,
                    std::map<std::string, std::string>* values) {
  static const std::pair<const char*, const char*> kRowFields[] = {
      {"a_", "实际完成值"}, {"s_", "得分"}, {"r_", "偏差原因"}};
  for (size_t i = 0; i < form.rows.size(); ++i) {
    const SelfEvalRow& row = form.rows[i];
    for (const auto& [prefix, field] : kRowFields) {
      const std::string key = prefix + std::to_string(i);
      if (labels)
        labels->push_back(
            {key, "第" + std::to_string(i + 1) + "行 " + row.indicator() + " " + field});
      (*values)[key] = prefix[0] == 'a'   ? row.actual.text
                       : prefix[0] == 's' ? row.score.text
                                          : row.reason.text;
    }
  }
  if (labels) labels->push_back({"total", "表上总分"});
  (*values)["total"] = form.total.text;
  if (labels) labels->push_back({"goal_actual", "总体目标实际完成情况"});
  (*values)["goal_actual"] = form.goal_actual.text;
  for (const auto& in : kBudgetInputs) {
    if (labels) labels->push_back({in.key, std::string("预算执行 ") + in.field});
    (*values)[in.key] = BudgetText(form.budget, in.key);
  }
}

std::vector<std::string> TargetRowChanges(const std::vector<TargetRow>& opened,
                                          const std::vector<TargetRow>& newer) {
  auto text = [](const TargetRow& r) {
    std::string t = r.level3;
    for (const std::string* cell : {&r.value, &r.unit})
      if (!cell->empty()) t += (t.empty() ? "" : " ") + *cell;
    return t;
  };
  std::map<int, std::string> before, after;
  for (const auto& r : opened) before[r.line] = text(r);
  for (const auto& r : newer) after[r.line] = text(r);
  std::vector<std::string> out;
  for (auto b = before.begin(), a = after.begin(); b != before.end() || a != after.end();) {
    const int line = b == before.end()  ? a->first
                     : a == after.end() ? b->first
                                        : std::min(a->first, b->first);
    const bool in_b = b != before.end() && b->first == line;
    const bool in_a = a != after.end() && a->first == line;
    const std::string place = "第" + std::to_string(line) + "行：";
    if (in_b && in_a && b->second != a->second)
      out.push_back(place + "他人改为" + Quoted(a->second) + "（原为" + Quoted(b->second) + "）");
    else if (in_a && !in_b)
      out.push_back(place + "他人添加" + Quoted(a->second));
    else if (in_b && !in_a)
      out.push_back(place + "他人删除" + Quoted(b->second));
    if (in_b) ++b;
    if (in_a) ++a;
  }
  return out;
}

std::vector<std::string> CaseChanges(const std::string& opened_snapshot,
                                     const std::string& newer_snapshot) {
  std::vector<std::string> out;
  for (const auto& c : DiffCaseSnapshots(opened_snapshot, newer_snapshot))
    out.push_back(ChangePlace(c.place) + "：他人改为" + Quoted(c.after) + "（原为" +
                  Quoted(c.before) + "）");
  return out;
}

std::string ChangesSentence(const std::vector<std::string>& changes, size_t limit) {
  if (changes.empty()) return "";
  std::string out = "其间改动：";
  for (size_t i = 0; i < changes.size() && i < limit; ++i) out += (i ? "；" : "") + changes[i];
  if (changes.size() > limit) out += "；等 " + std::to_string(changes.size()) + " 处";
  return out + "。";
}

}  // namespace jixiao::web
